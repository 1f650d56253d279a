import Foundation
import ScaffoldCore

/// The `swiftc --version` text, cached by the compiler binary's path, size and modification
/// time, so warm loads don't run the compiler at all.
enum CompilerVersion {
    static func cached(swiftc: String, cacheDirectory: URL) throws -> String {
        let resolved = URL(fileURLWithPath: which(swiftc)).resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        let stamp = SHA256.hex("\(resolved)\n\(size)\n\(modified)")
        let file = cacheDirectory.appendingPathComponent("swiftc-\(stamp).version")
        if let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) {
            return text
        }
        let result: Subprocess.Output
        do {
            result = try Subprocess.run(swiftc, ["--version"])
        } catch {
            throw LoaderError.compilerMissing(swiftc)
        }
        guard result.status == 0 else { throw LoaderError.compilerMissing(swiftc) }
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try? FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        try? Data(version.utf8).write(to: file, options: .atomic)
        return version
    }

    static func which(_ program: String) -> String {
        if program.contains("/") { return program }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return program
    }
}

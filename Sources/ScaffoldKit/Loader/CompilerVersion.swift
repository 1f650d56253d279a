import Foundation
import ScaffoldCore

/// What scaffold knows of the Swift compiler it runs: its version (part of every blueprint cache
/// key) and, where `swiftc -print-target-info` tells, where its tools and runtime are, so the
/// loader can run the frontend and the linker itself instead of through the driver.
///
/// Cached per user (never in a project's `.scaffold/cache`, so a cleared project cache doesn't
/// ask again) by the compiler binary's path, size and modification time.
struct CompilerVersion: Codable, Equatable, Sendable {
    /// The `swiftc --version` text.
    var version: String
    /// The target triple, when known.
    var triple: String?
    /// The runtime's library folders (`-L` and `-rpath` of a link).
    var runtimeLibraryPaths: [String]
    /// The runtime's resource folder (`lib/swift`), holding `swiftrt.o`.
    var runtimeResourcePath: String?
    /// The folder of the resolved `swiftc`, holding `swift-frontend`, `clang` and the linkers.
    var binDirectory: String

    /// The driver flag that links with the toolchain's `lld`, where it has one: it links a
    /// blueprint of many object files several times faster than the system linker.
    var fastLinker: [String] {
        FileManager.default.isExecutableFile(atPath: URL(fileURLWithPath: binDirectory).appendingPathComponent("ld.lld").path) ? ["-use-ld=lld"] : []
    }

    /// The compiler's description, from the cache in `cacheDirectory` or by asking it once.
    static func cached(swiftc: String, cacheDirectory: URL) throws -> CompilerVersion {
        let resolved = URL(fileURLWithPath: which(swiftc)).resolvingSymlinksInPath().path
        let stamp = FileStat.of(resolved).map { "\(resolved)\n\($0.size)\n\($0.modified)\n\($0.inode)" } ?? resolved
        let file = cacheDirectory.appendingPathComponent("swiftc-\(SHA256.hex(stamp)).json")
        if let data = FileManager.default.contents(atPath: file.path), let known = try? JSONDecoder().decode(CompilerVersion.self, from: data) {
            return known
        }
        let info = try ask(swiftc, binDirectory: URL(fileURLWithPath: resolved).deletingLastPathComponent().path)
        try? FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(info) { try? data.write(to: file, options: .atomic) }
        return info
    }

    /// Runs `swiftc -print-target-info` (or, for a compiler without it, `--version`).
    static func ask(_ swiftc: String, binDirectory: String) throws -> CompilerVersion {
        struct TargetInfo: Decodable {
            struct Target: Decodable { var triple: String }
            struct Paths: Decodable { var runtimeLibraryPaths: [String]; var runtimeResourcePath: String }
            var compilerVersion: String
            var target: Target
            var paths: Paths
        }
        if let result = try? Subprocess.run(swiftc, ["-print-target-info"]), result.status == 0,
           let info = try? JSONDecoder().decode(TargetInfo.self, from: Data(result.stdout.utf8)) {
            // The same text `swiftc --version` prints.
            return CompilerVersion(version: "\(info.compilerVersion)\nTarget: \(info.target.triple)", triple: info.target.triple,
                                   runtimeLibraryPaths: info.paths.runtimeLibraryPaths, runtimeResourcePath: info.paths.runtimeResourcePath,
                                   binDirectory: binDirectory)
        }
        let result: Subprocess.Output
        do {
            result = try Subprocess.run(swiftc, ["--version"])
        } catch {
            throw LoaderError.compilerMissing(swiftc)
        }
        guard result.status == 0 else { throw LoaderError.compilerMissing(swiftc) }
        return CompilerVersion(version: result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), triple: nil,
                               runtimeLibraryPaths: [], runtimeResourcePath: nil, binDirectory: binDirectory)
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

import Foundation

/// Paths the integration tests need: the repository, its presets and snapshots, and the built binary.
enum TestPaths {
    /// The repository root, found from this file's location.
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var blueprints: URL { repository.appendingPathComponent("Blueprints") }
    static var snapshots: URL { repository.appendingPathComponent("Snapshots") }

    /// The folder holding the test bundle, the `scaffold` binary and the blueprint module.
    static var products: URL {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable)
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("scaffold").path) && FileManager.default.fileExists(atPath: url.appendingPathComponent("Modules/BlueprintDescription.swiftmodule").path) { return url }
            url.deleteLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug")
    }

    /// The built `scaffold` executable.
    static var scaffold: URL { products.appendingPathComponent("scaffold") }

    /// The preset names in Blueprints/, sorted.
    static var presetNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: blueprints.path)) ?? [])
            .filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }.sorted()
    }

    /// A new empty temporary folder.
    static func temporaryFolder(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-tests-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file below `root`, as sorted relative paths.
    static func files(in root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = root.resolvingSymlinksInPath().path
        var result: [String] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
            guard values?.isRegularFile == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            result.append(String(path.dropFirst(base.count + 1)))
        }
        return result.sorted()
    }
}

/// Runs the real `scaffold` binary.
enum ScaffoldBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = TestPaths.scaffold
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = PipeDrain(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on another thread (so a child filling both pipes can't block), and
/// hands the bytes over when asked.
final class PipeDrain: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            let bytes = handle.readDataToEndOfFile()
            lock.withLock { data = bytes }
            done.signal()
        }
    }

    /// Everything the pipe carried, once it is closed.
    func wait() -> Data {
        done.wait()
        return lock.withLock { data }
    }
}

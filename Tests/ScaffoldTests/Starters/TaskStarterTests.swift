import Foundation
import Testing

/// The starters a job or cron task runs with its own arguments finish; the long-running service
/// running the same program keeps running.
@Suite("Starters run by tasks")
struct TaskStarterTests {
    /// `python3` on this machine, if any.
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `python3 arguments` in `folder` under `timeout` for at most `seconds`; nil when it
    /// was still running then (timeout's status 124).
    static func run(_ arguments: [String], in folder: URL, seconds: Int) throws -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=2", String(seconds), try #require(python)] + arguments
        process.currentDirectoryURL = folder
        process.environment = ["PYTHONDONTWRITEBYTECODE": "1", "WORKER_HEARTBEAT": FileManager.default.temporaryDirectory.appendingPathComponent("task-starter-\(UUID().uuidString)").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // timeout stopped it: 124 after TERM; when the child ignored TERM (a child of the test
        // runner may inherit it blocked), timeout's KILL two seconds later ends timeout too.
        let stopped = process.terminationReason == .uncaughtSignal || process.terminationStatus == 124
        return stopped ? nil : (process.terminationStatus, output)
    }

    @Test("multicloud's cleanup task runs the worker module with --cleanup: it does one round and exits 0", .enabled(if: python != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout")))
    func pythonWorker() throws {
        // A copy, so Python's byte code never lands in the snapshot.
        let folder = TestPaths.temporaryFolder("task-starter").appendingPathComponent("worker")
        try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("Snapshots/multicloud/worker"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let task = try #require(try Self.run(["-m", "worker", "--cleanup"], in: folder, seconds: 20), "python -m worker --cleanup did not finish")
        #expect(task.status == 0 && task.output.contains("task done"), "\(task.output)")
        let worker = try Self.run(["-m", "worker"], in: folder, seconds: 3)
        #expect(worker == nil, "the worker itself keeps running: \(String(describing: worker))")
    }
}

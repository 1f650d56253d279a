import Foundation
import ScaffoldCore
@testable import ScaffoldKit
import Testing

/// The writer is all-or-nothing under every fault: permissions, a full disk, kill -9 at any
/// moment of staging and renaming, two regens at once, a tampered ledger and planted links.
/// After any of them the project is wholly old or wholly new and no staging file is left.
@Suite("Writer faults", .serialized)
struct WriterFaultTests {
    /// A one-service blueprint whose version 1 and 2 differ in many files.
    static func blueprint(_ version: Int) -> String {
        """
        import BlueprintDescription
        let blueprint = Blueprint(name: "fault", environments: [.development, .production], services: [
            .app("api", path: "api", runtime: .python("3.12", packages: .uv, server: .uvicorn("app.main:app")), port: \(8000 + version),
                 health: .http("/health"), environment: ["VERSION": "\(version)"]),
            .redis(),
        ])

        """
    }

    /// The project's files (without the loader cache and the lock), by path.
    static func tree(_ root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in TestPaths.files(in: root) where !path.hasPrefix(".scaffold/cache/") && path != ProjectLock.path {
            result[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
        }
        return result
    }

    /// Staging, backup and journal files anywhere in the project.
    static func leftovers(_ root: URL) -> [String] {
        TestPaths.files(in: root).filter { $0.contains(".scaffold-") && ($0.hasSuffix(".new") || $0.hasSuffix(".old") || $0.hasSuffix(".tmp")) || $0 == Journal.path }
    }

    /// A project at version 1, plus the trees of version 1 and 2 (rendered once, in other folders).
    static func fixture(_ name: String) throws -> (root: URL, old: [String: Data], new: [String: Data]) {
        let base = TestPaths.temporaryFolder("fault-\(name)")
        var trees: [[String: Data]] = []
        for version in [1, 2] {
            let root = base.appendingPathComponent("v\(version)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try Data(blueprint(version).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
            let result = try ScaffoldBinary.run(["regen", "--project", root.path])
            #expect(result.status == 0, "\(result.output)")
            trees.append(tree(root))
        }
        let root = base.appendingPathComponent("work")
        try copy(base.appendingPathComponent("v1"), to: root)
        return (root, trees[0], trees[1].merging([:]) { a, _ in a })
    }

    static func copy(_ from: URL, to: URL) throws {
        try? FileManager.default.removeItem(at: to)
        try FileManager.default.copyItem(at: from, to: to)
    }

    /// Version 2's tree with the blueprint the project has (the trees differ only by what regen wrote).
    static func matches(_ tree: [String: Data], _ expected: [String: Data]) -> Bool {
        tree.filter { $0.key != "Blueprint.swift" } == expected.filter { $0.key != "Blueprint.swift" }
    }

    @Test("kill -9 at random moments of staging, renaming and after the commit: wholly old or wholly new")
    func killed() throws {
        let (root, old, new) = try Self.fixture("kill")
        let pristine = root.deletingLastPathComponent().appendingPathComponent("v1")
        let changed = old.filter { new[$0.key] != $0.value }.count + new.filter { old[$0.key] == nil }.count
        #expect(changed > 3, "the two versions should differ in several files")
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        let trials = Int(ProcessInfo.processInfo.environment["SCAFFOLD_FAULT_TRIALS"] ?? "") ?? 100
        for phase in ["stage", "rename"] {
            for trial in 0..<trials {
                try Self.copy(pristine, to: root)
                try Data(Self.blueprint(2).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
                let step = Int.random(in: 1...(changed * 2 + 2), using: &generator)
                let killed = try ScaffoldBinary.run(["regen", "--project", root.path], environment: ["SCAFFOLD_FAULT": "\(phase):\(step)"])
                // The next command recovers first.
                let next = try ScaffoldBinary.run(["dump", "--project", root.path])
                #expect(next.status == 0, "\(next.output.prefix(600))")
                let after = Self.tree(root)
                let wholly = Self.matches(after, old) ? "old" : (Self.matches(after, new) ? "new" : "mixed")
                outcomes["\(phase) \(wholly)", default: 0] += 1
                #expect(wholly != "mixed", "\(phase) trial \(trial) (step \(step), exit \(killed.status)) left a mix of old and new files")
                #expect(Self.leftovers(root).isEmpty, "\(phase) trial \(trial) left \(Self.leftovers(root))")
                if killed.status == 0 { #expect(wholly == "new") }
            }
        }
        try Self.copy(pristine, to: root)
        try Data(Self.blueprint(2).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
        _ = try ScaffoldBinary.run(["regen", "--project", root.path], environment: ["SCAFFOLD_FAULT": "commit:1"])
        _ = try ScaffoldBinary.run(["dump", "--project", root.path])
        #expect(Self.matches(Self.tree(root), new), "a kill after the commit must complete the new version")
        #expect(Self.leftovers(root).isEmpty)
        print("kill -9 outcomes over \(trials) trials per phase: \(outcomes.sorted { $0.key < $1.key })")
    }

    @Test("two regens at once never interleave")
    func concurrent() throws {
        let (root, _, new) = try Self.fixture("concurrent")
        try Data(Self.blueprint(2).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
        let results = LockedResults()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                results.append(try? ScaffoldBinary.run(["regen", "--project", root.path]))
                group.leave()
            }
        }
        group.wait()
        #expect(results.all.count == 2)
        #expect(results.all.allSatisfy { $0?.status == 0 }, "\(results.all.map { $0?.output ?? "failed to run" })")
        #expect(Self.matches(Self.tree(root), new))
        #expect(Self.leftovers(root).isEmpty)
    }

    @Test("a ledger naming Blueprint.swift, .git/config or a source file deletes nothing")
    func tamperedLedger() throws {
        let (root, _, _) = try Self.fixture("ledger")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("[core]\n".utf8).write(to: root.appendingPathComponent(".git/config"))
        for victim in ["Blueprint.swift", ".git/config", "api/app/main.py"] {
            let url = root.appendingPathComponent(Ledger.path)
            var ledger = try JSONDecoder().decode(Ledger.self, from: try #require(FileManager.default.contents(atPath: url.path)))
            let bytes = try #require(FileManager.default.contents(atPath: root.appendingPathComponent(victim).path))
            ledger.files[victim] = .init(sha256: SHA256.hex(bytes), executable: false)
            try ledger.encoded().write(to: url)
            let before = Self.tree(root)
            let result = try ScaffoldBinary.run(["regen", "--project", root.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("names files scaffold never generates") && result.stderr.contains(victim), "\(result.output)")
            #expect(Self.tree(root) == before, "a tampered ledger changed the project")
            ledger.files[victim] = nil
            try ledger.encoded().write(to: url)
        }
    }

    @Test("a symlink planted where staging files used to be named is never written through")
    func plantedLinks() throws {
        let (root, _, new) = try Self.fixture("links")
        let outside = TestPaths.temporaryFolder("links-outside").appendingPathComponent("target.txt")
        try Data("untouched\n".utf8).write(to: outside)
        // The old, predictable names for a range of pids, and one at a guessed staging name.
        for pid in 1...3000 {
            try? FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(".compose.yaml.scaffold-\(pid).tmp").path, withDestinationPath: outside.path)
        }
        try Data(Self.blueprint(2).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
        let result = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: outside.path)), as: UTF8.self) == "untouched\n")
        let tree = Self.tree(root).filter { !$0.key.hasPrefix(".compose.yaml.scaffold-") }
        #expect(Self.matches(tree, new))
        // And staging creates exclusively, refusing a link at its own name.
        let link = root.appendingPathComponent("planted")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)
        #expect(throws: WriterError.self) { try FileIO.writeExclusive(Data("x".utf8), to: link, mode: 0o644, sync: false) }
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: outside.path)), as: UTF8.self) == "untouched\n")
    }

    @Test("a folder where a generated file belongs: a true message, nothing changed")
    func folderInTheWay() throws {
        let (root, _, _) = try Self.fixture("folder")
        try Data(Self.blueprint(2).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
        let target = root.appendingPathComponent("compose.development.yaml")
        try FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let before = Self.tree(root)
        let result = try ScaffoldBinary.run(["regen", "--project", root.path, "--force"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("compose.development.yaml") && result.stderr.contains("nothing was changed"), "\(result.output)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(Self.tree(root) == before)
        #expect(Self.leftovers(root).isEmpty)
    }

    /// Runs scaffold as an unprivileged user: as root, through `setpriv` as nobody (root ignores
    /// file modes), with the project handed to that user; otherwise as the current user.
    static func runUnprivileged(_ arguments: [String], project: URL) throws -> ScaffoldBinary.Result {
        guard getuid() == 0 else { return try ScaffoldBinary.run(arguments) }
        let chown = Process()
        chown.executableURL = URL(fileURLWithPath: "/bin/chown")
        chown.arguments = ["-R", "65534:65534", project.deletingLastPathComponent().path]
        try chown.run()
        chown.waitUntilExit()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", TestPaths.scaffold.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = project.deletingLastPathComponent().path
        environment["XDG_CACHE_HOME"] = project.deletingLastPathComponent().appendingPathComponent(".cache").path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = PipeDrain(err)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ScaffoldBinary.Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errors.wait(), as: UTF8.self))
    }

    static var canDropPrivileges: Bool { getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }

    @Test("a read-only folder or .scaffold: a true message, nothing changed; a read-only file is replaced",
          .enabled(if: canDropPrivileges, "needs setpriv to run as an unprivileged user"))
    func readOnly() throws {
        for (name, locked) in [("folder", "api"), ("state", ".scaffold")] {
            let (root, _, _) = try Self.fixture("readonly-\(name)")
            try Data(Self.blueprint(2).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
            _ = try Self.runUnprivileged(["dump", "--project", root.path], project: root)  // warm the cache
            let before = Self.tree(root)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: root.appendingPathComponent(locked).path)
            let result = try Self.runUnprivileged(["regen", "--project", root.path], project: root)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.appendingPathComponent(locked).path)
            #expect(result.status == 1, "\(name): \(result.output)")
            #expect(result.stderr.contains("permission denied") && result.stderr.contains("nothing was changed") && result.stderr.contains(locked), "\(name): \(result.output)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
            #expect(Self.tree(root) == before, "\(name): a refused write changed the project")
            #expect(Self.leftovers(root).isEmpty)
        }
        let (root, _, new) = try Self.fixture("readonly-file")
        try Data(Self.blueprint(2).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: root.appendingPathComponent("compose.yaml").path)
        let result = try Self.runUnprivileged(["regen", "--project", root.path], project: root)
        #expect(result.status == 0, "\(result.output)")
        #expect(Self.matches(Self.tree(root), new))
    }

    static var canMount: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount") }

    @Test("a full disk: the space is checked first, nothing changed, no staging file left",
          .enabled(if: canMount, "needs root to mount a small tmpfs"))
    func diskFull() throws {
        let (work, _, _) = try Self.fixture("diskfull")
        let mountPoint = work.deletingLastPathComponent().appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        func run(_ tool: String, _ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
        }
        try run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.path])
        defer { try? run("/bin/umount", ["-l", mountPoint.path]) }
        let root = mountPoint.appendingPathComponent("p")
        try Self.copy(work, to: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".scaffold/cache"))
        try Data(Self.blueprint(2).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
        _ = try ScaffoldBinary.run(["dump", "--project", root.path])  // compile and cache version 2 while there is room
        // Fill the disk, leaving a few KiB.
        let free = FileIO.freeBytes(at: root) ?? 0
        try Data(count: Int(max(free, 24 * 1024) - 24 * 1024)).write(to: mountPoint.appendingPathComponent("filler"))
        let before = Self.tree(root)
        let result = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.stderr.contains("free") && result.stderr.contains("nothing was changed"), "\(result.output)")
        #expect(Self.tree(root) == before)
        #expect(Self.leftovers(root).isEmpty)
    }
}

/// Results gathered from several threads.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [ScaffoldBinary.Result?] = []
    func append(_ result: ScaffoldBinary.Result?) { lock.withLock { results.append(result) } }
    var all: [ScaffoldBinary.Result?] { lock.withLock { results } }
}

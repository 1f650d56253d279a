import Foundation
import ScaffoldCore
import ScaffoldKit
import Testing

/// Every `Blueprints/<name>.swift` renders, through the real loader, to exactly the tree in
/// `Snapshots/<name>/`. Record on purpose with `SCAFFOLD_RECORD=1 swift test --filter SnapshotTests`
/// (never when `CI` is set).
@Suite("Snapshots")
struct SnapshotTests {
    static let recordCommand = "SCAFFOLD_RECORD=1 swift test --filter SnapshotTests"

    static var recording: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["SCAFFOLD_RECORD"] == "1" && (environment["CI"] ?? "").isEmpty
    }

    /// A session over a preset, through the real loader, with its `<name>.templates/` overrides.
    static func session(_ name: String) throws -> ProjectSession {
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        let overrides = TestPaths.blueprints.appendingPathComponent("\(name).templates")
        return ProjectSession(
            installation: installation, blueprint: TestPaths.blueprints.appendingPathComponent("\(name).swift"),
            displayPath: "Blueprints/\(name).swift",
            overrides: FileManager.default.fileExists(atPath: overrides.path) ? overrides : nil,
            cacheDirectory: TestPaths.repository.appendingPathComponent(".build/scaffold-test-cache"))
    }

    /// Renders a preset in process.
    static func render(_ name: String) throws -> [GeneratedFile] {
        try session(name).render().files
    }

    /// A preset's resolved model.
    static func project(_ name: String) throws -> ResolvedProject {
        try session(name).resolve().project
    }

    @Test("every preset has a snapshot", arguments: TestPaths.presetNames)
    func snapshot(_ name: String) throws {
        let files = try Self.render(name)
        let folder = TestPaths.snapshots.appendingPathComponent(name)
        if Self.recording {
            try? FileManager.default.removeItem(at: folder)
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
                try FileManager.default.setAttributes([.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: url.path)
            }
            print("recorded Snapshots/\(name) (\(files.count) files)")
            return
        }
        guard FileManager.default.fileExists(atPath: folder.path) else {
            Issue.record("Snapshots/\(name) is missing: record it on purpose with `\(Self.recordCommand)` and review the files")
            return
        }
        var problems: [String] = []
        let expectedPaths = Set(TestPaths.files(in: folder))
        let renderedPaths = Set(files.map(\.path))
        for path in expectedPaths.subtracting(renderedPaths).sorted() {
            problems.append("Snapshots/\(name)/\(path) is no longer rendered")
        }
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            let expected = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
            if expected != file.contents {
                problems.append(UnifiedDiff.diff(path: "Snapshots/\(name)/\(file.path)", old: expected, new: file.contents))
            }
            if expected != nil {
                let mode = ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? NSNumber)?.intValue ?? 0
                if (mode & 0o100 != 0) != file.executable {
                    problems.append("Snapshots/\(name)/\(file.path): executable bit differs (rendered: \(file.executable))")
                }
            }
        }
        if !problems.isEmpty {
            Issue.record("Snapshots/\(name) does not match the rendered tree:\n\(problems.joined(separator: "\n"))\nIf the change is intended, re-record with `\(Self.recordCommand)` and review the diff.")
        }
    }

    @Test("rendering is deterministic")
    func deterministic() throws {
        let first = try Self.render("default")
        let second = try Self.render("default")
        #expect(first == second)
    }
}

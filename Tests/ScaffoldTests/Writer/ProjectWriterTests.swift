import Foundation
import ScaffoldCore
import ScaffoldKit
import Testing

/// The writer never leaves the project, writes executables with the right mode, deletes only
/// unmodified stale files, and changes nothing when it refuses.
@Suite("Project writer")
struct ProjectWriterTests {
    func read(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("paths outside the project are refused, including through a symlinked folder")
    func outside() throws {
        let root = TestPaths.temporaryFolder("writer-outside")
        let elsewhere = TestPaths.temporaryFolder("writer-elsewhere")
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: elsewhere)
        let writer = ProjectWriter(root: root)
        for path in ["../escape.txt", "/etc/passwd", "a/../../b", "link/file.txt"] {
            #expect(throws: WriterError.self) { _ = try writer.plan([GeneratedFile(path: path, contents: "x")]) }
        }
        #expect(TestPaths.files(in: elsewhere).isEmpty)
    }

    @Test("scripts are executable, other files are not; unchanged files are not rewritten")
    func modes() throws {
        let root = TestPaths.temporaryFolder("writer-modes")
        let writer = ProjectWriter(root: root)
        let files = [GeneratedFile(path: "scripts/start.sh", contents: "#!/bin/sh\n", executable: true), GeneratedFile(path: "a.yaml", contents: "a: 1\n")]
        try writer.apply(try writer.plan(files), files: files)
        func mode(_ path: String) -> Int { ((try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.posixPermissions]) as? NSNumber)?.intValue ?? 0 }
        #expect(mode("scripts/start.sh") == 0o755)
        #expect(mode("a.yaml") == 0o644)
        let again = try writer.plan(files)
        #expect(again.isEmpty)
        #expect(again.unchanged == ["a.yaml", "scripts/start.sh"])
    }

    @Test("stale files are deleted when unmodified and kept when edited; untracked files are not clobbered")
    func staleAndUntracked() throws {
        let root = TestPaths.temporaryFolder("writer-stale")
        let writer = ProjectWriter(root: root)
        let first = [GeneratedFile(path: "old/a.txt", contents: "a\n"), GeneratedFile(path: "old/b.txt", contents: "b\n"), GeneratedFile(path: "keep.txt", contents: "k\n")]
        try writer.apply(try writer.plan(first), files: first)
        try Data("b edited\n".utf8).write(to: root.appendingPathComponent("old/b.txt"))
        try Data("mine\n".utf8).write(to: root.appendingPathComponent("new.txt"))
        let second = [GeneratedFile(path: "keep.txt", contents: "k\n"), GeneratedFile(path: "new.txt", contents: "generated\n")]
        let plan = try writer.plan(second)
        #expect(plan.conflicts == [.untracked("new.txt")])
        #expect(throws: WriterError.self) { try writer.apply(plan, files: second) }
        #expect(read(root.appendingPathComponent("old/a.txt")) == "a\n", "a refused apply changes nothing")
        #expect(read(root.appendingPathComponent("new.txt")) == "mine\n")
        let withoutConflict = [GeneratedFile(path: "keep.txt", contents: "k\n")]
        let clean = try writer.plan(withoutConflict)
        #expect(clean.keptStale == ["old/b.txt"])
        try writer.apply(clean, files: withoutConflict)
        #expect(read(root.appendingPathComponent("old/a.txt")) == nil)
        #expect(read(root.appendingPathComponent("old/b.txt")) == "b edited\n")
        #expect(try Ledger.read(root: root).files.keys.sorted() == ["keep.txt"])
    }
}

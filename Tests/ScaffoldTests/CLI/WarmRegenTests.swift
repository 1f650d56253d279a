import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ScaffoldCore
@testable import ScaffoldKit
import Testing

/// The warm regen fast path (`.scaffold/cache/regen-index`): a regen with nothing changed answers
/// from file stats, and every change it must notice still reaches the full render and plan.
@Suite("warm regen: the regen index", .serialized)
struct WarmRegenTests {
    /// A fresh project whose index can be trusted by stat: every file was written more than the
    /// racy window before the index was last recorded.
    func settledProject(_ name: String) throws -> URL {
        let root = TestPaths.temporaryFolder("warm-\(name)").appendingPathComponent("shop")
        let created = try ScaffoldBinary.run(["init", root.path])
        try #require(created.status == 0, "\(created.output)")
        Thread.sleep(forTimeInterval: 2.2)
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        try #require(regen.status == 0, "\(regen.output)")
        return root
    }

    /// What the fast path decides for the project at `root` right now, as `regen` would ask it.
    func verdict(_ root: URL) throws -> RegenIndex.Verdict {
        let location = ProjectLocation(root.path)
        let key = try #require(location.session(try Installation.current(executable: TestPaths.scaffold.path)).renderKey())
        let index = try #require(RegenIndex.read(cache: location.cache), "regen recorded no index")
        let ledger = try #require(FileManager.default.contents(atPath: root.appendingPathComponent(Ledger.path).path))
        return index.verify(root: root, key: key, ledger: SHA256.hex(ledger))
    }

    func isClean(_ verdict: RegenIndex.Verdict) -> Bool {
        if case .clean = verdict { return true }
        return false
    }

    /// Replaces one byte of `path` with another, keeping the size; with `keepTimes`, sets the
    /// modification time back to what it was to the nanosecond.
    func sameSizeEdit(_ root: URL, _ path: String, keepTimes: Bool) throws {
        let url = root.appendingPathComponent(path)
        var info = stat()
        try #require(lstat(url.path, &info) == 0)
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: url.path)))
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "e")))
        bytes[index] = UInt8(ascii: "E")
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        if keepTimes {
            #if canImport(Darwin)
            var times = [info.st_atimespec, info.st_mtimespec]
            #else
            var times = [info.st_atim, info.st_mtim]
            #endif
            try #require(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
        }
        var after = stat()
        try #require(lstat(url.path, &after) == 0)
        #expect(after.st_size == info.st_size)
    }

    @Test("with nothing changed the index vouches for the tree by stat alone")
    func settledTreeIsClean() throws {
        let root = try settledProject("clean")
        guard case let .clean(files, _, refreshed) = try verdict(root) else {
            Issue.record("a settled, unchanged tree was not vouched for")
            return
        }
        #expect(files > 20)
        #expect(refreshed == nil, "no file should need hashing")
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 0)
        #expect(regen.stdout.contains("nothing to do: \(files) files up to date"), "\(regen.output)")
    }

    @Test("a same-size hand edit is detected, with its mtime set back or not", arguments: [true, false])
    func sameSizeEditIsDetected(_ keepTimes: Bool) throws {
        let root = try settledProject("same-size-\(keepTimes)")
        try sameSizeEdit(root, "compose.yaml", keepTimes: keepTimes)
        #expect(!isClean(try verdict(root)), "the index vouched for an edited file")
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 1, "\(check.output)")
        #expect(check.stderr.contains("compose.yaml: edited by hand"), "\(check.output)")
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 1, "\(regen.output)")
        #expect(regen.stderr.contains("refusing to overwrite"), "\(regen.output)")
    }

    @Test("an entry recorded within the racy window of its file's change is hashed, not trusted")
    func racyEntryIsHashed() throws {
        let root = try settledProject("racy")
        try sameSizeEdit(root, "compose.yaml", keepTimes: false)
        // An index that recorded the edited file's own stat, as if the edit fell in the same tick
        // as the write scaffold recorded: only the racy rule stands between it and a wrong answer.
        let location = ProjectLocation(root.path)
        var index = try #require(RegenIndex.read(cache: location.cache))
        let position = try #require(index.entries.firstIndex { $0.path == "compose.yaml" })
        let now = try #require(FileStat.of(root.appendingPathComponent("compose.yaml").path))
        index.entries[position].stat = now
        index.header.recorded = max(now.modified, now.changed) + RegenIndex.racyWindow / 2
        index.write(cache: location.cache)
        #expect(!isClean(try verdict(root)), "a racy entry was trusted by its stat")
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 1 && check.stderr.contains("compose.yaml: edited by hand"), "\(check.output)")
        // The same index recorded well after the change is trusted by stat: the rule is what decided.
        index.header.recorded = max(now.modified, now.changed) + RegenIndex.racyWindow * 2
        index.write(cache: location.cache)
        #expect(isClean(try verdict(root)))
    }

    @Test("a file touched but byte-identical is no drift, and is trusted by stat again afterwards")
    func touchedFileIsNoDrift() throws {
        let root = try settledProject("touched")
        let url = root.appendingPathComponent("compose.yaml")
        let bytes = try #require(FileManager.default.contents(atPath: url.path))
        try bytes.write(to: url)
        guard case let .clean(_, _, refreshed) = try verdict(root) else {
            Issue.record("a rewritten, byte-identical file was taken for a change")
            return
        }
        #expect(refreshed != nil, "a file whose stat changed must be hashed and its entry refreshed")
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.stdout.contains("generated files match"), "\(check.output)")
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 0 && regen.stdout.contains("nothing to do"), "\(regen.output)")
    }

    @Test("a changed template override or blueprint changes the render key and renders")
    func changedInputsRender() throws {
        let root = try settledProject("inputs")
        let before = try #require(ProjectLocation(root.path).session(try Installation.current(executable: TestPaths.scaffold.path)).renderKey())
        // A template override that changes one generated file.
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        let overrides = root.appendingPathComponent(".scaffold/templates")
        let builtIn = installation.templates.appendingPathComponent("containers/dockerignore.mustache")
        try #require(FileManager.default.fileExists(atPath: builtIn.path), "the test needs the built-in dockerignore template")
        try FileManager.default.createDirectory(at: overrides.appendingPathComponent("containers"), withIntermediateDirectories: true)
        let text = String(decoding: try #require(FileManager.default.contents(atPath: builtIn.path)), as: UTF8.self)
        try Data(("# overridden\n" + text).utf8).write(to: overrides.appendingPathComponent("containers/dockerignore.mustache"))
        let afterTemplate = try #require(ProjectLocation(root.path).session(installation).renderKey())
        #expect(afterTemplate != before)
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 1, "\(check.output)")
        #expect(check.stdout.contains("+# overridden"), "\(check.output)")
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 0 && !regen.stdout.contains("nothing to do"), "\(regen.output)")
        // A blueprint change.
        let blueprint = root.appendingPathComponent("Blueprint.swift")
        let source = String(decoding: try #require(FileManager.default.contents(atPath: blueprint.path)), as: UTF8.self)
        let edited = source.replacingOccurrences(of: #""LOG_LEVEL":"#, with: "\"FEATURE_FLAGS\": \"beta\",\n                \"LOG_LEVEL\":")
        try #require(edited != source, "the test's blueprint edit did not apply")
        try Data(edited.utf8).write(to: blueprint)
        let changed = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(changed.status == 1, "\(changed.output)")
        #expect(changed.stdout.contains("+      FEATURE_FLAGS: beta"), "\(changed.output)")
    }

    @Test("a same-size edit of a template override, its mtime set back, still changes the render key")
    func rememberedTemplateDigest() throws {
        let root = try settledProject("template-digest")
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        let overrides = root.appendingPathComponent(".scaffold/templates/containers")
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        let text = String(decoding: try #require(FileManager.default.contents(atPath: installation.templates.appendingPathComponent("containers/dockerignore.mustache").path)), as: UTF8.self)
        try Data(("# overridden here\n" + text).utf8).write(to: overrides.appendingPathComponent("dockerignore.mustache"))
        func key() throws -> String { try #require(ProjectLocation(root.path).session(installation).renderKey()) }
        let first = try key()
        // Out of the racy window, the digest is remembered and answered from the files' stats.
        Thread.sleep(forTimeInterval: 2.2)
        #expect(try key() == first)
        #expect(try key() == first)
        let memo = root.appendingPathComponent(".scaffold/cache/template-digests")
        #expect(try FileManager.default.contentsOfDirectory(atPath: memo.path).contains { $0.hasPrefix("templates-") })
        try sameSizeEdit(root, ".scaffold/templates/containers/dockerignore.mustache", keepTimes: true)
        #expect(try key() != first, "a remembered digest hid a same-size edit")
    }

    @Test("a deleted generated file is reported by --check and restored by regen")
    func deletedFileIsRestored() throws {
        let root = try settledProject("deleted")
        let url = root.appendingPathComponent("compose.yaml")
        let bytes = try #require(FileManager.default.contents(atPath: url.path))
        try FileManager.default.removeItem(at: url)
        #expect(!isClean(try verdict(root)), "the index vouched for a deleted file")
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 1, "\(check.output)")
        #expect(check.stdout.contains("+++ b/compose.yaml"), "\(check.output)")
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 0, "\(regen.output)")
        #expect(regen.stdout.contains("create  compose.yaml"), "\(regen.output)")
        #expect(FileManager.default.contents(atPath: url.path) == bytes)
    }

    @Test("an edit to a mounted project file (Volume.file) is an input: the warm path renders and the drift gate reports it")
    func mountedFileEditRenders() throws {
        let root = TestPaths.temporaryFolder("warm-file").appendingPathComponent("plat")
        let created = try ScaffoldBinary.run(["init", root.path, "--blueprint", "platform"])
        try #require(created.status == 0, "\(created.output)")
        Thread.sleep(forTimeInterval: 2.2)
        let settled = try ScaffoldBinary.run(["regen", "--project", root.path])
        try #require(settled.status == 0, "\(settled.output)")
        #expect(isClean(try verdict(root)), "a settled project is answered from the index")
        try Data("pool = 5\n".utf8).write(to: root.appendingPathComponent("config/app.toml"))
        let check = try ScaffoldBinary.run(["regen", "--check", "--project", root.path])
        #expect(check.status == 1 && check.output.contains("files-configmap.yaml"), "\(check.output)")
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 0 && regen.output.contains("deploy/helm/platform/files/web/app.toml"), "\(regen.output)")
        #expect(try String(contentsOf: root.appendingPathComponent("deploy/helm/platform/files/web/app.toml"), encoding: .utf8) == "pool = 5\n")
    }
}

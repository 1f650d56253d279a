import Foundation
import Testing

/// `scaffold init` writes a starter app once per build context without sources; from then on the
/// files are the user's: never rewritten, never refused as hand edits, never counted as drift.
@Suite("Starter sources", .serialized)
struct StarterWorkflowTests {
    func read(_ url: URL) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: url.path)), as: UTF8.self)
    }

    @Test("init writes the starter, records it, and later regens leave it to the user")
    func starterBelongsToTheUser() throws {
        let root = TestPaths.temporaryFolder("starter").appendingPathComponent("shop")
        let created = try ScaffoldBinary.run(["init", root.path])
        #expect(created.status == 0, "\(created.output)")
        #expect(created.stdout.contains("starter api/app/main.py"), "\(created.stdout)")
        for path in ["api/app/main.py", "api/pyproject.toml", "api/uv.lock", "api/tests/test_app.py"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "init did not write \(path)")
        }
        let ledger = try read(root.appendingPathComponent(".scaffold/ledger.json"))
        #expect(ledger.contains("\"starters\""))
        #expect(ledger.contains("\"api/app/main.py\""))
        #expect(!ledger.contains("\"api/app/main.py\" :"), "a starter must not be a ledger file entry")

        // The user edits the starter and deletes one of its files: regen neither refuses nor restores.
        let main = root.appendingPathComponent("api/app/main.py")
        try Data((try read(main)).replacingOccurrences(of: "hello from api", with: "hello from my api").utf8).write(to: main)
        try FileManager.default.removeItem(at: root.appendingPathComponent("api/tests/test_app.py"))
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 0, "a starter edit is not drift: \(check.output)")
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 0, "\(regen.output)")
        #expect(!regen.stdout.contains("starter"), "regen wrote a starter again: \(regen.stdout)")
        #expect(try read(main).contains("hello from my api"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("api/tests/test_app.py").path))
    }

    @Test("a service added later gets a starter; a context that already has sources gets none")
    func onlyWhereSourcesAreMissing() throws {
        let root = TestPaths.temporaryFolder("starter-later").appendingPathComponent("shop")
        #expect(try ScaffoldBinary.run(["init", root.path]).status == 0)
        // Existing sources: a worker folder with its own manifest.
        let worker = root.appendingPathComponent("worker")
        try FileManager.default.createDirectory(at: worker, withIntermediateDirectories: true)
        try Data("[project]\nname = \"mine\"\n".utf8).write(to: worker.appendingPathComponent("pyproject.toml"))
        let blueprint = root.appendingPathComponent("Blueprint.swift")
        let text = try read(blueprint).replacingOccurrences(of: "        .postgres(),", with: """
                .app("worker", path: "worker", runtime: .python("3.12", packages: .uv, server: .command(["python", "-m", "worker"]))),
                .app("jobs", path: "jobs", runtime: .python("3.12", packages: .uv, server: .command(["python", "-m", "jobs"]))),
                .postgres(),
        """)
        try Data(text.utf8).write(to: blueprint)
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 0, "\(regen.output)")
        #expect(regen.stdout.contains("starter jobs/jobs/__main__.py"), "\(regen.stdout)")
        #expect(!regen.stdout.contains("starter worker/"), "\(regen.stdout)")
        #expect(try read(worker.appendingPathComponent("pyproject.toml")) == "[project]\nname = \"mine\"\n")
        #expect(!FileManager.default.fileExists(atPath: worker.appendingPathComponent("uv.lock").path))
    }
}

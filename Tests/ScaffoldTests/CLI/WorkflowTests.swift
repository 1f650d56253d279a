import Foundation
import Testing

/// The Foundation acceptance lines, run against the real binary on a fresh project.
@Suite("init / regen workflow", .serialized)
struct WorkflowTests {
    func initProject(_ name: String) throws -> URL {
        let folder = TestPaths.temporaryFolder(name).appendingPathComponent("shop")
        let result = try ScaffoldBinary.run(["init", folder.path])
        #expect(result.status == 0, "\(result.output)")
        return folder
    }

    func modificationDates(_ root: URL) -> [String: Date] {
        var dates: [String: Date] = [:]
        for path in TestPaths.files(in: root) where !path.hasPrefix(".scaffold/cache/") {
            dates[path] = (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.modificationDate]) as? Date
        }
        return dates
    }

    func contents(_ root: URL) -> [String: String] {
        var result: [String: String] = [:]
        for path in TestPaths.files(in: root) where !path.hasPrefix(".scaffold/cache/") {
            result[path] = String(decoding: FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data(), as: UTF8.self)
        }
        return result
    }

    func editBlueprint(_ root: URL, _ transform: (String) -> String) throws {
        let url = root.appendingPathComponent("Blueprint.swift")
        let text = String(decoding: try #require(FileManager.default.contents(atPath: url.path)), as: UTF8.self)
        let changed = transform(text)
        #expect(changed != text, "the test's edit did not apply")
        try Data(changed.utf8).write(to: url)
    }

    @Test("init renders; a second regen does nothing and keeps every mtime")
    func initThenRegen() throws {
        let root = try initProject("noop")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Blueprint.swift").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("compose.yaml").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("api/Dockerfile").path))
        let before = modificationDates(root)
        Thread.sleep(forTimeInterval: 1.1)
        let result = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("nothing to do"), "\(result.output)")
        #expect(modificationDates(root) == before)
        let again = try ScaffoldBinary.run(["init", root.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }

    @Test("an added variable: --check shows a diff of only the affected files, regen applies it")
    func addVariable() throws {
        let root = try initProject("variable")
        try editBlueprint(root) { $0.replacingOccurrences(of: #""LOG_LEVEL":"#, with: "\"FEATURE_FLAGS\": \"beta\",\n                \"LOG_LEVEL\":") }
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("+      FEATURE_FLAGS: beta"), "\(check.output)")
        let touched = Set(check.stdout.split(separator: "\n").filter { $0.hasPrefix("+++ b/") }.map { String($0.dropFirst(6)) })
        #expect(!touched.contains("api/Dockerfile"))
        #expect(touched.contains("compose.yaml") || touched.contains("compose.development.yaml"))
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 0, "\(regen.output)")
        let clean = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(clean.status == 0, "\(clean.output)")
    }

    @Test("a comment, a reformat or a reordered services array is no drift", arguments: ["comment", "reformat", "reorder"])
    func noFalseDrift(_ edit: String) throws {
        let root = try initProject("nodrift-\(edit)")
        try editBlueprint(root) { text in
            switch edit {
            case "comment": return text.replacingOccurrences(of: "import BlueprintDescription\n", with: "import BlueprintDescription\n// c\n\n// another comment\n")
            case "reformat": return text.replacingOccurrences(of: "        .postgres(),\n        .redis(),\n", with: "        .postgres(), .redis(),\n").replacingOccurrences(of: "    name: ", with: "    name:   ")
            default: return text.replacingOccurrences(of: "        .postgres(),\n        .redis(),\n", with: "").replacingOccurrences(of: "    services: [\n", with: "    services: [\n        .redis(),\n        .postgres(),\n")
            }
        }
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 0, "\(check.output)")
        let summary = try ScaffoldBinary.run(["diff", "--project", root.path, "--summary"])
        #expect(!summary.stdout.contains("resolved.json"), "\(summary.output)")
    }

    @Test("changing one port changes exactly the files that mention it")
    func changePort() throws {
        let root = try initProject("port")
        #expect(try ScaffoldBinary.run(["regen", "--project", root.path, "--check"]).status == 0)
        try editBlueprint(root) { $0.replacingOccurrences(of: "port: 8000,", with: "port: 8123,") }
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 1)
        let touched = Set(check.stdout.split(separator: "\n").filter { $0.hasPrefix("+++ b/") }.map { String($0.dropFirst(6)) })
        #expect(try ScaffoldBinary.run(["regen", "--project", root.path]).status == 0)
        let mentioning = Set(contents(root).filter { $0.value.contains("8123") && $0.key != "Blueprint.swift" }.map(\.key))
        #expect(!touched.isEmpty)
        #expect(touched == mentioning, "changed: \(touched.sorted()) mention the port: \(mentioning.sorted())")
        #expect(try ScaffoldBinary.run(["regen", "--project", root.path, "--check"]).status == 0)
    }

    @Test("diff --summary names a production replica change in one line")
    func summary() throws {
        let root = try initProject("summary")
        try editBlueprint(root) { $0.replacingOccurrences(of: "autoscale: [.production: .cpu(min: 3, max: 10, target: 70)],", with: "replicas: [.staging: 2, .production: 4],").replacingOccurrences(of: "            replicas: [.staging: 2],\n", with: "") }
        let result = try ScaffoldBinary.run(["diff", "--project", root.path, "--summary"])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("replicas") }
        #expect(lines == ["- **production**: api replicas 3 → 4"], "\(result.stdout)")
        #expect(result.stdout.contains("| `deploy/kubernetes/overlays/production/api/deployment-patch.yaml` | changed |") || result.stdout.contains("overlays/production"), "\(result.stdout)")
    }

    @Test("a hand edit is refused and kept; --force overwrites it")
    func handEdit() throws {
        let root = try initProject("handedit")
        let file = root.appendingPathComponent("compose.yaml")
        let edited = String(decoding: try #require(FileManager.default.contents(atPath: file.path)), as: UTF8.self) + "# my change\n"
        try Data(edited.utf8).write(to: file)
        try editBlueprint(root) { $0.replacingOccurrences(of: #"default: "info""#, with: #"default: "warning""#) }
        let before = contents(root)
        let refused = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("compose.yaml"), "\(refused.output)")
        #expect(contents(root) == before, "a refused regen must change nothing")
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 1)
        #expect(check.output.contains("compose.yaml"))
        let forced = try ScaffoldBinary.run(["regen", "--project", root.path, "--force"])
        #expect(forced.status == 0, "\(forced.output)")
        let overwritten = String(decoding: try #require(FileManager.default.contents(atPath: file.path)), as: UTF8.self)
        #expect(!overwritten.contains("# my change"))
    }

    @Test("removing a service deletes its generated files")
    func removeService() throws {
        let folder = TestPaths.temporaryFolder("remove").appendingPathComponent("two")
        let result = try ScaffoldBinary.run(["init", folder.path])
        #expect(result.status == 0)
        try editBlueprint(folder) { $0.replacingOccurrences(of: "        .redis(),\n", with: "").replacingOccurrences(of: #"dependsOn: ["postgres", "redis"]"#, with: #"dependsOn: ["postgres"]"#) }
        let regen = try ScaffoldBinary.run(["regen", "--project", folder.path])
        #expect(regen.status == 0, "\(regen.output)")
        let compose = String(decoding: try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("compose.yaml").path)), as: UTF8.self)
        #expect(!compose.contains("redis"))
        let ledger = String(decoding: try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(".scaffold/ledger.json").path)), as: UTF8.self)
        #expect(!ledger.contains("redis"))
    }

    @Test("a syntax error names Blueprint.swift:LINE and changes nothing")
    func syntaxError() throws {
        let root = try initProject("syntax")
        try editBlueprint(root) { $0.replacingOccurrences(of: "port: 8000,", with: "port: 8000,,") }
        let before = contents(root)
        let result = try ScaffoldBinary.run(["regen"], in: root)
        #expect(result.status != 0)
        #expect(result.output.range(of: #"Blueprint\.swift:\d+:\d+: error"#, options: .regularExpression) != nil, "\(result.output)")
        #expect(contents(root) == before)
    }

    @Test("a duplicate service name names Blueprint.swift:LINE and changes nothing")
    func duplicateName() throws {
        let root = try initProject("duplicate")
        try editBlueprint(root) { $0.replacingOccurrences(of: "        .redis(),\n", with: "        .redis(),\n        .redis(),\n") }
        let before = contents(root)
        let result = try ScaffoldBinary.run(["regen"], in: root)
        #expect(result.status == 1)
        #expect(result.output.range(of: #"Blueprint\.swift:\d+: error: duplicate service name 'redis'"#, options: .regularExpression) != nil, "\(result.output)")
        #expect(contents(root) == before)
    }

    @Test("init works from every preset and the result is in sync", arguments: TestPaths.presetNames)
    func initEveryPreset(_ name: String) throws {
        let root = TestPaths.temporaryFolder("preset-\(name)").appendingPathComponent("project")
        let created = try ScaffoldBinary.run(["init", root.path, "--blueprint", name])
        #expect(created.status == 0, "\(created.output)")
        #expect(try ScaffoldBinary.run(["regen", "--project", root.path, "--check"]).status == 0)
        let listed = try ScaffoldBinary.run(["blueprints"])
        let line = listed.stdout.split(separator: "\n").first { $0.hasPrefix(name + " ") }
        #expect((line?.count ?? 0) > name.count + 10, "`scaffold blueprints` gives \(name) no description")
    }

    @Test("usage errors exit 64; --help and --version work")
    func usage() throws {
        #expect(try ScaffoldBinary.run(["regen", "--bogus"]).status == 64)
        #expect(try ScaffoldBinary.run(["frobnicate"]).status == 64)
        #expect(try ScaffoldBinary.run(["--version"]).stdout.hasPrefix("scaffold "))
        for command in ["init", "regen", "diff", "dump", "blueprints", "render", "lint"] {
            let help = try ScaffoldBinary.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE: scaffold \(command)"))
        }
    }
}

import Foundation
import Testing
@testable import ScaffoldKit

/// `scaffold import` with the real binary: the draft compiles, `scaffold regen` renders it, and
/// the rendered compose files run what the imported ones ran.
@Suite("scaffold import", .serialized)
struct ImportWorkflowTests {
    /// The fixture stacks and the -f files of each, base first.
    static let fixtures: [(name: String, files: [String])] = [
        ("django-celery", ["docker-compose.yml", "docker-compose.override.yml", "docker-compose.prod.yml"]),
        ("node-mongo", ["compose.yaml", "compose.dev.yaml", "compose.staging.yaml", "compose.prod.yaml"]),
        ("go-nginx", ["docker-compose.yml", "docker-compose.prod.yml"]),
    ]

    /// Imports `files` in `folder`, renders the draft with regen and compares the rendered
    /// compose files with `inputs` (the untouched originals). Returns the draft.
    static func importAndRender(_ folder: URL, files: [String], inputs: [URL], report: ImportReport) throws -> String {
        let imported = try ScaffoldBinary.run(["import"] + files.flatMap { ["-f", $0] }, in: folder)
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.stdout.contains("drafted Blueprint.swift"), "\(imported.output)")
        let draft = String(decoding: try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("Blueprint.swift").path)), as: UTF8.self)
        var regen = try ScaffoldBinary.run(["regen"], in: folder)
        if regen.status != 0, regen.stderr.contains("refusing to overwrite files changed outside scaffold") {
            // The stack's own files (its Dockerfile, a compose.yaml scaffold also writes) are
            // refused; `init --adopt` is the way to review them. Here they are replaced.
            let refused = regen.stderr.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: ":").first ?? "" }
            for path in refused {
                #expect(inputs.contains { $0.lastPathComponent == (path as NSString).lastPathComponent } || path.hasSuffix("Dockerfile"), "regen refused \(path), which the stack didn't have")
            }
            regen = try ScaffoldBinary.run(["regen", "--force"], in: folder)
        }
        #expect(regen.status == 0, "the draft doesn't render:\n\(regen.output)\n\(draft)")
        let comparison = try ComposeComparison(input: inputs, output: folder, report: report)
        #expect(comparison.problems.isEmpty, "\(comparison.problems.joined(separator: "\n"))\n\(draft)")
        return draft
    }

    @Test("each fixture stack: import, regen, the same services, images, ports and variables", arguments: fixtures.map(\.name))
    func fixture(name: String) throws {
        let files = try #require(Self.fixtures.first { $0.name == name }?.files)
        let original = ImportSupport.fixtures.appendingPathComponent(name)
        let folder = try ImportSupport.copy(original, name: "import-\(name)")
        let inputs = files.map { original.appendingPathComponent($0) }
        let report = try ComposeImporter(root: folder, files: files.map { folder.appendingPathComponent($0) }, displayNames: files, name: nil).draft().report
        let draft = try Self.importAndRender(folder, files: files, inputs: inputs, report: report)
        // Every credential of the stack stays out of the draft.
        for secret in ["s3cret-pass", "dev-insecure-9f8e7d6c5b4a", "AKIAIOSFODNN7EXAMPLE", "tok-7d1e5a0c-unsafe", "root:example", "example@"] {
            #expect(!draft.contains(secret), "\(name): the draft contains \(secret)")
        }
        print("import \(name):\n" + report.lines.joined(separator: "\n"))
    }

    @Test("a Blueprint.swift that exists is refused, unchanged, and replaced only with --force")
    func refusesExisting() throws {
        let folder = try ImportSupport.copy(ImportSupport.fixtures.appendingPathComponent("go-nginx"), name: "import-exists")
        let blueprint = folder.appendingPathComponent("Blueprint.swift")
        try Data("// mine\n".utf8).write(to: blueprint)
        let refused = try ScaffoldBinary.run(["import", "--project", folder.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("already exists") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(String(decoding: FileManager.default.contents(atPath: blueprint.path) ?? Data(), as: UTF8.self) == "// mine\n")
        let forced = try ScaffoldBinary.run(["import", "--project", folder.path, "--force", "--name", "shop"])
        #expect(forced.status == 0, "\(forced.output)")
        let text = String(decoding: FileManager.default.contents(atPath: blueprint.path) ?? Data(), as: UTF8.self)
        #expect(text.contains(#"name: "shop","#) && text.contains(".proxy("), "\(text)")
        let leftovers = (try FileManager.default.contentsOfDirectory(atPath: folder.path)).filter { $0.contains(".scaffold-") }
        #expect(leftovers.isEmpty, "staging files left behind: \(leftovers)")
    }

    @Test("errors start with error:, name the file and line, and write nothing", arguments: [
        (["services:\n  api:\n    image: [unclosed\n"], "docker-compose.yml:3"),
        (["version: '3'\n"], "declare no services"),
        ([], "has no compose.yaml"),
    ])
    func errors(contents: [String], phrase: String) throws {
        let folder = TestPaths.temporaryFolder("import-error")
        for text in contents { try Data(text.utf8).write(to: folder.appendingPathComponent("docker-compose.yml")) }
        let result = try ScaffoldBinary.run(["import"], in: folder)
        #expect(result.status == 1, "\(result.output)")
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        #expect(result.stderr.contains(phrase), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Blueprint.swift").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".scaffold").path))
    }

    @Test("-f that names a missing file and a repeated --name are usage errors")
    func usage() throws {
        let folder = TestPaths.temporaryFolder("import-usage")
        let missing = try ScaffoldBinary.run(["import", "-f", "nope.yml"], in: folder)
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: cannot read nope.yml"), "\(missing.output)")
        let twice = try ScaffoldBinary.run(["import", "--name", "a", "--name", "b"], in: folder)
        #expect(twice.status == 64 && twice.stderr.hasPrefix("error: --name is given twice"), "\(twice.output)")
    }
}

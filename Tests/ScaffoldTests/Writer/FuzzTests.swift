import BlueprintDescription
import Foundation
import Mustache
import ScaffoldCore
@testable import ScaffoldKit
import Testing

/// Bounded fuzzing of the inputs a pull request controls: template overrides and the ledger.
/// Every case must end in a rendered tree or a clear error, never a crash, a hang or a deletion
/// of a file scaffold doesn't own. (Random values through every escaper, parsed back, are the
/// "Round trip through real parsers" suite.)
@Suite("Fuzz", .serialized)
struct FuzzTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let fragments = ["{{", "}}", "{{#", "{{/", "{{^", "{{>", "{{<", "{{$", "{{!", "{{=| |=}}", "{{{", "}}}", "{{.}}",
                            "{{#services}}", "{{/services}}", "{{name}}", "{{> nope}}", "{{%escape yaml}}", "\n", " ", "x", "{{&", "{{*"]

    static func project() throws -> ResolvedProject {
        try Resolver().resolve(Blueprint(name: "fuzz", services: [
            .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health"), dependsOn: ["redis"]),
            .redis(),
        ], targets: [.kubernetes(environments: [.production])]))
    }

    @Test("mutated template overrides render or fail with a located error")
    func mutatedOverrides() throws {
        let builtIn = try TemplateLoader.sources(in: TestPaths.repository.appendingPathComponent("Templates"), displayRoot: "Templates")
        let targets = builtIn.filter { ["compose/_service", "compose/overlay.yaml", "containers/python.Dockerfile", "kubernetes/deployment.yaml", "scripts/start.sh", "github/ci.yml"].contains($0.name) }
        #expect(targets.count == 6)
        var random = Random(state: 0xF022)
        var rendered = 0, refused = 0
        let started = Date()
        let project = try Self.project()
        for _ in 0..<150 {
            let target = targets[random.below(targets.count)]
            var text = Array(target.text)
            for _ in 0..<(1 + random.below(3)) {
                let fragment = Array(Self.fragments[random.below(Self.fragments.count)])
                let at = random.below(text.count + 1)
                if random.below(3) == 0, at < text.count {
                    text.removeSubrange(at..<min(text.count, at + 1 + random.below(8)))
                } else {
                    text.insert(contentsOf: fragment, at: at)
                }
            }
            let override = TemplateSource(name: target.name, path: ".scaffold/templates/\(target.name).mustache", text: String(text))
            do {
                let set = try TemplateSet(builtIn: builtIn, overrides: [override])
                _ = try Pipeline().render(project, templates: set)
                rendered += 1
            } catch let error as TemplateError {
                #expect(error.description.contains(".scaffold/templates/") || error.description.contains("Templates/"), "an override error names no file: \(error)")
                refused += 1
            }
        }
        print("fuzz: 150 mutated overrides: \(rendered) rendered, \(refused) refused with a located error, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(Date().timeIntervalSince(started) < 120)
    }

    @Test("random ledgers never make the writer delete or overwrite what isn't scaffold's")
    func randomLedgers() throws {
        let root = TestPaths.temporaryFolder("fuzz-ledger")
        let files = [GeneratedFile(path: "compose.yaml", contents: "a: 1\n"), GeneratedFile(path: "api/Dockerfile", contents: "FROM x\n")]
        let writer = ProjectWriter(root: root, owns: GeneratedPaths.couldGenerate)
        try writer.apply(try writer.plan(files), files: files)
        let precious = ["Blueprint.swift", ".git/config", "api/app/main.py", "README.md"]
        for path in precious {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("mine \(path)\n".utf8).write(to: root.appendingPathComponent(path))
        }
        let candidates = precious + ["../outside.txt", "/etc/passwd", "deploy/../Blueprint.swift", "compose.yaml", "compose.old.yaml",
                                     "deploy/kubernetes/x.yaml", ".scaffold/ledger.json", "a//b", "", "scripts/start.sh", "\u{0}"]
        var random = Random(state: 0x1ED6E5)
        var refused = 0, planned = 0
        for _ in 0..<300 {
            var ledger = Ledger()
            for _ in 0..<(1 + random.below(4)) {
                let path = candidates[random.below(candidates.count)]
                let bytes = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data()
                ledger.files[path] = .init(sha256: random.below(2) == 0 ? SHA256.hex(bytes) : String(repeating: "0", count: 64), executable: random.below(2) == 0)
            }
            let data = random.below(10) == 0 ? Data("{\"version\": 1, \"files\": [".utf8) : try ledger.encoded()
            try data.write(to: root.appendingPathComponent(Ledger.path))
            do {
                let plan = try writer.plan(files)
                planned += 1
                for change in plan.changes {
                    if case let .delete(path, _) = change {
                        #expect(GeneratedPaths.couldGenerate(path), "the plan deletes \(path)")
                    }
                }
            } catch is WriterError {
                refused += 1
            }
        }
        for path in precious {
            #expect(FileManager.default.contents(atPath: root.appendingPathComponent(path).path) == Data("mine \(path)\n".utf8))
        }
        print("fuzz: 300 random ledgers: \(planned) planned, \(refused) refused")
    }
}

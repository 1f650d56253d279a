import Foundation
import Testing

/// The CLI's rough edges, each run against the real binary.
@Suite("CLI rough edges", .serialized)
struct RoughEdgeTests {
    func initProject(_ name: String, _ extra: [String] = []) throws -> URL {
        let folder = TestPaths.temporaryFolder(name).appendingPathComponent("shop")
        let result = try ScaffoldBinary.run(["init", folder.path] + extra)
        #expect(result.status == 0, "\(result.output)")
        return folder
    }

    func edit(_ url: URL, _ transform: (String) -> String) throws {
        let text = String(decoding: try #require(FileManager.default.contents(atPath: url.path)), as: UTF8.self)
        let changed = transform(text)
        #expect(changed != text, "the test's edit did not apply")
        try Data(changed.utf8).write(to: url)
    }

    @Test("regen, diff and dump in a folder without a blueprint say so and leave the folder as it was")
    func noBlueprint() throws {
        let folder = TestPaths.temporaryFolder("no-blueprint")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let missing = folder.appendingPathComponent("not/there")
        for arguments in [["regen"], ["regen", "--check"], ["diff"], ["dump"]] {
            for root in [folder, missing] {
                let result = try ScaffoldBinary.run(arguments + ["--project", root.path])
                #expect(result.status == 1, "\(arguments): \(result.output)")
                #expect(result.stderr.contains("no blueprint at") && result.stderr.contains("run `scaffold init`"), "\(result.stderr)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "a failed command left files behind")
    }

    @Test("a changed line reads -old then +new, as git prints it")
    func deletionsFirst() throws {
        let root = try initProject("order")
        try edit(root.appendingPathComponent("Blueprint.swift")) { $0.replacingOccurrences(of: "port: 8000,", with: "port: 8123,") }
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        let lines = check.stdout.split(separator: "\n").map(String.init)
        let minus = try #require(lines.firstIndex { $0.hasPrefix("-") && !$0.hasPrefix("---") && $0.contains("8000") })
        let plus = try #require(lines.firstIndex { $0.hasPrefix("+") && !$0.hasPrefix("+++") && $0.contains("8123") })
        #expect(minus < plus, "\(check.stdout.prefix(2000))")
    }

    @Test("--dry-run says what it would do and that nothing was written")
    func dryRun() throws {
        let root = try initProject("dry")
        try edit(root.appendingPathComponent("Blueprint.swift")) { $0.replacingOccurrences(of: "port: 8000,", with: "port: 8123,") }
        let before = try String(contentsOf: root.appendingPathComponent("compose.development.yaml"), encoding: .utf8)
        let dry = try ScaffoldBinary.run(["regen", "--project", root.path, "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("would update  compose.development.yaml"), "\(dry.output)")
        #expect(dry.stdout.contains("nothing written"), "\(dry.output)")
        #expect(try String(contentsOf: root.appendingPathComponent("compose.development.yaml"), encoding: .utf8) == before)
    }

    @Test("--check on a hand edit says how to resolve it and never advises a plain regen")
    func checkAdvice() throws {
        let root = try initProject("advice")
        try edit(root.appendingPathComponent("compose.yaml")) { $0 + "# mine\n" }
        let check = try ScaffoldBinary.run(["regen", "--project", root.path, "--check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("--force"), "\(check.stderr)")
        #expect(check.stderr.contains("template override"), "\(check.stderr)")
        #expect(!check.stderr.contains("run `scaffold regen` and commit"), "\(check.stderr)")
    }

    @Test("warnings print when something changes; a no-op regen counts them; --verbose lists them")
    func warningsOnce() throws {
        // multicloud has fidelity notes (what Cloud Run and Container Apps can't express).
        let root = try initProject("warnings", ["--blueprint", "multicloud"])
        let quiet = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(!quiet.stderr.contains("warning:"), "\(quiet.stderr)")
        #expect(quiet.stderr.contains("fidelity notes unchanged"), "\(quiet.stderr)")
        let verbose = try ScaffoldBinary.run(["regen", "--project", root.path, "--verbose"])
        let warnings = verbose.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(!warnings.isEmpty)
        #expect(Set(warnings).count == warnings.count, "a warning printed twice: \(verbose.stderr)")
    }

    @Test("a misspelt dependency gets 'did you mean'")
    func didYouMean() throws {
        let root = try initProject("typo")
        try edit(root.appendingPathComponent("Blueprint.swift")) { $0.replacingOccurrences(of: #"dependsOn: ["postgres", "redis"]"#, with: #"dependsOn: ["postgres", "rediss"]"#) }
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 1)
        #expect(regen.stderr.contains("did you mean 'redis'?"), "\(regen.stderr)")
        #expect(regen.stderr.contains("Blueprint.swift:"), "\(regen.stderr)")
    }

    @Test("an error about a value on its own line points at that line, not at `.app(`")
    func valueLines() throws {
        let root = try initProject("lines")
        let url = root.appendingPathComponent("Blueprint.swift")
        try edit(url) { $0.replacingOccurrences(of: "port: 8000,", with: "port: 80000,").replacingOccurrences(of: #"dependsOn: ["postgres", "redis"]"#, with: #"dependsOn: ["postgres", "rediss"]"#) }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let portLine = try #require(lines.firstIndex { $0.contains("port: 80000,") }) + 1
        let dependsLine = try #require(lines.firstIndex { $0.contains("rediss") }) + 1
        let regen = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(regen.status == 1)
        #expect(regen.stderr.contains("Blueprint.swift:\(portLine): error: service 'api': port 80000"), "\(regen.stderr)")
        #expect(regen.stderr.contains("Blueprint.swift:\(dependsLine): error: service 'api' depends on 'rediss'"), "\(regen.stderr)")
    }

    @Test("every CLI error starts with error:, and `help regen` prints regen's help")
    func errorsAndHelp() throws {
        for arguments in [["frobnicate"], ["regen", "--bogus"], ["init", "/proc/no-such/place"], ["help", "nope"]] {
            let result = try ScaffoldBinary.run(arguments)
            #expect(result.status != 0)
            let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix("error:") || first.contains(": error:"), "\(arguments): \(result.stderr)")
        }
        let help = try ScaffoldBinary.run(["help", "regen"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: scaffold regen"))
        for command in ["regen", "diff", "dump", "lint"] {
            #expect(try ScaffoldBinary.run([command, "--help"]).stdout.contains("--project DIR"), "\(command) --help documents --project")
        }
    }

    @Test("preset descriptions carry no internal tags; the example hosts follow --name")
    func presets() throws {
        let list = try ScaffoldBinary.run(["blueprints"])
        #expect(!list.stdout.contains("(seed "), "\(list.stdout)")
        let root = try initProject("named", ["--blueprint", "ralex", "--name", "shopx"])
        let text = try String(contentsOf: root.appendingPathComponent("Blueprint.swift"), encoding: .utf8)
        #expect(text.contains(#".host("api.shopx.example.com")"#))
        #expect(!text.contains("ralex.example.com"))
    }

    @Test("lint fails when every check of a kind was skipped for a missing validator")
    func lintNeverSkipsInSilence() throws {
        let root = try initProject("lint")
        // A PATH with python3 and nothing else: every external validator is missing.
        let python = try #require(["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let bin = TestPaths.temporaryFolder("lint-path")
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("python3").path, withDestinationPath: python)
        let lint = try ScaffoldBinary.run(["lint", "--project", root.path], environment: ["PATH": bin.path])
        #expect(lint.status == 1, "\(lint.output.suffix(800))")
        #expect(lint.stderr.contains("error: no "), "\(lint.stderr)")
        #expect(!lint.output.contains("scripts/lint --install-only") && !lint.output.contains("run scripts/lint"), "advice that only works in a checkout: \(lint.output.suffix(800))")
    }
}

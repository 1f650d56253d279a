import Foundation

/// `scaffold lint`: runs the validators found on PATH over a project's generated files, through
/// the same runner the project's own lint gate uses (`scripts/lint.py`, shipped with scaffold).
enum LintCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: [], options: ["--project"])
        guard arguments.positionals.isEmpty else { throw UsageError("unexpected argument '\(arguments.positionals[0])'") }
        let location = ProjectLocation(arguments.options["--project"])
        let installation = try Installation.current()
        let scripts = installation.resources.appendingPathComponent("scripts")
        let runner = scripts.appendingPathComponent("lint.py")
        guard FileManager.default.fileExists(atPath: runner.path) else {
            Console.error("error: this scaffold installation has no lint runner (scripts/lint.py): reinstall with scripts/install.sh")
            return ScaffoldCommand.failure
        }
        guard let python = ["python3", "python"].lazy.map(CompilerVersion.which).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Console.error("error: scaffold lint needs python3 on PATH: install it (for example `apt-get install python3`)")
            return ScaffoldCommand.failure
        }
        let result = try Subprocess.run(python, [runner.path, "--tree", location.root.path])
        Console.out(result.stdout)
        if !result.stderr.isEmpty { Console.error(result.stderr) }
        let unchecked = Self.kindsNeverRun(result.stdout)
        if !unchecked.isEmpty {
            let requirements = scripts.appendingPathComponent("lint-requirements.txt")
            Console.error("""
            error: no \(unchecked.joined(separator: ", ")) check ran: its validator is missing (the SKIP lines say how to get each); \
            the Python ones install with `python3 -m pip install -r \(requirements.path)`
            """)
            return ScaffoldCommand.failure
        }
        return result.status == 0 ? ScaffoldCommand.success : ScaffoldCommand.failure
    }

    /// The kinds of check (`hadolint`, `helm-lint`, …) skipped for a missing validator on every
    /// file and never run: a lint that checked nothing of a kind must not pass.
    static func kindsNeverRun(_ output: String) -> [String] {
        var ran = Set<String>()
        var missing = Set<String>()
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 2)
            guard words.count >= 2 else { continue }
            let kind = String(words[1])
            switch words[0] {
            case "PASS", "FAIL": ran.insert(kind)
            case "SKIP" where line.contains("(missing: "): missing.insert(kind)
            default: continue
            }
        }
        return missing.subtracting(ran).sorted()
    }
}

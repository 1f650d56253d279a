import Foundation

/// `scaffold lint`: runs the validators found on PATH over a project's generated files, through
/// the same runner the project's own lint gate uses (`scripts/lint.py`, shipped with scaffold).
enum LintCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: [], options: ["--project"])
        guard arguments.positionals.isEmpty else { throw UsageError("unexpected argument '\(arguments.positionals[0])'") }
        let location = ProjectLocation(arguments.options["--project"])
        let installation = try Installation.current()
        let runner = installation.resources.appendingPathComponent("scripts/lint.py")
        guard FileManager.default.fileExists(atPath: runner.path) else {
            Console.error("this scaffold installation has no lint runner (scripts/lint.py): reinstall with scripts/install.sh")
            return ScaffoldCommand.failure
        }
        guard let python = ["python3", "python"].lazy.map(CompilerVersion.which).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Console.error("scaffold lint needs python3 on PATH: install it (for example `apt-get install python3`)")
            return ScaffoldCommand.failure
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [runner.path, "--tree", location.root.path, "--installed-only"]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? ScaffoldCommand.success : ScaffoldCommand.failure
    }
}

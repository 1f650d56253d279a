import Foundation
import ScaffoldCore

/// The `scaffold` command line: parses arguments, runs one subcommand and returns its exit code.
///
/// Exit codes: 0 success, 1 drift, validation error or refusal, 64 usage error.
public enum ScaffoldCommand {
    /// Exit code for success.
    public static let success: Int32 = 0
    /// Exit code for drift, invalid blueprints and refusals.
    public static let failure: Int32 = 1
    /// Exit code for a command line that can't be understood.
    public static let usage: Int32 = 64

    /// Runs `arguments` (without the program name) and returns the exit code.
    public static func main(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            print(Help.overview)
            return usage
        }
        let rest = Array(arguments.dropFirst())
        #if os(Linux)
        // Internal: the loader runs blueprints through this to confine them (see Sandbox).
        if command == Sandbox.command { return Sandbox.execute(rest) }
        #endif
        if rest.contains("--help") || rest.contains("-h") {
            guard let text = Help.command[command] else {
                Console.error("error: unknown command '\(command)'; run `scaffold --help`")
                return usage
            }
            print(text)
            return success
        }
        do {
            switch command {
            case "--help", "-h", "help":
                if let topic = rest.first {
                    guard let text = Help.command[topic] else {
                        Console.error("error: unknown command '\(topic)'; run `scaffold --help`")
                        return usage
                    }
                    print(text)
                    return success
                }
                print(Help.overview)
                return success
            case "--version", "version":
                print("scaffold \(ScaffoldVersion.current)")
                return success
            case "init": return try InitCommand.run(rest)
            case "regen": return try RegenCommand.run(rest)
            case "diff": return try DiffCommand.run(rest)
            case "dump": return try DumpCommand.run(rest)
            case "blueprints": return try BlueprintsCommand.run(rest)
            case "render": return try RenderCommand.run(rest)
            case "lint": return try LintCommand.run(rest)
            case "import": return try ImportCommand.run(rest)
            default:
                Console.error("error: unknown command '\(command)'; run `scaffold --help`")
                return usage
            }
        } catch let error as UsageError {
            Console.error("error: \(error); run `scaffold \(command) --help`")
            return usage
        } catch let error as ValidationFailure {
            Console.error(error.description)
            return failure
        } catch {
            let text = "\(error)"
            Console.error(text.hasPrefix("error:") || text.contains(": error:") ? text : "error: \(text)")
            return failure
        }
    }
}

/// Where messages go: results to stdout, diagnostics to stderr.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    /// One `warning:` line per distinct fidelity note, on stderr; with `full` false only their count.
    static func warn(_ notes: [FidelityNote], full: Bool = true) {
        warn(lines: noteLines(notes), full: full)
    }

    /// The distinct lines of `notes`, in order.
    static func noteLines(_ notes: [FidelityNote]) -> [String] {
        var seen = Set<String>()
        return notes.map(\.line).filter { seen.insert($0).inserted }
    }

    /// `warn(_:full:)` for note lines already made distinct.
    static func warn(lines: [String], full: Bool = true) {
        guard !lines.isEmpty else { return }
        if full {
            for line in lines { error("warning: \(line)") }
        } else {
            error("note: \(lines.count) fidelity \(lines.count == 1 ? "note" : "notes") unchanged (README.Deploy.md lists them; --verbose prints them)")
        }
    }

    static func out(_ message: String) {
        FileHandle.standardOutput.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }
}

import Foundation
import ScaffoldCore

/// `scaffold regen`: re-render and write what changed.
enum RegenCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: ["--check", "--dry-run", "--force"], options: ["--project"])
        guard arguments.positionals.isEmpty else { throw UsageError("unexpected argument '\(arguments.positionals[0])'") }
        let location = ProjectLocation(arguments.options["--project"])
        let installation = try Installation.current()
        let writer = ProjectWriter(root: location.root, owns: GeneratedPaths.couldGenerate)
        return try writer.exclusively(report: { Console.error("note: \($0)") }) {
            try run(arguments, location: location, installation: installation, writer: writer)
        }
    }

    private static func run(_ arguments: Arguments, location: ProjectLocation, installation: Installation, writer: ProjectWriter) throws -> Int32 {
        let rendering = try location.session(installation).render()
        let files = rendering.files
        Console.warn(rendering.notes)
        let plan = try writer.plan(files)

        if arguments.flags.contains("--check") {
            if plan.isEmpty {
                Console.out("scaffold: generated files match Blueprint.swift")
                return ScaffoldCommand.success
            }
            Console.out(plan.diff(current: currentContents(plan, writer), files: files))
            Console.error(report(plan).joined(separator: "\n"))
            Console.error("scaffold: generated files drifted from Blueprint.swift: run `scaffold regen` and commit the result")
            return ScaffoldCommand.failure
        }
        if arguments.flags.contains("--dry-run") {
            let lines = report(plan)
            Console.out(lines.isEmpty ? "nothing to do" : lines.joined(separator: "\n"))
            return ScaffoldCommand.success
        }
        let force = arguments.flags.contains("--force")
        try writer.apply(plan, files: files, force: force)
        let lines = report(plan, forced: force)
        Console.out(lines.isEmpty ? "nothing to do: \(plan.unchanged.count) files up to date" : lines.joined(separator: "\n"))
        return ScaffoldCommand.success
    }

    /// One line per change: `create path`, `update path`, `delete path`, conflicts and kept files.
    static func report(_ plan: WritePlan, forced: Bool = false) -> [String] {
        var lines = plan.changes.map { change -> String in
            switch change {
            case .create: return "create  \(change.path)"
            case .update: return "update  \(change.path)"
            case .delete: return "delete  \(change.path)"
            }
        }
        lines += plan.starters.map { "starter \($0.path) (written once; it is yours)" }
        lines += plan.conflicts.map { forced ? "overwrite \($0.path)" : "conflict  \($0)" }
        lines += plan.keptStale.map { "kept    \($0) (no longer generated, but edited by hand: it is yours now)" }
        return lines
    }

    static func currentContents(_ plan: WritePlan, _ writer: ProjectWriter) -> [String: String] {
        var result: [String: String] = [:]
        for conflict in plan.conflicts {
            if let url = try? writer.safeURL(conflict.path), let data = FileManager.default.contents(atPath: url.path) {
                result[conflict.path] = String(decoding: data, as: UTF8.self)
            }
        }
        return result
    }
}

/// `scaffold diff`: what regen would change.
enum DiffCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: ["--summary"], options: ["--project"])
        guard arguments.positionals.isEmpty else { throw UsageError("unexpected argument '\(arguments.positionals[0])'") }
        let location = ProjectLocation(arguments.options["--project"])
        let installation = try Installation.current()
        let session = location.session(installation)
        let writer = ProjectWriter(root: location.root, owns: GeneratedPaths.couldGenerate)
        let (rendering, plan) = try writer.exclusively(report: { Console.error("note: \($0)") }) {
            let rendering = try session.render()
            return (rendering, try writer.plan(rendering.files))
        }
        let files = rendering.files
        if arguments.flags.contains("--summary") {
            Console.out(try ChangeSummary.markdown(plan: plan, project: rendering.project, previous: ChangeSummary.previousModel(root: location.root), templates: rendering.templates))
        } else {
            let text = plan.diff(current: RegenCommand.currentContents(plan, writer), files: files)
            if !text.isEmpty { Console.out(text) }
        }
        return ScaffoldCommand.success
    }
}

/// `scaffold dump`: the resolved model as JSON.
enum DumpCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: [], options: ["--project"])
        guard arguments.positionals.isEmpty else { throw UsageError("unexpected argument '\(arguments.positionals[0])'") }
        let location = ProjectLocation(arguments.options["--project"])
        try ProjectWriter(root: location.root).exclusively(report: { Console.error("note: \($0)") }) {}
        let (project, _) = try location.session(try Installation.current()).resolve()
        Console.out(try ModelJSON.encode(project))
        return ScaffoldCommand.success
    }
}

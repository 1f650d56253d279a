import Foundation
import ScaffoldCore

/// `scaffold regen`: re-render and write what changed.
enum RegenCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: ["--check", "--dry-run", "--force", "--verbose"], options: ["--project"])
        guard arguments.positionals.isEmpty else { throw UsageError("unexpected argument '\(arguments.positionals[0])'") }
        let location = ProjectLocation(arguments.options["--project"])
        try location.requireBlueprint()
        let installation = try Installation.current()
        let writer = ProjectWriter(root: location.root, owns: GeneratedPaths.couldGenerate)
        return try writer.exclusively(report: { Console.error("note: \($0)") }) {
            try run(arguments, location: location, installation: installation, writer: writer)
        }
    }

    private static func run(_ arguments: Arguments, location: ProjectLocation, installation: Installation, writer: ProjectWriter) throws -> Int32 {
        let session = location.session(installation)
        let key = session.renderKey()
        if let key, let code = unchanged(arguments, location: location, key: key) { return code }
        let rendering = try session.render()
        let files = rendering.files
        let plan = try writer.plan(files)
        let notes = Console.noteLines(rendering.notes)
        // The fidelity notes are news when something changes; a no-op regen only counts them.
        Console.warn(lines: notes, full: !plan.isEmpty || arguments.flags.contains("--verbose"))
        /// Records the tree for the next run's `unchanged`, once the plan's ledger is on disk.
        func index() {
            guard let key, plan.starters.isEmpty || !arguments.flags.contains("--check") && !arguments.flags.contains("--dry-run") else { return }
            RegenIndex.record(root: location.root, key: key, ledger: plan.ledger, files: files, notes: notes)?.write(cache: location.cache)
        }

        if arguments.flags.contains("--check") {
            if plan.isEmpty {
                index()
                Console.out("scaffold: generated files match Blueprint.swift")
                return ScaffoldCommand.success
            }
            Console.out(plan.diff(current: currentContents(plan, writer), files: files))
            Console.error(report(plan).joined(separator: "\n"))
            if plan.conflicts.isEmpty {
                Console.error("error: generated files drifted from Blueprint.swift: run `scaffold regen` and commit the result")
            } else {
                Console.error("""
                error: \(plan.conflicts.count == 1 ? "a generated file was" : "\(plan.conflicts.count) generated files were") edited by hand (\(plan.conflicts.map(\.path).joined(separator: ", "))): \
                move the change into Blueprint.swift or a template override in .scaffold/templates/ and run `scaffold regen --force`, \
                or run `scaffold regen --force` to discard it
                """)
            }
            return ScaffoldCommand.failure
        }
        if arguments.flags.contains("--dry-run") {
            let lines = report(plan, tense: .conditional)
            if plan.isEmpty { index() }
            Console.out(lines.isEmpty ? "nothing to do; nothing written" : (lines + ["nothing written (--dry-run)"]).joined(separator: "\n"))
            return ScaffoldCommand.success
        }
        let force = arguments.flags.contains("--force")
        try writer.apply(plan, files: files, force: force)
        index()
        let lines = report(plan, forced: force)
        Console.out(lines.isEmpty ? "nothing to do: \(plan.unchanged.count) files up to date" : lines.joined(separator: "\n"))
        return ScaffoldCommand.success
    }

    /// The answer of a run with nothing to do, found by checking the tree against the regen index
    /// for the render `key` (stat first, hashing only files that look changed) instead of
    /// rendering; nil when the index can't vouch for the tree, so the caller renders and plans.
    static func unchanged(_ arguments: Arguments, location: ProjectLocation, key: String) -> Int32? {
        guard let index = RegenIndex.read(cache: location.cache),
              let ledger = FileManager.default.contents(atPath: location.root.appendingPathComponent(Ledger.path).path),
              case let .clean(count, notes, refreshed) = index.verify(root: location.root, key: key, ledger: SHA256.hex(ledger)) else { return nil }
        refreshed?.write(cache: location.cache)
        Console.warn(lines: notes, full: arguments.flags.contains("--verbose"))
        if arguments.flags.contains("--check") {
            Console.out("scaffold: generated files match Blueprint.swift")
        } else if arguments.flags.contains("--dry-run") {
            Console.out("nothing to do; nothing written")
        } else {
            Console.out("nothing to do: \(count) files up to date")
        }
        return ScaffoldCommand.success
    }

    /// One line per change: `create path`, `update path`, `delete path`, conflicts and kept files.
    static func report(_ plan: WritePlan, forced: Bool = false, tense: Tense = .done) -> [String] {
        let would = tense == .conditional ? "would " : ""
        var lines = plan.changes.map { change -> String in
            switch change {
            case .create: return "\(would)create  \(change.path)"
            case .update: return "\(would)update  \(change.path)"
            case .delete: return "\(would)delete  \(change.path)"
            }
        }
        lines += plan.starters.map { "\(would)\(would.isEmpty ? "starter" : "write starter") \($0.path) (written once; it is yours)" }
        lines += plan.conflicts.map { forced ? "overwrite \($0.path)" : "conflict  \($0)" }
        lines += plan.keptStale.map { "\(would.isEmpty ? "kept" : "would keep")    \($0) (no longer generated, but edited by hand: it is yours now)" }
        return lines
    }

    /// Whether a report describes what happened or what would.
    enum Tense { case done, conditional }

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
        try location.requireBlueprint()
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
        try location.requireBlueprint()
        try ProjectWriter(root: location.root).exclusively(report: { Console.error("note: \($0)") }) {}
        let (project, _) = try location.session(try Installation.current()).resolve()
        Console.out(try ModelJSON.encode(project))
        return ScaffoldCommand.success
    }
}

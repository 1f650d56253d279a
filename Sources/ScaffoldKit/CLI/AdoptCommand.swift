import Foundation
import Mustache
import ScaffoldCore

/// `scaffold init DIR --adopt`: brings a folder that already has hand-written deployment files
/// (compose.yaml, a Dockerfile, ...) under scaffold.
///
/// The blueprint is, in this order: the folder's Blueprint.swift if it has one; the `--blueprint`
/// preset; a `scaffold import` draft of the folder's compose files; the default preset. Then it
/// renders, and for every file the folder already has that scaffold would write differently it
/// prints the unified diff (yours → scaffold's) and writes nothing else: the user's files are
/// overwritten only when the command is run again with `--force`. `--keep PATH` leaves a file
/// theirs: never written, and recorded in the ledger's `kept` list so regen leaves it alone too.
enum AdoptCommand {
    static func run(_ arguments: Arguments, location: ProjectLocation) throws -> Int32 {
        let display = arguments.positionals.first ?? "."
        guard FileIO.kind(location.root) == S_IFDIR else { throw InitError.nothingToAdopt(display) }
        let installation = try Installation.current()
        let force = arguments.flags.contains("--force")
        var undo = InitUndo(location)
        let source: String
        if FileManager.default.fileExists(atPath: location.blueprint.path) {
            if arguments.options["--blueprint"] != nil {
                throw UsageError("\(location.displayBlueprint) exists, so --blueprint would be ignored: drop it to adopt with that blueprint, or move the file aside")
            }
            source = "the existing \(location.displayBlueprint)"
        } else {
            let text: String
            if arguments.options["--blueprint"] != nil || ComposeFile.discover(in: location.root).isEmpty {
                let (preset, presetName) = try InitCommand.preset(arguments, installation: installation)
                text = try InitCommand.presetText(preset, presetName: presetName, name: arguments.options["--name"], folder: location.root)
                undo.copiedOverrides = try preset.copyOverrides(to: location.overrides)
                source = "the '\(presetName)' preset"
            } else {
                let draft = try ImportCommand.draft(location: location, files: [], name: arguments.options["--name"])
                text = try draft.render(try TemplateLoader.templateSet(installation: installation, overrides: nil))
                source = "a draft of \(draft.context.sources) (`scaffold import`)"
                Console.out(draft.report.lines.joined(separator: "\n"))
            }
            do {
                try DraftWriter.write(text, to: location.blueprint, displayPath: location.displayBlueprint, replacing: false)
            } catch {
                undo.undo()
                throw error
            }
            undo.wroteBlueprint = true
            Console.out("wrote \(location.displayBlueprint) from \(source)")
        }
        do {
            let wrote = try adopt(arguments, location: location, installation: installation, force: force, display: display)
            // A preview writes Blueprint.swift and nothing else (no lock, no cache).
            if !wrote { undo.undo(keepingBlueprint: true) }
            return ScaffoldCommand.success
        } catch let error as InitError {
            // A wrong --keep is the command line's fault: nothing stays, not even the blueprint.
            undo.undo()
            throw error
        } catch {
            // The blueprint stays, for the user to fix; nothing else the command created does.
            undo.undo(keepingBlueprint: true)
            if undo.wroteBlueprint {
                Console.error("note: \(location.displayBlueprint) was written from \(source) and is kept: fix what the error says in it and run `scaffold init \(display) --adopt` again")
            }
            throw error
        }
    }

    /// Renders and plans; writes only when nothing of the user's differs, or with `force`.
    private static func adopt(_ arguments: Arguments, location: ProjectLocation, installation: Installation, force: Bool, display: String) throws -> Bool {
        let rendering = try location.session(installation).render()
        let files = rendering.files
        let generated = Set(files.filter { $0.starter == nil }.map(\.path))
        var keep: Set<String> = []
        for raw in arguments.lists["--keep"] ?? [] {
            let path = raw.hasPrefix("./") ? String(raw.dropFirst(2)) : raw
            guard generated.contains(path) else {
                throw InitError.unknownKeep(raw, suggestion: TemplateSet.suggestion(for: path, among: generated.sorted(), otherwise: ""))
            }
            keep.insert(path)
        }
        let writer = ProjectWriter(root: location.root, owns: GeneratedPaths.couldGenerate)
        return try writer.exclusively(report: { Console.error("note: \($0)") }) {
            let plan = try writer.plan(files, keeping: keep)
            Console.warn(rendering.notes)
            if !plan.conflicts.isEmpty && !force {
                let current = RegenCommand.currentContents(plan, writer)
                let byPath = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
                for conflict in plan.conflicts {
                    Console.out(UnifiedDiff.diff(path: conflict.path, old: current[conflict.path], new: byPath[conflict.path]))
                }
                var lines = plan.conflicts.map { "differs      \($0.path) (yours; the diff above shows what scaffold writes instead)" }
                lines += plan.changes.map { "would create \($0.path)" }
                lines += plan.starters.map { "would write  \($0.path) (a starter, written once; it is yours)" }
                lines += keep.sorted().map { "keeps        \($0) (yours: scaffold won't write it)" }
                Console.out(lines.joined(separator: "\n"))
                let count = plan.conflicts.count
                Console.out("""
                nothing else written: \(count) of your files \(count == 1 ? "differs" : "differ") from what scaffold generates. \
                Rerun `scaffold init \(display) --adopt --force` to replace \(count == 1 ? "it" : "them") with scaffold's, \
                adding `--keep PATH` for each file to keep as yours (\(plan.conflicts.map { "--keep \($0.path)" }.prefix(2).joined(separator: " "))\(count > 2 ? " ..." : ""))
                """)
                return false
            }
            try writer.apply(plan, files: files, force: force)
            var lines = RegenCommand.report(plan, forced: force)
            lines += keep.sorted().map { "kept      \($0) (yours; listed as kept in \(Ledger.path))" }
            // Compose files of the user's that scaffold doesn't write (compose.dev.yaml next to
            // scaffold's compose.development.yaml) stay; say so, so they aren't taken for scaffold's.
            let leftovers = ComposeFile.discover(in: location.root).map(\.lastPathComponent).filter { !generated.contains($0) && !keep.contains($0) }
            lines += leftovers.map { "left      \($0) (yours, not generated: scaffold's overlays are compose.<environment>.yaml; remove it once you no longer use it)" }
            Console.out(lines.joined(separator: "\n"))
            Console.out("adopted \(display): \(plan.conflicts.count) of your files replaced, \(keep.count) kept; from now on edit Blueprint.swift and run `scaffold regen`")
            return true
        }
    }
}

import Foundation
import ScaffoldCore

/// `scaffold init`: a new project from a preset, rendered; with `--adopt`, a folder that already
/// has its own files (see ``AdoptCommand``).
enum InitCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: ["--adopt", "--force"], options: ["--blueprint", "--name", "--keep"], repeatable: ["--keep"])
        guard arguments.positionals.count <= 1 else { throw UsageError("init takes one folder, got \(arguments.positionals.count)") }
        let location = ProjectLocation(arguments.positionals.first)
        if arguments.flags.contains("--adopt") { return try AdoptCommand.run(arguments, location: location) }
        if arguments.flags.contains("--force") || arguments.options["--keep"] != nil {
            throw UsageError("--force and --keep are for adopting a folder that has files of its own: add --adopt")
        }
        let installation = try Installation.current()
        let (preset, presetName) = try self.preset(arguments, installation: installation)
        let fm = FileManager.default
        if fm.fileExists(atPath: location.blueprint.path) {
            Console.error("error: \(location.displayBlueprint) already exists: edit it and run `scaffold regen`, or init into another folder")
            return ScaffoldCommand.failure
        }
        let text = try presetText(preset, presetName: presetName, name: arguments.options["--name"], folder: location.root)
        var undo = InitUndo(location)
        do {
            try fm.createDirectory(at: location.root, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: location.blueprint, options: .withoutOverwriting)
            undo.wroteBlueprint = true
            undo.copiedOverrides = try preset.copyOverrides(to: location.overrides)
            let rendering = try location.session(installation).render()
            let files = rendering.files
            let writer = ProjectWriter(root: location.root, owns: GeneratedPaths.couldGenerate)
            let plan = try writer.exclusively {
                let plan = try writer.plan(files)
                if !plan.conflicts.isEmpty { throw InitError.occupied(arguments.positionals.first ?? ".", plan.conflicts.map(\.path)) }
                try writer.apply(plan, files: files)
                return plan
            }
            Console.out(RegenCommand.report(plan).joined(separator: "\n"))
            Console.warn(rendering.notes)
            Console.out("created \(location.displayBlueprint) from the '\(presetName)' preset and rendered \(files.count) files; edit Blueprint.swift, then run `scaffold regen`")
            return ScaffoldCommand.success
        } catch {
            // A refusal or a failure changes nothing: take back what init itself created.
            undo.undo()
            throw error
        }
    }

    /// The preset `--blueprint` names (default: `default`).
    static func preset(_ arguments: Arguments, installation: Installation) throws -> (Presets.Preset, String) {
        let presetName = arguments.options["--blueprint"] ?? "default"
        let presets = try Presets(installation: installation)
        guard let preset = presets.named(presetName) else {
            throw UsageError("unknown blueprint '\(presetName)'; `scaffold blueprints` lists them: \(presets.all.map(\.name).joined(separator: ", "))")
        }
        return (preset, presetName)
    }

    /// The preset's text, renamed to `--name` (the default preset takes the folder's name).
    static func presetText(_ preset: Presets.Preset, presetName: String, name: String?, folder: URL) throws -> String {
        var text = try preset.text()
        let defaultName = presetName == "default" ? Presets.projectName(fromFolder: folder.lastPathComponent) : nil
        if let name = name ?? defaultName {
            guard Resolver.isValidName(name) else {
                throw UsageError("'\(name)' is not a valid project name: use lowercase letters, digits and '-' (pass --name)")
            }
            text = Presets.renamed(text, to: name)
        }
        return text
    }
}

/// `scaffold blueprints`: the presets and their one-line descriptions.
enum BlueprintsCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: [], options: [])
        guard arguments.positionals.isEmpty else { throw UsageError("unexpected argument '\(arguments.positionals[0])'") }
        let presets = try Presets(installation: try Installation.current())
        let width = presets.all.map(\.name.count).max() ?? 0
        for preset in presets.all {
            Console.out(preset.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + preset.summary)
        }
        return ScaffoldCommand.success
    }
}

/// `scaffold render`: a blueprint into a folder, without a ledger.
enum RenderCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: [], options: ["--output", "--overrides"], aliases: ["-o": "--output"])
        guard arguments.positionals.count == 1 else { throw UsageError("render takes one BLUEPRINT.swift") }
        guard let output = arguments.options["--output"] else { throw UsageError("render needs -o DIR") }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let blueprint = URL(fileURLWithPath: arguments.positionals[0], relativeTo: cwd).standardizedFileURL
        let overrides = arguments.options["--overrides"].map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        let destination = URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL
        let fm = FileManager.default
        if let contents = try? fm.contentsOfDirectory(atPath: destination.path), !contents.isEmpty {
            Console.error("error: \(output) is not empty: render writes only into an empty or new folder")
            return ScaffoldCommand.failure
        }
        let session = ProjectSession(installation: try Installation.current(), blueprint: blueprint, displayPath: arguments.positionals[0], overrides: overrides, cacheDirectory: ProjectSession.userCache())
        let rendering = try session.render()
        let files = rendering.files
        try TreeWriter.write(files, to: destination)
        Console.warn(rendering.notes)
        Console.out("rendered \(files.count) files into \(output)")
        return ScaffoldCommand.success
    }
}

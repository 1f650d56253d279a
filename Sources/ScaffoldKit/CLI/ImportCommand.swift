import Foundation
import ScaffoldCore

/// `scaffold import`: a Blueprint.swift draft from existing compose files.
enum ImportCommand {
    static func run(_ raw: [String]) throws -> Int32 {
        let arguments = try Arguments(raw, flags: ["--force"], options: ["--project", "--name", "--file"], repeatable: ["--file"], aliases: ["-f": "--file"])
        guard arguments.positionals.isEmpty else { throw UsageError("unexpected argument '\(arguments.positionals[0])'; name compose files with -f FILE") }
        let location = ProjectLocation(arguments.options["--project"])
        if let name = arguments.options["--name"], !Resolver.isValidName(name) {
            throw UsageError("'\(name)' is not a valid project name: use lowercase letters, digits and '-'")
        }
        let draft = try draft(location: location, files: arguments.lists["--file"] ?? [], name: arguments.options["--name"])
        let installation = try Installation.current()
        let templates = try TemplateLoader.templateSet(installation: installation, overrides: nil)
        let text = try draft.render(templates)
        try DraftWriter.write(text, to: location.blueprint, displayPath: location.displayBlueprint, replacing: arguments.flags.contains("--force"))
        let report = draft.report
        Console.out("drafted \(location.displayBlueprint) from \(draft.context.sources) (environments: \(report.environments.joined(separator: ", ")))")
        Console.out(report.lines.joined(separator: "\n"))
        for service in report.services {
            if let image = service.unpinnedImage {
                Console.error("warning: service '\(service.name)' runs \(image), which names no version: pin a tag or digest in \(location.displayBlueprint) before `scaffold regen`, which refuses unpinned images")
            }
        }
        let notImported = report.services.reduce(report.notImported.count) { $0 + $1.notImported.count }
        let review = report.services.reduce(report.review.count) { $0 + $1.review.count }
        Console.out("\(notImported) compose \(notImported == 1 ? "setting" : "settings") not imported and \(review) \(review == 1 ? "note" : "notes") to review are comments in \(location.displayBlueprint).")
        Console.out("next: review it, then `scaffold init \(arguments.options["--project"] ?? ".") --adopt` to see how the generated files differ from yours (or `scaffold regen` in a folder without them)")
        return ScaffoldCommand.success
    }

    /// The draft of the compose files `paths` (relative to the working directory), or of those
    /// found in the project folder when none are named.
    static func draft(location: ProjectLocation, files paths: [String], name: String?) throws -> ComposeImporter.Draft {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        var files = paths.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        var displayNames = paths
        if files.isEmpty {
            files = ComposeFile.discover(in: location.root)
            displayNames = files.map(\.lastPathComponent)
            guard !files.isEmpty else { throw ImportError.noComposeFiles(location.root.path) }
        }
        return try ComposeImporter(root: location.root, files: files, displayNames: displayNames, name: name).draft()
    }
}

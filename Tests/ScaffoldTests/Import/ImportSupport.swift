import Foundation
import Mustache
@testable import ScaffoldKit

/// Helpers of the import tests: fixtures, in-process drafts and the comparison of rendered
/// compose files with the ones a blueprint was imported from.
enum ImportSupport {
    /// `Tests/ScaffoldTests/Import/Fixtures`.
    static var fixtures: URL { TestPaths.repository.appendingPathComponent("Tests/ScaffoldTests/Import/Fixtures") }

    /// The built-in templates.
    static let templates: TemplateSet = {
        let sources = (try? TemplateLoader.sources(in: TestPaths.repository.appendingPathComponent("Templates"), displayRoot: "Templates")) ?? []
        return (try? TemplateSet(builtIn: sources)) ?? (try! TemplateSet(builtIn: []))
    }()

    /// A copy of `folder` in a new temporary folder.
    static func copy(_ folder: URL, name: String) throws -> URL {
        let target = TestPaths.temporaryFolder(name).appendingPathComponent(folder.lastPathComponent)
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }

    /// Writes `files` (name → text) into a new folder and drafts a blueprint from them, in the
    /// order given; `sources` adds other files (build contexts).
    static func draft(_ files: KeyValuePairs<String, String>, sources: [String: String] = [:], name: String? = "demo") throws -> (text: String, report: ImportReport, folder: URL) {
        let folder = TestPaths.temporaryFolder("import")
        for (path, text) in files.map({ ($0.key, $0.value) }) + sources.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let importer = ComposeImporter(root: folder, files: files.map { folder.appendingPathComponent($0.key) }, displayNames: files.map(\.key), name: name)
        let draft = try importer.draft()
        return (try draft.render(templates), draft.report, folder)
    }

    /// The text of the `.factory(` call of service `name` in a drafted blueprint, up to its `),`.
    static func declaration(of name: String, in text: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        let literal = "\"\(name)\""
        guard let start = lines.firstIndex(where: { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return (trimmed.hasPrefix(".") && (trimmed.contains("(\(literal)") || trimmed.contains("name: \(literal)")))
                || trimmed == literal + "," || trimmed == "name: \(literal)," || trimmed == "name: \(literal)"
        }) else { return nil }
        // Inline declarations are one line; block ones run from `.factory(` to the line `        ),`.
        if lines[start].hasSuffix("),") { return lines[start] }
        let opening = lines[...start].lastIndex { $0.hasPrefix("        .") && $0.hasSuffix("(") } ?? start
        guard let end = lines[start...].firstIndex(where: { $0 == "        )," }) else { return nil }
        return lines[opening...end].joined(separator: "\n")
    }
}

/// The rendered compose files (compose.yaml + compose.<env>.yaml) compared, environment by
/// environment, with the compose files a blueprint was imported from: the same services, the
/// same images, the same container ports and development host ports, and every variable name,
/// except what the import report says it left out or replaced.
struct ComposeComparison {
    /// Differences, one line each; empty when the files agree.
    var problems: [String] = []

    init(input: [URL], output root: URL, report: ImportReport) throws {
        let inputProject = ComposeProject(files: try input.map { try ComposeFile.read($0, displayName: $0.lastPathComponent) })
        let outputFiles = [root.appendingPathComponent("compose.yaml")] + report.environments.map { root.appendingPathComponent("compose.\($0).yaml") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        let outputProject = ComposeProject(files: try outputFiles.map { try ComposeFile.read($0, displayName: $0.lastPathComponent) })
        let byCompose = Dictionary(report.services.map { ($0.composeName, $0) }, uniquingKeysWith: { first, _ in first })
        for environment in report.environments {
            let given = inputProject.documents[environment]?["services"]?.pairs ?? []
            let rendered = outputProject.documents[environment]?["services"]
            let expected = Set(given.map { byCompose[$0.key]?.name ?? $0.key })
            let actual = Set(rendered?.keys ?? [])
            if expected != actual {
                problems.append("\(environment): services \(actual.sorted()) rendered, \(expected.sorted()) imported")
            }
            for (composeName, definition) in given.map({ ($0.key, $0.value) }) {
                guard let service = byCompose[composeName], let output = rendered?[service.name] else { continue }
                let label = "\(environment) \(service.name)"
                if definition["build"] == nil, let image = definition["image"]?.string, service.replacedImage == nil {
                    if output["image"]?.string != image { problems.append("\(label): image \(output["image"]?.string ?? "none"), not \(image)") }
                }
                if let port = (definition["ports"]?.list?.first).flatMap(PortMapping.parse), let container = port.containerPort, port.transport == "tcp" {
                    let renderedPort = (output["ports"]?.list?.first).flatMap(PortMapping.parse)
                    let wanted = service.movedPort ?? container
                    // A backing service's port is published in development only, and the draft says so.
                    let unpublished = renderedPort == nil && environment != "development"
                        && service.notImported.contains { $0.contains("publishes a backing service's port in development only") }
                    if renderedPort?.containerPort != wanted && !unpublished {
                        problems.append("\(label): container port \(renderedPort?.target ?? "none"), not \(wanted)")
                    }
                    if environment == "development", let host = port.hostPort, renderedPort?.hostPort != host {
                        problems.append("\(label): host port \(renderedPort?.published ?? "none"), not \(host)")
                    }
                }
                let names = Set(definition["environment"]?.keys ?? []).subtracting(service.droppedVariables)
                let renderedNames = Set(output["environment"]?.keys ?? [])
                let missing = names.subtracting(renderedNames)
                if !missing.isEmpty { problems.append("\(label): variables \(missing.sorted()) are not set") }
            }
        }
    }
}

/// The compose files quoted in the seed plans (`../shared/seeds/000_*.txt` … `003_*.txt` next
/// to the repository), read when the tests run; they are never copied into the repository.
enum SeedCompose {
    /// The seeds folder, or nil when it isn't next to the repository.
    static let folder: URL? = {
        let candidate = TestPaths.repository.appendingPathComponent("../shared/seeds").standardizedFileURL
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    /// Why the seed tests are skipped.
    static let unavailable = "the seed plans are not in <repository>/../shared/seeds, so the seed import test is skipped"

    /// The compose files of one plan, base files first: name and text.
    struct Seed {
        var id: String
        var system: String
        var files: [(name: String, text: String)]
    }

    /// Seed `id` (`000`), or nil when its plan is missing.
    static func seed(_ id: String) -> Seed? {
        guard let folder, let name = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted().first(where: { $0.hasPrefix(id + "_") && $0.hasSuffix(".txt") }),
              let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
        let readme = FileManager.default.contents(atPath: folder.appendingPathComponent("README.md").path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let system = readme.split(separator: "\n").first { $0.contains(name) }.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }.flatMap { $0.count > 1 ? $0[1] : nil } ?? name
        return Seed(id: id, system: system, files: blocks(in: String(decoding: data, as: UTF8.self)))
    }

    /// The ```yaml blocks of a plan that are compose files (a top-level `services:`), each named
    /// by the compose file name in its first line or the lines before it; base files first.
    static func blocks(in text: String) -> [(name: String, text: String)] {
        let lines = text.components(separatedBy: "\n")
        var result: [(name: String, text: String)] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed == "```yaml" || trimmed == "```yml" else { index += 1; continue }
            let indent = String(line.prefix { $0 == " " || $0 == "\t" })
            var body: [String] = []
            var end = index + 1
            while end < lines.count, lines[end] != indent + "```" {
                let bodyLine = lines[end]
                body.append(bodyLine.hasPrefix(indent) ? String(bodyLine.dropFirst(indent.count)) : bodyLine)
                end += 1
            }
            let block = body.joined(separator: "\n") + "\n"
            if body.contains(where: { $0.hasPrefix("services:") }), (try? YAMLParser.parse(block))?["services"]?.pairs != nil {
                let context = ([body.first ?? ""] + lines[max(0, index - 4)..<index].reversed()).joined(separator: "\n")
                var name = firstComposeName(in: context) ?? "docker-compose.yml"
                if result.contains(where: { $0.name == name }) { name = "seed-fragment-\(result.count).yml" }
                result.append((name, block))
            }
            index = end + 1
        }
        let bases = result.filter { ImportEnvironment.overlaid(byFile: $0.name) == nil }
        return bases + result.filter { ImportEnvironment.overlaid(byFile: $0.name) != nil }
    }

    private static func firstComposeName(in text: String) -> String? {
        guard let range = text.range(of: #"(docker-)?compose[A-Za-z0-9_.-]*\.ya?ml"#, options: .regularExpression) else { return nil }
        return String(text[range])
    }
}

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

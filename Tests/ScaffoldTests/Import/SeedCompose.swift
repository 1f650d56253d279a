import Foundation
@testable import ScaffoldKit

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

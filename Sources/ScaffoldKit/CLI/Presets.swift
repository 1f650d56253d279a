import Foundation
import ScaffoldCore

/// The presets in the installation's `Blueprints/` folder. Each `NAME.swift` is a blueprint whose
/// first line is a `// ` comment describing it; an optional `NAME.templates/` folder holds the
/// template overrides `init` copies into `.scaffold/templates/`.
struct Presets {
    struct Preset {
        var name: String
        var file: URL
        var summary: String

        func text() throws -> String {
            guard let data = FileManager.default.contents(atPath: file.path) else { throw InitError.unreadable(file.path) }
            return String(decoding: data, as: UTF8.self)
        }

        var overrides: URL { file.deletingPathExtension().appendingPathExtension("templates") }

        /// Copies the preset's template overrides, returning what it created.
        func copyOverrides(to destination: URL) throws -> [URL] {
            let fm = FileManager.default
            guard fm.fileExists(atPath: overrides.path) else { return [] }
            let sources = try TemplateLoader.sources(in: overrides, displayRoot: "overrides")
            var created: [URL] = []
            for source in sources {
                let target = destination.appendingPathComponent(source.name + ".mustache")
                guard !fm.fileExists(atPath: target.path) else { continue }
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(source.text.utf8).write(to: target)
                created.append(target)
            }
            return created
        }
    }

    var all: [Preset]

    init(installation: Installation) throws {
        let folder = installation.blueprints
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        all = names.filter { $0.hasSuffix(".swift") }.sorted().map { fileName in
            let file = folder.appendingPathComponent(fileName)
            let firstLine = (FileManager.default.contents(atPath: file.path).map { String(decoding: $0, as: UTF8.self) } ?? "")
                .split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let summary = firstLine.hasPrefix("//") ? firstLine.dropFirst(2).trimmingCharacters(in: .whitespaces) : ""
            return Preset(name: String(fileName.dropLast(".swift".count)), file: file, summary: summary)
        }
    }

    func named(_ name: String) -> Preset? { all.first { $0.name == name } }

    /// A DNS-1123 project name from a folder name (`My Shop` → `my-shop`).
    static func projectName(fromFolder folder: String) -> String {
        let mapped = folder.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let collapsed = String(mapped).split(separator: "-").joined(separator: "-")
        return collapsed.isEmpty ? "app" : String(collapsed.prefix(63))
    }

    /// The preset with its Blueprint's first `name: "…"` argument replaced.
    /// The preset's text with the project named `name`; its example hosts (`api.demo.example.com`)
    /// follow the name.
    static func renamed(_ text: String, to name: String) -> String {
        guard let range = text.range(of: #"name: "[^"]*""#, options: .regularExpression) else { return text }
        let old = text[range].dropFirst(7).dropLast()
        let renamed = text.replacingCharacters(in: range, with: "name: \"\(name)\"")
        guard !old.isEmpty else { return renamed }
        let pattern = #"(?<=["./@])"# + NSRegularExpression.escapedPattern(for: String(old)) + #"(?=\.example\.com")"#
        return renamed.replacingOccurrences(of: pattern, with: name, options: .regularExpression)
    }
}

/// `init` could not start the project; nothing was changed.
enum InitError: Error, CustomStringConvertible {
    case unreadable(String)
    /// The folder already has files scaffold would generate.
    case occupied(String, [String])
    /// `--adopt` was given a folder that doesn't exist.
    case nothingToAdopt(String)
    /// `--keep` names a file scaffold doesn't generate.
    case unknownKeep(String, suggestion: String)

    var description: String {
        switch self {
        case let .unreadable(path): return "cannot read the preset \(path): reinstall scaffold"
        case let .occupied(folder, paths):
            return "\(folder) already has files scaffold generates (\(paths.joined(separator: ", "))); nothing was changed. "
                + "Run `scaffold init \(folder) --adopt` to see how each differs from what scaffold writes, then adopt them with --force (keeping any with --keep PATH)"
        case let .nothingToAdopt(folder):
            return "\(folder) doesn't exist, so there is nothing to adopt: run `scaffold init \(folder)` without --adopt to create it"
        case let .unknownKeep(path, suggestion):
            return "--keep \(path): scaffold generates no file of that name\(suggestion); name a generated file (`scaffold init . --adopt` lists them)"
        }
    }
}

import Foundation

/// One compose file read for `scaffold import`: its parsed document and the environment its name
/// says it overlays (`nil` for a base file, which every environment merges).
struct ComposeFile: Sendable {
    /// Where it is.
    var url: URL
    /// How messages and the draft name it.
    var displayName: String
    /// The environment it overlays, or `nil` for a base file.
    var environment: ImportEnvironment?
    /// The parsed document, a mapping.
    var document: YAML

    /// Reads and parses `url`.
    static func read(_ url: URL, displayName: String) throws -> ComposeFile {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ImportError.unreadable(displayName) }
        guard let text = String(data: data, encoding: .utf8) else { throw ImportError.notText(displayName) }
        let document: YAML
        do {
            document = try YAMLParser.parse(text)
        } catch let error as YAMLError {
            throw ImportError.yaml(file: displayName, error)
        }
        if document.isNull { return ComposeFile(url: url, displayName: displayName, environment: ImportEnvironment.overlaid(byFile: url.lastPathComponent), document: .map([])) }
        guard document.pairs != nil else { throw ImportError.notCompose(displayName, "its top level is not a mapping of `services:`, `volumes:`, ...") }
        if let services = document["services"], !services.isNull, services.pairs == nil {
            throw ImportError.notCompose(displayName, "`services:` is not a mapping of service names to their settings")
        }
        for pair in document["services"]?.pairs ?? [] where !pair.value.isNull && pair.value.pairs == nil {
            throw ImportError.notCompose(displayName, "the service '\(pair.key)' is not a mapping of settings")
        }
        return ComposeFile(url: url, displayName: displayName, environment: ImportEnvironment.overlaid(byFile: url.lastPathComponent), document: document)
    }

    /// The compose files in `folder` that `docker compose` and the usual overlays use, base files
    /// first: `compose.yaml` (or `compose.yml`, `docker-compose.yml`, `docker-compose.yaml`), then
    /// `compose.override.yaml` and every `compose.<env>.yaml` / `docker-compose.<env>.yml` next to it.
    static func discover(in folder: URL) -> [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        let bases = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]
        guard let base = bases.first(where: names.contains) else { return [] }
        let stem = base.hasPrefix("docker-") ? "docker-compose" : "compose"
        let overlays = names.filter { name in
            name != base && (name.hasPrefix(stem + ".") || name.hasPrefix(stem + "-")) && (name.hasSuffix(".yml") || name.hasSuffix(".yaml"))
                && overlaid(name) != nil
        }
        return ([base] + overlays).map { folder.appendingPathComponent($0) }
    }

    private static func overlaid(_ name: String) -> ImportEnvironment? { ImportEnvironment.overlaid(byFile: name) }
}

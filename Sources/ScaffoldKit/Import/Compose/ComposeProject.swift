import Foundation

/// The compose files of one project, merged per environment: every environment is the base files
/// merged in order, then that environment's overlays, as `docker compose -f base -f overlay` runs it.
///
/// The environments are those the overlays name, plus development and production, which the base
/// alone describes when no overlay names them.
struct ComposeProject: Sendable {
    /// The files, in the order given.
    var files: [ComposeFile]
    /// The folder relative paths in the files start from: the first file's folder, as compose has it.
    var folder: URL
    /// The environments, in promotion order.
    var environments: [ImportEnvironment]
    /// Each environment's merged document, by environment name.
    var documents: [String: YAML]

    init(files: [ComposeFile]) {
        self.files = files
        folder = files.first?.url.deletingLastPathComponent() ?? URL(fileURLWithPath: ".")
        environments = ImportEnvironment.ordered([.development] + files.compactMap(\.environment) + [.production])
        var documents: [String: YAML] = [:]
        let bases = files.filter { $0.environment == nil }
        for environment in environments {
            let layers = bases + files.filter { $0.environment?.name == environment.name }
            var merged: YAML = .map([])
            for (index, file) in Self.unique(layers).enumerated() {
                merged = index == 0 ? ComposeMerge.normalize(file.document) : ComposeMerge.merge(merged, file.document)
            }
            documents[environment.name] = merged
        }
        self.documents = documents
    }

    private static func unique(_ files: [ComposeFile]) -> [ComposeFile] {
        var seen: Set<URL> = []
        return files.filter { seen.insert($0.url).inserted }
    }

    /// The service names, in the order they first appear across the files.
    var serviceNames: [String] {
        var seen: Set<String> = []
        return files.flatMap { $0.document["services"]?.keys ?? [] }.filter { seen.insert($0).inserted }
    }

    /// The merged definition of `service` in each environment it exists in.
    func definitions(of service: String) -> [(environment: ImportEnvironment, definition: YAML)] {
        environments.compactMap { environment in
            guard let definition = documents[environment.name]?["services"]?[service] else { return nil }
            return (environment, definition)
        }
    }

    /// The merged top-level value of `key` in each environment that has it.
    func topLevel(_ key: String) -> [(environment: ImportEnvironment, value: YAML)] {
        environments.compactMap { environment in
            documents[environment.name]?[key].map { (environment, $0) }
        }
    }
}

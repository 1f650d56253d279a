import BlueprintDescription
import Foundation
import ScaffoldCore

/// What importing one service needs to know about the project and the other services.
struct ImportContext: Sendable {
    /// The compose files, merged per environment.
    var project: ComposeProject
    /// The project root, where Blueprint.swift goes; blueprint paths are relative to it.
    var root: URL
    /// The environments the blueprint declares.
    var environments: [ImportEnvironment]
    /// Compose service name → blueprint service name.
    var names: [String: String]
    /// Compose service name → the preset its image is, for image services scaffold has one for.
    var presets: [String: BackingImage]
    /// Compose service name → the port it listens on in the blueprint.
    var ports: [String: Int]
    /// Compose service name → the earlier compose service with the same build (context and
    /// Dockerfile) whose image it runs with its own command: a `.process` or `.job` of it.
    var imageOwners: [String: String] = [:]
    /// Compose services another waits for with `condition: service_completed_successfully`.
    var completedTargets: Set<String> = []
    /// The processes of another service's image that run once (`restart: "no"`, or another
    /// service waits for them to complete) and publish no port: `.job`s.
    var jobs: Set<String> = []
    /// Named volumes two or more compose services mount: `.shared` volumes.
    var sharedVolumes: Set<String> = []

    /// The environments a compose service runs in.
    func environments(of service: String) -> [ImportEnvironment] {
        project.definitions(of: service).map(\.environment).filter { environment in environments.contains { $0.name == environment.name } }
    }

    /// A path of a compose file (relative to the compose project folder) as a project-relative
    /// path (`.` for the root); `nil` when it leaves the project or depends on the host.
    func relativePath(_ composePath: String) -> String? {
        guard !composePath.hasPrefix("~"), !composePath.contains("$") else { return nil }
        let absolute = URL(fileURLWithPath: composePath, relativeTo: project.folder).standardizedFileURL.path
        let base = root.standardizedFileURL.path
        if absolute == base { return "." }
        guard absolute.hasPrefix(base + "/") else { return nil }
        return String(absolute.dropFirst(base.count + 1))
    }

    /// The connection variable a dependency injects (`DATABASE_URL` from postgres), if any.
    func connectionVariable(of service: String) -> String? {
        presets[service].flatMap { PresetSpec.of($0.preset).connectionVariable }
    }

    /// A compose service name as a DNS-1123 label: `my_api` → `my-api`.
    static func blueprintName(_ composeName: String) -> String {
        let mapped = composeName.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        var name = String(mapped).split(separator: "-").joined(separator: "-")
        if name.first?.isLetter != true { name = "svc-" + name }
        return String(name.prefix(63)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}

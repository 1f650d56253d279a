import BlueprintDescription

/// `compose.yaml` (the base every environment shares) and one `compose.<env>.yaml` overlay per
/// environment, plus `.env.example`, `.gitignore` and the configuration files backing presets need.
///
/// The base holds services that run in every environment, without host ports (ports concatenate
/// when files merge). Overlays add what differs: build target, ports, variables, hot reload in
/// development, hardening and limits in production, and services that exist only there.
public struct ComposeGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "compose" }

    /// A generator.
    public init() {}

    struct FileContext: Encodable {
        var project: String
        var environment: String
        var isBase: Bool
        var services: [ComposeServiceContext]
        var volumes: [String]
        var hasVolumes: Bool
        var composeFiles: String
    }

    /// The compose files and their companions.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        let running = Dictionary(uniqueKeysWithValues: project.environments.map { environment in
            (environment.name, project.runningServices(in: environment.name).map(\.name))
        })
        let everywhere = project.services.filter { service in
            project.environments.allSatisfy { running[$0.name]?.contains(service.name) ?? false }
        }
        let builder = ComposeServiceBuilder(project: project)
        var requests: [RenderRequest] = []
        let baseServices = everywhere.map { builder.base($0) }
        var baseVolumeNames: Set<String> = []
        for service in everywhere {
            for environment in project.environments {
                let volumes: [Volume] = service.instance(in: environment.name)?.volumes ?? []
                for volume in volumes where volume.kind == .named && volume.environments == nil {
                    baseVolumeNames.insert(volume.source)
                }
            }
        }
        let baseVolumes = baseVolumeNames.sorted()
        requests.append(try RenderRequest(template: "compose/compose.yaml", path: "compose.yaml", context: FileContext(
            project: project.name, environment: "", isBase: true, services: baseServices,
            volumes: baseVolumes, hasVolumes: !baseVolumes.isEmpty, composeFiles: "compose.yaml")))
        for environment in project.environments {
            let names = running[environment.name] ?? []
            let services = project.services.filter { names.contains($0.name) }.map { service in
                builder.overlay(service, in: environment, inBase: everywhere.contains { $0.name == service.name })
            }
            var volumeNames: Set<String> = []
            for service in project.services where names.contains(service.name) {
                let volumes: [Volume] = service.instance(in: environment.name)?.volumes ?? []
                for volume in volumes where volume.kind == .named { volumeNames.insert(volume.source) }
            }
            let volumes = volumeNames.subtracting(baseVolumes).sorted()
            requests.append(try RenderRequest(template: "compose/overlay.yaml", path: "compose.\(environment.name).yaml", context: FileContext(
                project: project.name, environment: environment.name, isBase: false, services: services,
                volumes: volumes, hasVolumes: !volumes.isEmpty, composeFiles: "compose.yaml + compose.\(environment.name).yaml")))
        }
        requests += try ComposeCompanions.requests(for: project)
        return requests
    }
}

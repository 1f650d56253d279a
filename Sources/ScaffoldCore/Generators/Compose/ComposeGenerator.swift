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

extension ComposeGenerator {
    /// What compose can't express, for environments compose is the way to run (production mode,
    /// with no cloud or Kubernetes target): autoscaling, one host port for several replicas,
    /// public host names and separate readiness checks.
    public func notes(for project: ResolvedProject) -> [FidelityNote] {
        var notes: [FidelityNote] = []
        // Every environment compose runs: a default host port another service already has, and
        // volume sizes, which compose's local volumes don't enforce.
        for environment in project.environments where environment.isDevelopment || environment.platforms.isEmpty {
            for service in project.runningServices(in: environment.name) {
                let limits = [service.taskTimeout.map { "its \($0) s timeout" },
                              service.taskRetries.flatMap { $0 > 0 ? "its \($0) \($0 == 1 ? "retry" : "retries")" : nil }].compactMap { $0 }
                if !limits.isEmpty {
                    let runs = service.isCron ? "each run the host's crontab starts goes once" : "compose runs it once"
                    notes.append(FidelityNote(family: family, service: service.name, environment: environment.name,
                                              message: "\(runs), for as long as it takes: \(limits.joined(separator: " and ")) \(limits.count == 1 ? "applies" : "apply") on Kubernetes and the clouds"))
                }
                for volume in service.instance(in: environment.name)?.volumes ?? [] where volume.kind == .named {
                    guard let size = volume.size else { continue }
                    notes.append(FidelityNote(family: family, service: service.name, environment: environment.name,
                                              message: "volume \(volume.source) is not limited to \(size.literal): compose's local volumes have no size (Kubernetes claims it)"))
                }
            }
            for (name, other) in project.unpublishedDefaults(in: environment).sorted(by: { $0.key < $1.key }) {
                guard let service = project.services.first(where: { $0.name == name }), let port = service.port else { continue }
                notes.append(FidelityNote(family: family, service: name, environment: environment.name,
                                          message: "port \(port) is not published on the host: \(other) already publishes \(service.hostPort ?? port) there; set `hostPort:` to publish it on another one"))
            }
        }
        for environment in project.environments where !environment.isDevelopment && environment.platforms.isEmpty {
            let publishedPorts = project.publishedPorts(in: environment)
            for service in project.runningServices(in: environment.name) {
                guard let instance = service.instance(in: environment.name) else { continue }
                if let scale = instance.autoscale {
                    notes.append(FidelityNote(family: family, service: service.name, environment: environment.name,
                                              message: "compose has no autoscaling: it runs the minimum of \(scale.min) replicas"))
                }
                let replicas = instance.autoscale?.min ?? instance.replicas
                if replicas > 1, publishedPorts[service.name] != nil, let port = service.port {
                    notes.append(FidelityNote(family: family, service: service.name, environment: environment.name,
                                              message: "\(replicas) replicas can't share host port \(service.hostPort ?? port): each gets an ephemeral host port (see `docker compose port`); put a proxy preset in front for one address"))
                }
                if let host = instance.host {
                    notes.append(FidelityNote(family: family, service: service.name, environment: environment.name,
                                              message: "compose doesn't route the host name \(host): the service is published on a port; a proxy preset or the host's own proxy serves the name"))
                }
                if let ready = service.health?.readyPath {
                    notes.append(FidelityNote(family: family, service: service.name, environment: environment.name,
                                              message: "compose has one health check per container: it checks the liveness path, not the readiness path \(ready)"))
                }
            }
        }
        return notes
    }
}

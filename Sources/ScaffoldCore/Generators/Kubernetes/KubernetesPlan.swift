import BlueprintDescription

/// The Kubernetes view of a project, decided once from the resolved model and spelled twice: as
/// kustomize manifests (`KubernetesGenerator`) and as a Helm chart (`HelmGenerator`). Both read
/// only this, so they say the same thing.
public struct KubernetesPlan: Encodable, Hashable, Sendable {
    /// The project name: the chart's name, the `instance` and `part-of` labels.
    public var project: String
    /// The project's one-line description.
    public var summary: String
    /// The one Secret per namespace that holds every secret key; scaffold never writes it.
    public var secretName: String
    /// The ingress class of the first Kubernetes target.
    public var ingressClass: String
    /// Services that run in the cluster in at least one Kubernetes environment, in declaration order.
    public var workloads: [WorkloadContext]
    /// The environments Kubernetes targets deploy, in promotion order.
    public var environments: [KubernetesEnvironmentPlan]

    /// The plan for `project`, or nil when no target deploys to Kubernetes.
    public init?(project: ResolvedProject) {
        let targets = project.targets(.kubernetes)
        guard let first = targets.first else { return nil }
        let names = project.environments.map(\.name).filter { name in targets.contains { $0.environments.contains(name) } }
        self.project = project.name
        self.summary = project.summary
        self.secretName = "\(project.name)-secrets"
        self.ingressClass = first.ingressClass ?? "nginx"
        let inCluster = project.services.filter { service in
            names.contains { service.instance(in: $0).map { !$0.managed } ?? false }
        }
        workloads = inCluster.map { Self.workload($0, project: project, environments: names, secretName: "\(project.name)-secrets", ingressClass: first.ingressClass ?? "nginx") }
        environments = names.map { name in
            let ingressClass = targets.first { $0.environments.contains(name) }?.ingressClass ?? "nginx"
            return Self.environment(name, project: project, secretName: "\(project.name)-secrets", ingressClass: ingressClass)
        }
    }

    /// The plan for `project`, built once per render (the kustomize and Helm families and their
    /// notes all read it).
    static func memoized(_ project: ResolvedProject) -> KubernetesPlan? {
        RenderMemo.value("kubernetes-plan", of: KubernetesPlan?.self, project: project) { KubernetesPlan(project: project) }
    }

    // MARK: - Shared derivations

    /// The standard labels of `service`.
    static func labels(_ service: ResolvedService, project: String) -> LabelsContext {
        LabelsContext(name: service.name, instance: project, component: component(service), partOf: project)
    }

    /// `app.kubernetes.io/component` for a service.
    static func component(_ service: ResolvedService) -> String {
        switch service.preset {
        case nil: return "app"
        case .postgres, .mysql, .mongodb: return "database"
        case .redis: return "cache"
        case .rabbitmq, .queue: return "queue"
        case .prometheus, .grafana: return "monitoring"
        case .nginx, .traefik: return "proxy"
        }
    }

    /// True for a service that keeps data in a named volume (a database, or an image such as a
    /// web UI with a data folder): a StatefulSet with volume claim templates and a headless
    /// Service. Everything else, stateless presets such as proxies included, is a Deployment.
    ///
    /// Only volumes mounted in an environment the Kubernetes targets deploy count: a volume the
    /// blueprint limits to development leaves the cluster workload stateless (its path stays a
    /// writable emptyDir when listed in `writablePaths`).
    static func isStateful(_ service: ResolvedService, project: ResolvedProject) -> Bool {
        !dataVolumes(service, project: project).isEmpty
    }

    /// The named volumes `service` keeps to itself in any environment a Kubernetes target
    /// deploys, by target path: its StatefulSet's claims.
    static func dataVolumes(_ service: ResolvedService, project: ResolvedProject) -> [Volume] {
        kubernetesVolumes(service, project: project) { $0.kind == .named && !$0.isShared }
    }

    /// The `.shared` volumes `service` mounts in any environment a Kubernetes target deploys.
    static func sharedVolumes(_ service: ResolvedService, project: ResolvedProject) -> [Volume] {
        kubernetesVolumes(service, project: project) { $0.isShared }
    }

    /// The volumes matching `include` that `service` mounts in any environment a Kubernetes
    /// target deploys, once per target path, in environment then declaration order.
    private static func kubernetesVolumes(_ service: ResolvedService, project: ResolvedProject, where include: (Volume) -> Bool) -> [Volume] {
        let targets = project.targets(.kubernetes)
        var seen: Set<String> = []
        var volumes: [Volume] = []
        for environment in project.environments where targets.contains(where: { $0.environments.contains(environment.name) }) {
            for volume in service.instance(in: environment.name)?.volumes ?? [] where include(volume) && seen.insert(volume.target).inserted {
                volumes.append(volume)
            }
        }
        return volumes
    }

    /// The claim name of a `.shared` volume.
    static func claimName(_ volume: Volume) -> String {
        label(volume.source, prefix: "shared")
    }

    /// The shared claims of `environment`: each `.shared` volume a running service mounts there.
    static func sharedClaims(in environment: String, project: ResolvedProject) -> [SharedClaimContext] {
        var order: [String] = []
        var claims: [String: (volume: Volume, services: [String])] = [:]
        for service in project.runningServices(in: environment) {
            for volume in service.instance(in: environment)?.volumes ?? [] where volume.isShared {
                if claims[volume.source] == nil { order.append(volume.source) }
                claims[volume.source, default: (volume, [])].services.append(service.name)
            }
        }
        return order.compactMap { name in
            claims[name].map { claim in
                SharedClaimContext(name: claimName(claim.volume), volume: name, size: claim.volume.size.map(quantity) ?? dataVolumeSize,
                                   services: ListItem.list(claim.services), project: project.name)
            }
        }
    }

    /// The named port of `service`, if it listens on one.
    static func port(_ service: ResolvedService) -> PortContext? {
        guard let number = service.port else { return nil }
        let name: String
        if let preset = service.preset {
            name = String(preset.rawValue.prefix(15))
        } else {
            name = (service.health?.kind == .http || service.ingress != nil) ? "http" : "tcp"
        }
        return PortContext(name: name, number: number)
    }

    /// Every port of `service`: the primary one first, then its named ports.
    static func ports(_ service: ResolvedService) -> [PortContext] {
        (port(service).map { [$0] } ?? []) + extraPorts(service)
    }

    /// The named ports of `service` besides the primary one.
    static func extraPorts(_ service: ResolvedService) -> [PortContext] {
        service.extraPorts.map { PortContext(name: $0.name, number: $0.number, protocol: $0.transport.rawValue.uppercased()) }
    }

    /// A CPU quantity in millicores, for example `250m`.
    static func cpu(_ millis: Int) -> String { "\(millis)m" }

    /// A memory quantity, in Gi when it divides evenly, otherwise Mi.
    static func memory(_ mebibytes: Int) -> String {
        mebibytes % 1024 == 0 ? "\(mebibytes / 1024)Gi" : "\(mebibytes)Mi"
    }

    /// Requests and limits from the blueprint's `Resources`; ephemeral storage is requested and limited alike.
    static func resources(_ resources: Resources) -> ResourcesContext {
        ResourcesContext(
            cpuRequest: cpu(resources.cpuMillis), memoryRequest: memory(resources.memoryMiB),
            storageRequest: memory(resources.ephemeralStorageMiB),
            cpuLimit: cpu(resources.cpuLimitMillis), memoryLimit: memory(resources.memoryLimitMiB),
            storageLimit: memory(resources.ephemeralStorageMiB))
    }

    /// A DNS-1123 label from a path or volume name: `/var/run/postgresql` → `var-run-postgresql`.
    static func label(_ text: String, prefix: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if !result.isEmpty && result.last != "-" {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        let full = result.isEmpty ? prefix : "\(prefix)-\(result)"
        var trimmed = String(full.prefix(63))
        while trimmed.hasSuffix("-") { trimmed.removeLast() }
        return trimmed
    }
}

/// Everything about one in-cluster service that is the same in every environment: the base
/// Deployment or StatefulSet, its Service, ServiceAccount and PodDisruptionBudget.
public struct WorkloadContext: Encodable, Hashable, Sendable {
    /// The service name; every object of the service carries it.
    public var name: String
    /// A one-line description.
    public var summary: String
    /// The project name.
    public var project: String
    /// The standard labels.
    public var labels: LabelsContext
    /// True for a backing service (a StatefulSet with a headless Service); false for a Deployment.
    public var isStateful: Bool
    /// True for an image scaffold builds; its tag is set per environment.
    public var isBuilt: Bool
    /// The image without tag for built images (`ghcr.io/acme/demo-api`), the full pinned
    /// reference otherwise (`postgres:16.6-alpine`).
    public var image: String
    /// The image repository.
    public var imageRepository: String
    /// The port it listens on (zero or one).
    public var ports: [PortContext]
    /// Arguments overriding the image's default command (compose `command:` semantics).
    public var args: [String]
    /// True when `args` is not empty.
    public var hasArgs: Bool
    /// The probes (zero or one set).
    public var probes: [ProbeSetContext]
    /// The numeric user and group (also the fsGroup).
    public var uid: Int
    /// Whether the pod mounts its service account token.
    public var automountServiceAccountToken: Bool
    /// emptyDir volumes: writable paths and scratch space.
    public var volumes: [VolumeContext]
    /// The persistent data directory of a backing service (zero or one).
    public var data: [DataVolumeContext]
    /// Generated ConfigMaps mounted as files (zero or one), see `KubernetesPlan.configFiles(_:)`.
    public var configFiles: [ConfigFileContext]
    /// True when the container mounts any volume.
    public var hasVolumes: Bool
    /// True when the pod declares volumes (emptyDirs and ConfigMaps; data volumes are claim templates).
    public var hasPodVolumes: Bool
    /// The default resources (environments patch their own).
    public var resources: ResourcesContext
    /// The Secret holding every secret key.
    public var secretName: String
    /// checkov in-line skips on the workload, each with its reason.
    public var skips: [SkipContext]
    /// True when `skips` is not empty.
    public var hasSkips: Bool
    /// True when the blueprint gives the service an ingress (and it has a port).
    public var isPublic: Bool
    /// True for a Deployment, which may get a HorizontalPodAutoscaler.
    public var canAutoscale: Bool
    /// True for a Prometheus preset, which gets a generated scrape configuration.
    public var isPrometheus: Bool
    /// True for an nginx or Traefik proxy, which gets generated routes.
    public var isProxy: Bool
    /// True for a Grafana preset, which gets a generated Prometheus data source.
    public var isGrafana: Bool
    /// The port the service listens on (8080 when it has none), the proxy's `listen` port.
    public var listenPort: Int
    /// The ingress class of the first Kubernetes target, the chart's default.
    public var ingressClass: String
}

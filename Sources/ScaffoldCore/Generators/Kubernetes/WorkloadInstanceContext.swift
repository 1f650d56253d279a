/// One in-cluster service in one environment: what the overlay (or `values-<env>.yaml`) sets.
public struct WorkloadInstanceContext: Encodable, Hashable, Sendable {
    /// The service name.
    public var name: String
    /// The standard labels.
    public var labels: LabelsContext
    /// True for a StatefulSet.
    public var isStateful: Bool
    /// The object's API version and kind, and the overlay's patch file for it.
    public var apiVersion: String = "apps/v1"
    /// `Deployment`, `StatefulSet`, `Job` or `CronJob`.
    public var kind: String = "Deployment"
    /// For example `deployment-patch.yaml`.
    public var patchFile: String = "deployment-patch.yaml"
    /// True for a Deployment or StatefulSet.
    public var isLongRunning: Bool = true
    /// True for a Job.
    public var isJob: Bool = false
    /// True for a CronJob.
    public var isCron: Bool = false
    /// True for a built image (the overlay sets its tag).
    public var isBuilt: Bool
    /// The image repository.
    public var imageRepository: String
    /// The image tag the overlay sets for built images: the environment name.
    public var imageTag: String
    /// The replica count (the HPA's minimum when autoscaled).
    public var replicas: Int
    /// True when the workload sets `replicas` (no HPA here).
    public var fixedReplicas: Bool
    /// The autoscaler (zero or one).
    public var autoscale: [AutoscaleContext]
    /// True when autoscaled here.
    public var isAutoscaled: Bool
    /// Resources here.
    public var resources: ResourcesContext
    /// Plain variables, the service's ConfigMap.
    public var config: [KeyValueContext]
    /// Variables read from the Secret, before the dependent ones.
    public var secretEnv: [SecretEnvContext]
    /// Variables whose values interpolate secrets as `$(NAME)`, after the secrets.
    public var dependentEnv: [KeyValueContext]
    /// True when `config` is not empty.
    public var hasConfig: Bool
    /// True when the container has an `env:` list.
    public var hasEnv: Bool
    /// The public entry point (zero or one).
    public var ingress: [IngressContext]
    /// True when public here.
    public var isPublic: Bool
    /// The NetworkPolicy.
    public var networkPolicy: NetworkPolicyContext
    /// Prometheus only: the scrape jobs (empty otherwise).
    public var scrapeTargets: [ScrapeTargetContext]
    /// True when `scrapeTargets` is not empty.
    public var hasScrapeTargets: Bool
    /// True for a Prometheus preset, which gets a generated configuration.
    public var isPrometheus: Bool
    /// The generated ConfigMaps here (zero or one), the same as the workload's.
    public var configFiles: [ConfigFileContext]
    /// nginx and Traefik only: the routes to services running here with a port (empty otherwise).
    public var routes: [RouteContext]
    /// True when `routes` is not empty.
    public var hasRoutes: Bool
    /// The port the service listens on (8080 when it has none), the proxy's `listen` port.
    public var listenPort: Int
    /// Grafana only: the Prometheus data source's in-cluster URL (empty otherwise).
    public var prometheusURL: String

    /// Sets what follows from `shape`: a Job or CronJob has no replicas and no autoscaler.
    mutating func shape(_ shape: WorkloadShape) {
        apiVersion = shape.apiVersion
        kind = shape.kind
        patchFile = shape.patchFile
        isLongRunning = shape.isLongRunning
        isJob = shape == .job
        isCron = shape == .cronJob
        if !shape.isLongRunning {
            fixedReplicas = false
            autoscale = []
            isAutoscaled = false
        }
    }
}

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
    /// The ports it listens on: the primary one (the probes' and the ingress's) first, then its
    /// named ports.
    public var ports: [PortContext]
    /// True when `ports` is not empty.
    public var hasPorts: Bool = false
    /// The primary port alone (zero or one): what the ingress controller reaches.
    public var primaryPorts: [PortContext] = []
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
    /// `ProcessSettings.entrypoint`: the container's `command`, replacing the image's entrypoint.
    public var entrypoint: [String] = []
    /// True when `entrypoint` is set.
    public var hasEntrypoint: Bool = false
    /// Project files mounted read-only (`Volume.file`), keys of the `<name>-files` ConfigMap.
    public var files: [FileMountContext] = []
    /// True when `files` is not empty.
    public var hasFiles: Bool = false
    /// `Deployment`, `StatefulSet`, `Job` or `CronJob`.
    public var kind: String = WorkloadShape.deployment.kind
    /// The base manifest's file name, for example `deployment.yaml`.
    public var fileName: String = WorkloadShape.deployment.fileName
    /// True for a Job.
    public var isJob: Bool = false
    /// True for a CronJob.
    public var isCron: Bool = false
    /// True for a Deployment or StatefulSet: replicas, a disruption budget, probes.
    public var isLongRunning: Bool = true
    /// A CronJob's schedule (empty otherwise).
    public var schedule: String = ""
    /// A Job's or CronJob's `backoffLimit`: the declared `retries:`.
    public var backoffLimit: Int = 0
    /// A Job pod's `activeDeadlineSeconds`: the declared `timeout:` of one attempt.
    public var podDeadlineSeconds: Int = 0
    /// A Job's `activeDeadlineSeconds`, which bounds all its attempts together: each attempt's
    /// timeout plus Kubernetes' longest back-off (six minutes) before each retry.
    public var jobDeadlineSeconds: Int = 0
    /// True for a Deployment of a service that depends on a job: the deploy applies it after the
    /// job has completed (it carries the `scaffold.dev/after-jobs` label the deploy selects on).
    public var afterJobs: Bool = false

    /// The Helm chart's indentation of the container's `resources:` values (a CronJob's
    /// container is nested two levels deeper).
    public var helmResourcesIndent: Int = 12

    /// Sets what follows from `shape`.
    mutating func shape(_ shape: WorkloadShape) {
        kind = shape.kind
        fileName = shape.fileName
        isJob = shape == .job
        isCron = shape == .cronJob
        isLongRunning = shape.isLongRunning
        helmResourcesIndent = shape == .cronJob ? 16 : 12
    }
}

/// What Kubernetes object runs a service.
public enum WorkloadShape: String, Encodable, Hashable, Sendable {
    /// A stateless service that runs until stopped.
    case deployment
    /// A service with a data volume: claim templates and a stable identity.
    case statefulSet
    /// A `.job`: runs once to completion.
    case job
    /// A `.cron` task: a Job on a schedule.
    case cronJob

    /// The shape of `service`; `isStateful` when it keeps data in a named volume.
    static func of(_ service: ResolvedService, isStateful: Bool) -> WorkloadShape {
        if service.isJob { return .job }
        if service.isCron { return .cronJob }
        return isStateful ? .statefulSet : .deployment
    }

    /// The object's kind.
    public var kind: String {
        switch self {
        case .deployment: return "Deployment"
        case .statefulSet: return "StatefulSet"
        case .job: return "Job"
        case .cronJob: return "CronJob"
        }
    }

    /// The object's API version.
    public var apiVersion: String { isLongRunning ? "apps/v1" : "batch/v1" }

    /// The base manifest's file name.
    public var fileName: String { kind.lowercased() + ".yaml" }

    /// An environment's patch file name.
    public var patchFile: String { kind.lowercased() + "-patch.yaml" }

    /// True for a Deployment or StatefulSet.
    public var isLongRunning: Bool { self == .deployment || self == .statefulSet }
}

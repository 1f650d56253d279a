/// One service of the application: an app built from source, a prebuilt image, or a backing
/// service preset such as `.redis()`.
///
/// Build services with the factories: `.app(...)`, `.image(...)`, `.redis(...)`, `.postgres(...)`, ...
public struct Service: Codable, Hashable, Sendable {
    /// What the service is made from.
    public enum Kind: String, Codable, Sendable {
        /// Built from source in the project with a `Runtime`.
        case app
        /// A prebuilt image.
        case image
        /// A backing-service preset.
        case backing
        /// Another service's image run with its own command: `.process`, `.job` and `.cron`.
        case process
    }

    /// How long its process runs.
    public enum Lifecycle: String, Codable, Sendable {
        /// Runs until stopped, restarted when it exits (a web server, a worker).
        case service
        /// Runs once to completion before its dependents start (a migration): `.job(...)`.
        case job
        /// Runs to completion on a schedule: `.cron(...)`.
        case cron
    }

    /// The service name, a DNS-1123 label; also its host name on the compose network and in the cluster.
    public var name: String
    /// What the service is made from.
    public var kind: Kind
    /// The build context folder, relative to the project root (apps only).
    public var path: String?
    /// How the app is built and started (apps only).
    public var runtime: Runtime?
    /// The image reference, `repository:tag` or `repository@sha256:…` (images and presets).
    public var image: String?
    /// The preset, for backing services.
    public var preset: Preset?
    /// The port the service listens on inside its container.
    public var port: Int?
    /// The host port published in development-mode environments; defaults to `port`.
    public var hostPort: Int?
    /// The start command, overriding the runtime's or image's default.
    public var command: [String]?
    /// How the platform checks the service.
    public var health: HealthCheck?
    /// Plain environment variables. Never credentials: use `secrets`.
    public var environment: [String: Setting]
    /// Secrets the service reads, by name only.
    public var secrets: [Secret]
    /// Storage mounted into the service.
    public var volumes: [Volume]
    /// Services that must be healthy before this one starts; their connection settings are injected.
    public var dependsOn: [String]
    /// CPU and memory per replica.
    public var resources: Resources
    /// Resources that differ per environment.
    public var resourcesPerEnvironment: [String: Resources]
    /// Replicas per environment; 1 where not given.
    public var replicas: [String: Int]
    /// Horizontal autoscaling, per environment (replaces a fixed replica count there).
    public var autoscale: [String: Autoscale]
    /// The environments the service exists in; `nil` means all of them.
    public var environments: [String]?
    /// Environments where a cloud-managed equivalent replaces this backing service (ElastiCache,
    /// Cloud SQL, ...). There no container is run and dependents read the connection from a secret.
    public var managed: [String]
    /// Public HTTP exposure; `nil` keeps the service internal.
    public var ingress: Ingress?
    /// The CI test command, overriding the runtime's default.
    public var test: [String]?
    /// A one-line description for generated documentation.
    public var summary: String?
    /// Paths that must stay writable when the root filesystem is read-only (tmpfs / emptyDir).
    public var writablePaths: [String]
    /// Whether the service talks to the Kubernetes API and needs its service account token.
    public var needsServiceAccountToken: Bool
    /// Metrics path scraped by a Prometheus preset, when the service exports metrics.
    public var metricsPath: String?
    /// Destinations outside the project it connects to (public APIs, relays, partner networks).
    public var egress: [Egress]
    /// For a Prometheus preset: the services it scrapes.
    public var scrapeTargets: [String]
    /// For a proxy preset or a static site: path prefix → upstream service.
    public var routes: [String: String]
    /// Backing presets: the variable dependents get instead of the preset's (`REDIS_URL`, ...)
    /// and the URL's scheme; `nil` keeps the preset's.
    public var injects: Injection?
    /// Backing presets: the size of the data volume the preset keeps its data in (Kubernetes
    /// claim request); `nil` is 10Gi.
    public var storage: Memory?
    /// Ports it listens on besides `port`, each named, TCP or UDP, and exposed per environment.
    public var ports: [NamedPort]
    /// Project files of `NAME=value` lines compose reads into the container's environment
    /// (`env_file:`), for settings kept out of Blueprint.swift; compose only.
    public var envFiles: [String]
    /// Entrypoint, user, shared memory, open files, restart policy and GPUs; `nil` keeps the defaults.
    public var processSettings: ProcessSettings?
    /// For `.process`, `.job` and `.cron`: the `.app` or `.image` service whose image it runs.
    public var imageOf: String?
    /// How long its process runs; `.service` unless declared with `.job` or `.cron`.
    public var lifecycle: Lifecycle
    /// For `.cron`: the five-field cron schedule, in UTC.
    public var schedule: String?
    /// For `.job` and `.cron`: seconds an attempt may run; `nil` is 3600.
    public var taskTimeout: Int?
    /// For `.job` and `.cron`: how many times a failed attempt runs again; `nil` is 0.
    public var taskRetries: Int?
    /// Dependencies written as `.completed(name)`: each must be a `.job`.
    public var completedDependencies: [String]
    /// Where the declaration is in Blueprint.swift.
    public var location: SourceLocation

    // swiftlint-style long initialiser kept internal: users call the factories.
    init(name: String, kind: Kind, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.environment = [:]
        self.secrets = []
        self.volumes = []
        self.dependsOn = []
        self.resources = .default
        self.resourcesPerEnvironment = [:]
        self.replicas = [:]
        self.autoscale = [:]
        self.managed = []
        self.writablePaths = []
        self.needsServiceAccountToken = false
        self.scrapeTargets = []
        self.routes = [:]
        self.egress = []
        self.lifecycle = .service
        self.completedDependencies = []
        self.ports = []
        self.envFiles = []
        self.location = location
    }

    /// An app built from the source in `path` with `runtime`.
    ///
    /// - Parameters:
    ///   - name: the service name (DNS-1123 label).
    ///   - path: the build context, relative to the project root; the Dockerfile is written there.
    ///   - runtime: the language and server, for example `.python("3.12", packages: .uv, server: .uvicorn("app:app"))`.
    ///   - port: the port it listens on.
    ///   - ports: more ports it listens on, named, TCP or UDP, internal, loopback or public per
    ///     environment, for example `[.tcp("grpc", 9000), .udp("syslog", 5514, exposure: .internal)]`.
    ///   - hostPort: the host port. Development publishes every port on 127.0.0.1 (at `port` unless
    ///     this says otherwise); production-mode compose publishes only a public service's port
    ///     (`ingress:`) and one given here, so internal services stay on the compose network.
    ///   - command: a start command overriding the runtime's.
    ///   - health: its health check, for example `.http("/health", ready: "/ready")`.
    ///   - environment: plain variables; per environment with `.only` and `.per`.
    ///   - secrets: secret names.
    ///   - volumes: storage; `.bind` mounts are for development hot reload.
    ///   - dependsOn: services it needs; it starts after they are healthy (after a `.job` has
    ///     completed: `.completed("migrate")`) and gets their connection settings.
    ///   - resources: CPU and memory per replica.
    ///   - replicas: replicas per environment.
    ///   - autoscale: CPU autoscaling per environment.
    ///   - environments: where it exists; all when nil.
    ///   - ingress: public exposure.
    ///   - test: the CI test command.
    ///   - writablePaths: paths kept writable on a read-only root filesystem.
    ///   - metricsPath: the path a Prometheus preset scrapes.
    ///   - egress: destinations outside the project it connects to, for example `[.https("api.openai.com")]`.
    ///   - routes: for a `.staticSite`, path prefixes its nginx proxies to other services, for
    ///     example `["/api/": "api"]`, so the browser reaches the API through the site's own origin;
    ///     each upstream must be in `dependsOn`.
    ///   - envFiles: project files of `NAME=value` lines compose reads into the environment
    ///     (`env_file:`, optional: a missing one is skipped); Kubernetes and the clouds don't read
    ///     them, and a note says so.
    ///   - processSettings: entrypoint, user, `/dev/shm` size, open files, restart policy and GPUs,
    ///     for example `ProcessSettings(shmSize: "1Gi", gpus: 1)`.
    ///   - summary: one line for the docs.
    public static func app(
        _ name: String,
        path: String = ".",
        runtime: Runtime,
        port: Int? = nil,
        ports: [NamedPort] = [],
        hostPort: Int? = nil,
        command: [String]? = nil,
        health: HealthCheck? = nil,
        environment: [String: Setting] = [:],
        secrets: [Secret] = [],
        volumes: [Volume] = [],
        dependsOn: [Dependency] = [],
        resources: Resources = .default,
        resourcesPerEnvironment: [Environment: Resources] = [:],
        replicas: [Environment: Int] = [:],
        autoscale: [Environment: Autoscale] = [:],
        environments: [Environment]? = nil,
        ingress: Ingress? = nil,
        test: [String]? = nil,
        writablePaths: [String] = [],
        metricsPath: String? = nil,
        egress: [Egress] = [],
        routes: [String: String] = [:],
        envFiles: [String] = [],
        processSettings: ProcessSettings? = nil,
        summary: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) -> Service {
        var service = Service(name: name, kind: .app, location: SourceLocation(file: file, line: line))
        service.routes = routes
        service.configure(port: port, hostPort: hostPort, command: command, health: health, environment: environment,
                          secrets: secrets, volumes: volumes, dependsOn: dependsOn, resources: resources, replicas: replicas,
                          environments: environments, ingress: ingress, writablePaths: writablePaths, egress: egress, summary: summary)
        service.ports = ports
        service.processSettings = processSettings
        service.envFiles = envFiles
        service.path = path
        service.runtime = runtime
        service.resourcesPerEnvironment = resourcesPerEnvironment.byName
        service.autoscale = autoscale.byName
        service.test = test
        service.metricsPath = metricsPath
        return service
    }

    /// A service run from a prebuilt image. Pin it: `repository:tag` with a specific tag, or a digest.
    /// The parameters mean what they mean for `.app`; `egress` lists destinations outside the
    /// project it connects to.
    public static func image(
        _ name: String,
        _ image: String,
        port: Int? = nil,
        ports: [NamedPort] = [],
        hostPort: Int? = nil,
        command: [String]? = nil,
        health: HealthCheck? = nil,
        environment: [String: Setting] = [:],
        secrets: [Secret] = [],
        volumes: [Volume] = [],
        dependsOn: [Dependency] = [],
        resources: Resources = .default,
        replicas: [Environment: Int] = [:],
        environments: [Environment]? = nil,
        ingress: Ingress? = nil,
        writablePaths: [String] = [],
        egress: [Egress] = [],
        envFiles: [String] = [],
        processSettings: ProcessSettings? = nil,
        summary: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) -> Service {
        var service = Service(name: name, kind: .image, location: SourceLocation(file: file, line: line))
        service.configure(port: port, hostPort: hostPort, command: command, health: health, environment: environment,
                          secrets: secrets, volumes: volumes, dependsOn: dependsOn, resources: resources, replicas: replicas,
                          environments: environments, ingress: ingress, writablePaths: writablePaths, egress: egress, summary: summary)
        service.image = image
        service.ports = ports
        service.processSettings = processSettings
        service.envFiles = envFiles
        return service
    }

    /// Sets what apps and image services declare alike.
    mutating func configure(
        port: Int?, hostPort: Int?, command: [String]?, health: HealthCheck?, environment: [String: Setting],
        secrets: [Secret], volumes: [Volume], dependsOn: [Dependency], resources: Resources, replicas: [Environment: Int],
        environments: [Environment]?, ingress: Ingress?, writablePaths: [String], egress: [Egress], summary: String?
    ) {
        self.port = port
        self.hostPort = hostPort
        self.command = command
        self.health = health
        self.environment = environment
        self.secrets = secrets
        self.volumes = volumes
        self.dependsOn = dependsOn.map(\.name)
        self.completedDependencies = dependsOn.filter(\.completed).map(\.name)
        self.resources = resources
        self.replicas = replicas.byName
        self.environments = environments?.map(\.name)
        self.ingress = ingress
        self.writablePaths = writablePaths
        self.egress = egress
        self.summary = summary
    }
}

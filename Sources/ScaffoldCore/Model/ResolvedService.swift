import BlueprintDescription

/// One service with everything a generator needs, plus its per-environment instances.
public struct ResolvedService: Codable, Hashable, Sendable {
    /// The service name.
    public var name: String
    /// App, image or backing preset.
    public var kind: Service.Kind
    /// A one-line description.
    public var summary: String
    /// How it is built, for services built from source.
    public var build: ResolvedBuild?
    /// The preset, for backing services.
    public var preset: Preset?
    /// The image repository without tag, for example `ghcr.io/acme/shop-api` or `redis`.
    public var imageRepository: String
    /// The pinned tag of a prebuilt image (`7.4-alpine`); nil for built images, tagged per release.
    public var imageTag: String?
    /// The pinned digest of a prebuilt image, when given as `repo@sha256:…`.
    public var imageDigest: String?
    /// The container port, if it listens on one.
    public var port: Int?
    /// The ports it listens on besides `port`; nil when none (so the recorded model of a
    /// service without any stays as it was).
    public var ports: [NamedPort]? = nil
    /// The `env_file`s compose reads for it; nil when none.
    public var envFiles: [String]? = nil
    /// Entrypoint, user, shared memory, open files, restart policy and GPUs, when set.
    public var processSettings: ProcessSettings? = nil
    /// Backing presets: the variable and scheme dependents get instead of the preset's.
    public var injects: Injection? = nil
    /// The host port published in development-mode environments.
    public var hostPort: Int?
    /// Whether Blueprint.swift asked for `hostPort:` itself: production-mode compose publishes
    /// only such ports and those of public services.
    public var hostPortRequested: Bool = false
    /// The production command, if the image's default is overridden.
    public var command: [String]?
    /// The health check.
    public var health: HealthCheck?
    /// Named and bind volumes.
    public var volumes: [Volume]
    /// Paths that stay writable on a read-only root filesystem.
    public var writablePaths: [String]
    /// Whether the root filesystem can be read-only in production.
    public var readOnlyRootFilesystem: Bool
    /// The numeric user the container runs as (≥ 10000 for images scaffold builds).
    public var uid: Int?
    /// Public exposure.
    public var ingress: Ingress?
    /// The metrics path, for Prometheus scraping.
    public var metricsPath: String?
    /// Destinations outside the project it connects to.
    public var egress: [Egress]
    /// Prometheus: services it scrapes.
    public var scrapeTargets: [String]
    /// Proxy: path prefix → upstream service, sorted by prefix.
    public var routes: [Route]
    /// The CI test command, for built services.
    public var testCommand: [String]?
    /// Whether it needs its Kubernetes service account token.
    public var needsServiceAccountToken: Bool
    /// For `.process`, `.job` and `.cron`: the service whose image (and build) it shares.
    public var imageOf: String? = nil
    /// For `.job` and `.cron`: how it runs; nil for a service that runs until stopped.
    public var lifecycle: Service.Lifecycle? = nil
    /// For `.cron`: its five-field schedule, in UTC.
    public var schedule: String? = nil
    /// For `.job` and `.cron`: the seconds an attempt may run as Blueprint.swift declared it;
    /// nil keeps the default (`timeoutSeconds`).
    public var taskTimeout: Int? = nil
    /// For `.job` and `.cron`: how often a failed attempt runs again, as declared; nil keeps 0.
    public var taskRetries: Int? = nil
    /// Per environment where the service exists, in environment order.
    public var instances: [ServiceInstance]
    /// Where it is declared, for messages. Not part of the recorded model: moving a declaration to
    /// another line changes nothing scaffold writes.
    public var location: SourceLocation = SourceLocation(file: "", line: 0)

    enum CodingKeys: String, CodingKey {
        case name, kind, summary, build, preset, imageRepository, imageTag, imageDigest, port, hostPort, hostPortRequested, injects
        case command, health, volumes, writablePaths, readOnlyRootFilesystem, uid, ingress, metricsPath
        case egress, scrapeTargets, routes, testCommand, needsServiceAccountToken, instances, imageOf, lifecycle, schedule, taskTimeout, taskRetries, ports, processSettings, envFiles
    }

    /// The `env_file`s compose reads for it, in declaration order.
    public var extraEnvFiles: [String] { envFiles ?? [] }

    /// The ports besides `port`, in declaration order.
    public var extraPorts: [NamedPort] { ports ?? [] }

    /// The extra ports published in `environment`, with their host ports: loopback ones on
    /// 127.0.0.1, public ones on every interface.
    public func publishedExtraPorts(in environment: ResolvedEnvironment) -> [(port: NamedPort, hostPort: Int, exposure: NamedPort.Exposure)] {
        extraPorts.compactMap { port in
            let exposure = port.exposure(in: environment.name, mode: environment.mode)
            return exposure == .internal ? nil : (port, port.hostPort ?? port.number, exposure)
        }
    }

    /// True for a `.job`: it runs once to completion before its dependents start.
    public var isJob: Bool { lifecycle == .job }
    /// True for a `.cron` task.
    public var isCron: Bool { lifecycle == .cron }
    /// True for a `.job` or `.cron`: it exits when done instead of running until stopped.
    public var runsToCompletion: Bool { lifecycle != nil }
    /// The seconds a `.job` or `.cron` attempt may run before it is stopped: 3600 unless declared.
    public var timeoutSeconds: Int { taskTimeout ?? 3600 }
    /// How often a failed `.job` or `.cron` attempt runs again: 0 unless declared.
    public var retryLimit: Int { taskRetries ?? 0 }
    /// The longest a `.job` or `.cron` run takes with all its attempts: each attempt's timeout,
    /// and before each retry the longest back-off a platform waits (Kubernetes: six minutes).
    public var jobDeadlineSeconds: Int { timeoutSeconds * (retryLimit + 1) + 360 * retryLimit }
    /// True for a service whose image scaffold builds: an app, not a process sharing one.
    public var ownsBuild: Bool { build != nil && imageOf == nil }

    /// The instance in `environment`, if the service exists there.
    public func instance(in environment: String) -> ServiceInstance? {
        instances.first { $0.environment == environment }
    }

    /// The image reference with tag or digest; built images use `tag`.
    public func imageReference(tag: String = "latest") -> String {
        if let digest = imageDigest { return "\(imageRepository)@\(digest)" }
        return "\(imageRepository):\(imageTag ?? tag)"
    }
}

/// A proxy route.
public struct Route: Codable, Hashable, Sendable {
    /// The path prefix.
    public var prefix: String
    /// The upstream service.
    public var service: String
}

/// How a service is built from source.
public struct ResolvedBuild: Codable, Hashable, Sendable {
    /// The build context, relative to the project root (`.` for the root).
    public var context: String
    /// The Dockerfile's path relative to the project root.
    public var dockerfile: String
    /// The Dockerfile's path relative to the build context.
    public var dockerfileInContext: String
    /// The `.dockerignore` path relative to the project root.
    public var dockerignore: String
    /// The runtime.
    public var runtime: Runtime
    /// The production start command.
    public var command: [String]
    /// The development (hot reload) command.
    public var devCommand: [String]
    /// The default CI test command.
    public var testCommand: [String]
}

/// A service as it is in one environment.
public struct ServiceInstance: Codable, Hashable, Sendable {
    /// The environment name.
    public var environment: String
    /// Whether a cloud-managed equivalent replaces the container here.
    public var managed: Bool
    /// Fixed replicas (ignored by platforms when `autoscale` is set).
    public var replicas: Int
    /// Autoscaling here, if any.
    public var autoscale: Autoscale?
    /// CPU and memory here.
    public var resources: Resources
    /// Environment variables here, sorted by name: plain values, secret references and connection settings.
    public var variables: [Variable]
    /// Services it waits for here (present and running as containers here).
    public var dependsOn: [String]
    /// The public host name here, if public.
    public var host: String?
    /// Volumes mounted here.
    public var volumes: [Volume]

    /// The services it calls here through `.url(of:)` variables, in variable order, without repeats.
    public var calls: [String] {
        var seen: Set<String> = []
        return variables.compactMap(\.serviceURL?.service).filter { seen.insert($0).inserted }
    }

    /// The secret-backed variables here.
    public var secrets: [Variable] { variables.filter { $0.secret != nil } }
    /// The plain variables here.
    public var plain: [Variable] { variables.filter { $0.secret == nil } }
}

/// One environment variable of a service instance.
public struct Variable: Codable, Hashable, Sendable {
    /// Where the value comes from.
    public enum Origin: String, Codable, Sendable {
        /// Written in the blueprint's `environment:`.
        case blueprint
        /// A connection setting injected from a dependency (`REDIS_URL`, `DATABASE_URL`).
        case connection
        /// A preset's own configuration (`POSTGRES_DB`).
        case preset
    }

    /// The variable name.
    public var name: String
    /// The plain value, when it is not a secret. May contain `${SECRET}` placeholders listed in `interpolates`.
    public var value: String?
    /// Secret names `value` interpolates (platforms substitute them: `${X}` in compose, `$(X)` in Kubernetes).
    public var interpolates: [String]
    /// The secret, when the value lives in a secret store.
    public var secret: SecretReference?
    /// Where it comes from.
    public var origin: Origin
    /// A description for `.env.example` and docs.
    public var description: String?
    /// For a `.url(of:)` variable, the service it points at; `value` is then its in-network
    /// address (`http://<service>:<port><path>`, what compose, Kubernetes and ECS Service Connect
    /// resolve), and the serverless clouds write their own.
    public var serviceURL: ServiceURLReference? = nil
    /// For a `.host(...)` setting, the variable compose reads from the shell or `.env` to override `value`.
    public var hostVariable: String? = nil
}

/// The service a `.url(of:)` variable points at, resolved.
public struct ServiceURLReference: Codable, Hashable, Sendable {
    /// The called service's name.
    public var service: String
    /// Its container port.
    public var port: Int
    /// What follows the address: empty or a path starting with `/`.
    public var path: String

    /// A reference to `service` on `port`, followed by `path`.
    public init(service: String, port: Int, path: String) {
        self.service = service
        self.port = port
        self.path = path
    }

    /// The address on a network where services are reached by name: `http://api:8000/v1`.
    public var networkURL: String { "http://\(service):\(port)\(path)" }
}

/// A reference to a secret; scaffold never knows its value.
public struct SecretReference: Codable, Hashable, Sendable {
    /// The environment variable / secret name, for example `OPENAI_API_KEY`.
    public var name: String
    /// The key in cloud secret stores and Kubernetes Secrets (lower-kebab, for example `openai-api-key`).
    public var key: String
    /// A description.
    public var description: String?
    /// When services read the same store key under different names, the name whose `.env`
    /// entry holds the value for all of them (the first declared); `nil` when it is `name`.
    public var envName: String? = nil

    /// The `.env` variable compose reads the value from: one entry per store key.
    public var dotEnvName: String { envName ?? name }
}

/// The dev container settings, resolved.
public struct ResolvedDevContainer: Codable, Hashable, Sendable {
    /// The service it mirrors.
    public var service: String
    /// The base image.
    public var image: String
    /// Features by id, with options.
    public var features: [String: [String: String]]
    /// VS Code extensions.
    public var extensions: [String]
    /// VS Code settings.
    public var settings: [String: JSONValue]
    /// The post-create command.
    public var postCreateCommand: String?
    /// Environment variables of the container.
    public var environment: [String: String]
    /// Environment variables of VS Code's tools (`remoteEnv`).
    public var remoteEnvironment: [String: String]
    /// The user VS Code runs as.
    public var remoteUser: String?
    /// Ports to forward.
    public var forwardPorts: [Int]
}

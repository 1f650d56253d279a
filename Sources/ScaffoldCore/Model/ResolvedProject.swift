import BlueprintDescription

/// A validated blueprint, resolved per environment. Every generator reads only this.
///
/// Arrays are in a stable order (declaration order for services and environments, sorted by name
/// for variables), so output rendered from it is deterministic.
public struct ResolvedProject: Codable, Hashable, Sendable {
    /// The project name (a DNS-1123 label).
    public var name: String
    /// The image registry, for example `ghcr.io/acme`.
    public var registry: String
    /// A one-line description.
    public var summary: String
    /// The main branch CI runs on.
    public var mainBranch: String
    /// The architectures images are published for, without repeats, in declaration order.
    public var architectures: [Architecture]
    /// Where deploys are reported.
    public var notify: [Notification]
    /// Environments in promotion order.
    public var environments: [ResolvedEnvironment]
    /// Services in declaration order.
    public var services: [ResolvedService] {
        didSet { serviceIndex = ServiceIndex(services) }
    }
    /// Deploy targets in declaration order.
    public var targets: [Target]
    /// The dev container, if the blueprint asks for one.
    public var devContainer: ResolvedDevContainer?
    /// The project files services mount (`Volume.file`), with what they hold. The resolver
    /// lists them; the caller that may read disk fills `contents` (`withConfigFileContents`).
    public var configFiles: [ConfigFile]? = nil
    /// Where each service is in `services`, by name, so `service(named:)` doesn't scan them all
    /// (generators look services up by name for every dependency of every service).
    var serviceIndex = ServiceIndex()

    /// The position of each service by name. Derived from `services`, so it takes no part in
    /// equality, hashing or the JSON form; a lookup checks the name at the position it gives.
    struct ServiceIndex: Codable, Hashable, Sendable {
        var positions: [String: Int] = [:]

        init() {}

        init(_ services: [ResolvedService]) {
            positions = Dictionary(services.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        }

        init(from decoder: any Decoder) throws {}
        func encode(to encoder: any Encoder) throws {}
        static func == (lhs: ServiceIndex, rhs: ServiceIndex) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }

    /// Every stored property but `serviceIndex`: the JSON form is the model alone.
    enum CodingKeys: String, CodingKey {
        case name, registry, summary, mainBranch, architectures, notify, environments, services, targets, devContainer, configFiles
    }

    /// The project files every `Volume.file` names, in path order, without contents.
    static func configFiles(of services: [ResolvedService]) -> [ConfigFile]? {
        let paths = Set(services.flatMap { $0.volumes.filter { $0.kind == .file }.map(\.source) }).sorted()
        return paths.isEmpty ? nil : paths.map { ConfigFile(path: $0, contents: nil) }
    }

    /// This project with each config file's contents from `read` (nil: the file doesn't exist
    /// yet, and a starter writes it empty).
    public func withConfigFileContents(_ read: (String) throws -> String?) rethrows -> ResolvedProject {
        var project = self
        project.configFiles = try configFiles?.map { ConfigFile(path: $0.path, contents: try read($0.path)) }
        return project
    }

    /// What the project file `path` holds: its contents, or empty when it is yet to be written.
    public func configFileContents(_ path: String) -> String {
        configFiles?.first { $0.path == path }?.contents ?? ""
    }

    /// The service called `name`.
    public func service(named name: String) -> ResolvedService? {
        if let offset = serviceIndex.positions[name], offset < services.count, services[offset].name == name {
            return services[offset]
        }
        return services.first { $0.name == name }
    }

    /// The environment called `name`.
    public func environment(named name: String) -> ResolvedEnvironment? {
        environments.first { $0.name == name }
    }

    /// Services that run as containers in `environment` (present there and not cloud-managed).
    public func runningServices(in environment: String) -> [ResolvedService] {
        services.filter { $0.instance(in: environment).map { !$0.managed } ?? false }
    }

    /// The host port each running service publishes in `environment`, by service name. Ports
    /// asked for with `hostPort:` come first; a default one (development publishes every port at
    /// its own number) that another service already publishes is left unpublished instead of
    /// clashing, and `unpublishedDefaults(in:)` names it.
    public func publishedPorts(in environment: ResolvedEnvironment) -> [String: Int] {
        publishing(in: environment).published
    }

    /// Services whose default host port another service already publishes in `environment`:
    /// name → the service that has the port.
    public func unpublishedDefaults(in environment: ResolvedEnvironment) -> [String: String] {
        publishing(in: environment).skipped
    }

    private func publishing(in environment: ResolvedEnvironment) -> (published: [String: Int], skipped: [String: String]) {
        let candidates = runningServices(in: environment.name).compactMap { service in
            Resolver.publishedPort(service, in: environment).map { (service, $0) }
        }
        var published: [String: Int] = [:]
        var owner: [Int: String] = [:]
        var skipped: [String: String] = [:]
        for (service, port) in candidates where service.hostPortRequested {
            published[service.name] = port
            owner[port] = owner[port] ?? service.name
        }
        for (service, port) in candidates where !service.hostPortRequested {
            if let other = owner[port] {
                skipped[service.name] = other
            } else {
                published[service.name] = port
                owner[port] = service.name
            }
        }
        return (published, skipped)
    }

    /// Services built from source in the project, one per image: processes that share an app's
    /// image (`.process`, `.job`, `.cron`) are not built again.
    public var builtServices: [ResolvedService] {
        services.filter(\.ownsBuild)
    }

    /// The image tag that names the newest build for `environment`: images.yml tags every push with
    /// its branch (docker/metadata-action's `type=ref,event=branch`, with characters a tag can't hold
    /// as `-`), and the environment deploys from `branch`, else the main branch. Committed deploy
    /// manifests reference it; the deploy workflow pins each deploy to its commit SHA instead.
    public func branchTag(for environment: String) -> String {
        let branch = self.environment(named: environment)?.branch ?? mainBranch
        var tag = String(branch.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") ? $0 : "-" })
        if tag.first == "." || tag.first == "-" { tag = "_" + tag.dropFirst() }
        return String(tag.prefix(128))
    }

    /// The targets that deploy `platform`.
    public func targets(_ platform: Target.Platform) -> [Target] {
        targets.filter { $0.platform == platform }
    }
}

/// One environment of the project.
public struct ResolvedEnvironment: Codable, Hashable, Sendable {
    /// The name, for example `production`.
    public var name: String
    /// The alias start scripts accept (`dev`, `prod`), if any.
    public var alias: String?
    /// Development or production behaviour for local runs.
    public var mode: Environment.Mode
    /// The branch that deploys it, if CI deploys it.
    public var branch: String?
    /// Whether deploys wait for a reviewer.
    public var requiresApproval: Bool
    /// The platforms that deploy it, in target order.
    public var platforms: [Target.Platform]

    /// True in development mode.
    public var isDevelopment: Bool { mode == .development }
}

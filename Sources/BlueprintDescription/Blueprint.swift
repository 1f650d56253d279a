/// The whole application: its services, environments and cloud targets.
///
/// `Blueprint.swift` at the project root declares exactly one:
/// ```swift
/// import BlueprintDescription
///
/// let blueprint = Blueprint(
///     name: "shop",
///     environments: [.development, .staging, .production],
///     services: [
///         .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
///              health: .http("/health"), dependsOn: ["postgres"]),
///         .postgres(managed: [.production]),
///     ],
///     targets: [.aws(region: "eu-west-1", environments: [.staging, .production])]
/// )
/// ```
/// `scaffold regen` renders the deployment layer from it.
public struct Blueprint: Codable, Sendable {
    /// The project name, a DNS-1123 label; prefixes images, clusters and cloud resources.
    public var name: String
    /// The image registry the built services are pushed to, for example `ghcr.io/acme`.
    public var registry: String
    /// A one-line description, used in generated docs.
    public var summary: String?
    /// The environments, in promotion order.
    public var environments: [Environment]
    /// The services.
    public var services: [Service]
    /// Where environments are deployed.
    public var targets: [Target]
    /// An optional dev container.
    public var devContainer: DevContainer?
    /// The git branch CI treats as the main line.
    public var mainBranch: String
    /// The architectures images.yml builds and publishes every image for, as one multi-platform
    /// image; `[.amd64, .arm64]` for x86-64 and ARM hosts alike.
    public var architectures: [Architecture]
    /// Where deploys are reported, for example `[.webhook(secret: "DEPLOY_WEBHOOK_URL")]`.
    public var notify: [Notification]
    /// Where the declaration is in Blueprint.swift.
    public var location: SourceLocation

    /// Declares the blueprint. scaffold reads it when the program exits.
    public init(
        name: String,
        registry: String = "ghcr.io/OWNER",
        summary: String? = nil,
        environments: [Environment] = [.development, .production],
        services: [Service],
        targets: [Target] = [],
        devContainer: DevContainer? = nil,
        mainBranch: String = "main",
        architectures: [Architecture] = [.amd64],
        notify: [Notification] = [],
        file: String = #fileID,
        line: Int = #line
    ) {
        self.name = name
        self.registry = registry
        self.summary = summary
        self.environments = environments
        self.services = services
        self.targets = targets
        self.devContainer = devContainer
        self.mainBranch = mainBranch
        self.architectures = architectures
        self.notify = notify
        self.location = SourceLocation(file: file, line: line)
        BlueprintOutput.shared.register(self)
    }
}

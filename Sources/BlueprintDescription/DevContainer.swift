/// An optional VS Code / GitHub Codespaces dev container (`.devcontainer/devcontainer.json`).
public struct DevContainer: Codable, Hashable, Sendable {
    /// The service whose runtime the container mirrors; the first app when nil.
    public var service: String?
    /// Dev container features by id, with their options.
    public var features: [String: [String: String]]
    /// VS Code extension ids.
    public var extensions: [String]
    /// VS Code settings (`customizations.vscode.settings`), any JSON.
    public var settings: [String: JSONValue]
    /// Run once after the container is created. When nil, scaffold installs the mirrored service's
    /// package manager at its pinned version and the dependencies.
    public var postCreateCommand: String?
    /// Extra environment variables of the container (`containerEnv`).
    public var environment: [String: String]
    /// Environment variables of the tools VS Code runs (`remoteEnv`); they may use dev container
    /// variables such as `${containerWorkspaceFolder}`.
    public var remoteEnvironment: [String: String]
    /// The user VS Code runs as (`remoteUser`), for example `vscode`.
    public var remoteUser: String?

    /// A dev container for `service` with `features`, `extensions`, VS Code `settings`, a post-create
    /// command and environment variables.
    public init(service: String? = nil, features: [String: [String: String]] = [:], extensions: [String] = [], settings: [String: JSONValue] = [:], postCreateCommand: String? = nil, environment: [String: String] = [:], remoteEnvironment: [String: String] = [:], remoteUser: String? = nil) {
        self.service = service
        self.features = features
        self.extensions = extensions
        self.settings = settings
        self.postCreateCommand = postCreateCommand
        self.environment = environment
        self.remoteEnvironment = remoteEnvironment
        self.remoteUser = remoteUser
    }
}

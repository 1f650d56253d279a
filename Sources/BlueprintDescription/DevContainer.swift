/// An optional VS Code / GitHub Codespaces dev container (`.devcontainer/devcontainer.json`).
public struct DevContainer: Codable, Hashable, Sendable {
    /// The service whose runtime the container mirrors; the first app when nil.
    public var service: String?
    /// Dev container features by id, with their options.
    public var features: [String: [String: String]]
    /// VS Code extension ids.
    public var extensions: [String]
    /// Run once after the container is created.
    public var postCreateCommand: String?
    /// Extra environment variables inside the dev container.
    public var environment: [String: String]

    /// A dev container for `service` with `features`, `extensions` and a post-create command.
    public init(service: String? = nil, features: [String: [String: String]] = [:], extensions: [String] = [], postCreateCommand: String? = nil, environment: [String: String] = [:]) {
        self.service = service
        self.features = features
        self.extensions = extensions
        self.postCreateCommand = postCreateCommand
        self.environment = environment
    }
}

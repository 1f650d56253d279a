/// The render context of `devcontainer/devcontainer.json`: every dictionary of
/// `ResolvedDevContainer` turned into a sorted list with `last` flags, so the template can place
/// JSON commas and the output is byte-identical on every run.
struct DevContainerContext: Encodable {
    /// The container's display name.
    var name: String
    /// The base image.
    var image: String
    /// Features, sorted by id.
    var features: [DevContainerFeature]
    /// Whether any feature is declared.
    var hasFeatures: Bool
    /// VS Code extension ids, sorted.
    var extensions: [ListItem]
    /// Whether any extension is declared.
    var hasExtensions: Bool
    /// The post-create command; empty when none is set.
    var postCreateCommand: String
    /// Whether a post-create command is set.
    var hasPostCreateCommand: Bool
    /// Container environment variables, sorted by name.
    var environment: [DevContainerKeyValue]
    /// Whether any variable is declared.
    var hasEnvironment: Bool
    /// Environment variables of VS Code's tools, sorted by name.
    var remoteEnvironment: [DevContainerKeyValue]
    /// Whether any is declared.
    var hasRemoteEnvironment: Bool
    /// The remote user (zero or one).
    var remoteUser: [String]
    /// VS Code settings, sorted by key.
    var settings: [JSONNode.Member]
    /// Whether any setting is declared.
    var hasSettings: Bool
    /// Forwarded ports, ascending.
    var forwardPorts: [DevContainerPort]
    /// Whether any port is forwarded.
    var hasForwardPorts: Bool

    /// Builds the context for `project`'s dev container.
    init(project: String, devContainer: ResolvedDevContainer) {
        name = project
        image = devContainer.image
        let featureIDs = devContainer.features.keys.sorted()
        features = featureIDs.enumerated().map { index, id in
            let options = DevContainerKeyValue.list(devContainer.features[id] ?? [:])
            return DevContainerFeature(id: id, options: options, hasOptions: !options.isEmpty, last: index == featureIDs.count - 1)
        }
        hasFeatures = !features.isEmpty
        extensions = ListItem.list(devContainer.extensions.sorted())
        hasExtensions = !extensions.isEmpty
        postCreateCommand = devContainer.postCreateCommand ?? ""
        hasPostCreateCommand = devContainer.postCreateCommand != nil
        environment = DevContainerKeyValue.list(devContainer.environment)
        hasEnvironment = !environment.isEmpty
        remoteEnvironment = DevContainerKeyValue.list(devContainer.remoteEnvironment)
        hasRemoteEnvironment = !remoteEnvironment.isEmpty
        remoteUser = devContainer.remoteUser.map { [$0] } ?? []
        settings = JSONNode.members(devContainer.settings)
        hasSettings = !settings.isEmpty
        let ports = devContainer.forwardPorts.sorted()
        forwardPorts = ports.enumerated().map { DevContainerPort(port: $0.element, last: $0.offset == ports.count - 1) }
        hasForwardPorts = !forwardPorts.isEmpty
    }
}

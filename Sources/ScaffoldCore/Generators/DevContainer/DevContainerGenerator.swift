/// `.devcontainer/devcontainer.json`: a VS Code / Codespaces dev container mirroring the runtime of
/// one app, with the blueprint's features, extensions, post-create command, environment and the
/// development host ports forwarded. No file when the blueprint declares no `devContainer`.
public struct DevContainerGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "devcontainer" }

    /// A generator.
    public init() {}

    /// The dev container file, or nothing.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        guard let devContainer = project.devContainer else { return [] }
        let context = DevContainerContext(project: project.name, devContainer: devContainer)
        return [
            try RenderRequest(template: "devcontainer/devcontainer.json", path: ".devcontainer/devcontainer.json", context: context),
        ]
    }
}

/// The built-in artifact families, in the order their files are planned.
public enum Generators {
    /// The families whose files the deploy guide documents.
    public static let families: [any ArtifactGenerator] = [
        ContainersGenerator(),
        ComposeGenerator(),
        ScriptsGenerator(),
        TerraformGenerator(),
        KubernetesGenerator(),
        HelmGenerator(),
        DevContainerGenerator(),
        GitHubActionsGenerator(),
    ]

    /// Every built-in generator: the families, the starter sources, the deploy guide and scaffold's
    /// own state files.
    public static let all: [any ArtifactGenerator] = families + [
        StartersGenerator(),
        DocsGenerator(documenting: families),
        ScaffoldStateGenerator(),
    ]
}

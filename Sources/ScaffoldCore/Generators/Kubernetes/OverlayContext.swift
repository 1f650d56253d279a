/// The render context of one environment's overlay files (kustomization and Namespace).
public struct OverlayContext: Encodable, Hashable, Sendable {
    /// The project name.
    public var project: String
    /// The Secret every secret key is read from.
    public var secretName: String
    /// The environment.
    public var environment: KubernetesEnvironmentPlan
    /// The built images the overlay tags (the environment's running built services).
    public var images: [WorkloadInstanceContext]
    /// True when `images` is not empty.
    public var hasImages: Bool
}

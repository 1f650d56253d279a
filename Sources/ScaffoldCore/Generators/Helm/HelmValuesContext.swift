/// The render context of `values-<environment>.yaml`.
public struct HelmValuesContext: Encodable, Hashable, Sendable {
    /// The chart's name.
    public var project: String
    /// The environment.
    public var environment: KubernetesEnvironmentPlan
    /// Every service of the chart, enabled or not here.
    public var services: [HelmServiceValues]
}

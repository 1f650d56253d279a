/// The render context of the chart-wide files: Chart.yaml, values.yaml, the schema, helpers,
/// NOTES.txt and the test hook.
public struct ChartContext: Encodable, Hashable, Sendable {
    /// The chart's name: the project name.
    public var project: String
    /// The chart's description.
    public var summary: String
    /// The chart version.
    public var version: String
    /// The application version, the default image tag of built services.
    public var appVersion: String
    /// The Secret every secret key is read from.
    public var secretName: String
    /// The in-cluster services, each with its defaults.
    public var services: [HelmServiceValues]
    /// The environments that have a `values-<environment>.yaml`.
    public var environments: [KubernetesEnvironmentPlan]
    /// The service `helm test` connects to (zero or one).
    public var testTarget: [HelmTestTarget]
}

/// CPU autoscaling bounds of a service in one environment.
public struct TerraformAutoscaleValues: Encodable, Hashable, Sendable {
    /// The fewest replicas.
    public var min: Int
    /// The most replicas.
    public var max: Int
    /// The target average CPU utilisation, in percent.
    public var cpuPercent: Int
}

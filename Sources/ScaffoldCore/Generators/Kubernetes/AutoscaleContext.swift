/// A HorizontalPodAutoscaler on CPU utilisation.
public struct AutoscaleContext: Encodable, Hashable, Sendable {
    /// The fewest replicas.
    public var min: Int
    /// The most replicas.
    public var max: Int
    /// Target average CPU utilisation in percent.
    public var cpuPercent: Int
}

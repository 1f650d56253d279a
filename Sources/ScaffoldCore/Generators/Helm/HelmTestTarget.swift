/// What the chart's `helm test` hook checks: that one service answers in the cluster.
public struct HelmTestTarget: Encodable, Hashable, Sendable {
    /// The service.
    public var name: String
    /// Its port.
    public var port: Int
    /// The HTTP path to fetch, when it has an HTTP readiness endpoint (zero or one).
    public var httpPath: [String]
    /// True when only a TCP connect is checked.
    public var tcpOnly: Bool
    /// The project name (the `instance` label).
    public var project: String
    /// The test image, pinned.
    public var image: String
}

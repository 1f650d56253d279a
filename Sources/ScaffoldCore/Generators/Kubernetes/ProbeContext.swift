/// One probe (startup, readiness or liveness), from the blueprint's health check.
public struct ProbeContext: Encodable, Hashable, Sendable {
    /// True for an HTTP GET probe.
    public var isHTTP: Bool
    /// True for a TCP connect probe.
    public var isTCP: Bool
    /// True for a command probe.
    public var isExec: Bool
    /// The HTTP path (empty unless `isHTTP`).
    public var path: String
    /// The port name probed (empty for command probes).
    public var port: String
    /// The command (empty unless `isExec`).
    public var command: [String]
    /// Seconds between probes.
    public var periodSeconds: Int
    /// Seconds before a probe times out.
    public var timeoutSeconds: Int
    /// Failures before the probe counts as failed.
    public var failureThreshold: Int
}

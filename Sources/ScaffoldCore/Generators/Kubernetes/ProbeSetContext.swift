/// The three probes of a container. Readiness uses `health.readyPath`, liveness `health.livePath`
/// (both default to `health.path`), so they differ whenever the blueprint names a ready endpoint.
public struct ProbeSetContext: Encodable, Hashable, Sendable {
    /// Holds traffic and liveness back while the service starts.
    public var startup: ProbeContext
    /// Decides whether the pod gets traffic.
    public var readiness: ProbeContext
    /// Restarts the container when it fails.
    public var liveness: ProbeContext
}

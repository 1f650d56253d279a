/// How a platform knows a service is alive and ready for traffic.
///
/// Kubernetes gets startup, readiness and liveness probes from it; compose and Dockerfiles get a
/// `HEALTHCHECK`; the clouds get their load balancer and probe settings.
public struct HealthCheck: Codable, Hashable, Sendable {
    /// The probe method.
    public enum Kind: String, Codable, Sendable { case http, tcp, command }

    /// The probe method.
    public var kind: Kind
    /// The liveness path of an HTTP check, for example `/health`.
    public var path: String?
    /// A separate readiness path, for example `/ready`. Readiness and liveness differ when set.
    public var readyPath: String?
    /// A separate liveness path, for example `/health/live`; defaults to `path`.
    public var livePath: String?
    /// The command of a command check, for example `["redis-cli", "ping"]`.
    public var command: [String]?
    /// Seconds between checks.
    public var interval: Int
    /// Seconds before a check times out.
    public var timeout: Int
    /// Failures before the service counts as unhealthy.
    public var retries: Int
    /// Seconds a slow start may take before failures count.
    public var startPeriod: Int

    /// An HTTP GET check on the service's port.
    public static func http(_ path: String, ready: String? = nil, live: String? = nil, interval: Int = 10, timeout: Int = 5, retries: Int = 3, startPeriod: Int = 10) -> HealthCheck {
        HealthCheck(kind: .http, path: path, readyPath: ready, livePath: live, command: nil, interval: interval, timeout: timeout, retries: retries, startPeriod: startPeriod)
    }

    /// A TCP connect check on the service's port.
    public static func tcp(interval: Int = 10, timeout: Int = 5, retries: Int = 3, startPeriod: Int = 10) -> HealthCheck {
        HealthCheck(kind: .tcp, path: nil, readyPath: nil, livePath: nil, command: nil, interval: interval, timeout: timeout, retries: retries, startPeriod: startPeriod)
    }

    /// A command run inside the container; exit 0 means healthy.
    public static func command(_ command: [String], interval: Int = 10, timeout: Int = 5, retries: Int = 5, startPeriod: Int = 10) -> HealthCheck {
        HealthCheck(kind: .command, path: nil, readyPath: nil, livePath: nil, command: command, interval: interval, timeout: timeout, retries: retries, startPeriod: startPeriod)
    }
}

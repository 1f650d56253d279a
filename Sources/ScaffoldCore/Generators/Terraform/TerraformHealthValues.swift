/// A service's health check as the tfvars files spell it: `{ kind = "http", path = "/health", ... }`.
public struct TerraformHealthValues: Encodable, Hashable, Sendable {
    /// `http`, `tcp` or `command`.
    public var kind: String
    /// The liveness path of an HTTP check; empty otherwise.
    public var path: String
    /// The readiness path (the liveness path when the blueprint names none); empty unless HTTP.
    public var readyPath: String
    /// The command of a command check; empty otherwise.
    public var command: [TerraformListItem]
    /// Seconds between checks.
    public var interval: Int
    /// Seconds before a check times out.
    public var timeout: Int
    /// Failures before the service counts as unhealthy.
    public var retries: Int
    /// Seconds a slow start may take.
    public var startPeriod: Int
}

import BlueprintDescription

/// A target's `monitoring:` as one environment's tfvars spell it.
public struct TerraformMonitoringValues: Encodable, Hashable, Sendable {
    /// Where alerts go.
    public var email: String
    /// The CPU and memory percentage above which a service alerts.
    public var utilizationPercent: Int
    /// Server errors in five minutes above which a public service alerts.
    public var serverErrors: Int

    /// The values of `monitoring`.
    init(_ monitoring: Monitoring) {
        email = monitoring.email
        utilizationPercent = monitoring.utilizationPercent
        serverErrors = monitoring.serverErrors
    }
}

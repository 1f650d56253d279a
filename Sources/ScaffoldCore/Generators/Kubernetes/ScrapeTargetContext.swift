/// One Prometheus scrape job: a service's in-cluster address and metrics path.
public struct ScrapeTargetContext: Encodable, Hashable, Sendable {
    /// The job name: the scraped service's name.
    public var name: String
    /// `host:port` inside the namespace.
    public var address: String
    /// The metrics path (`metricsPath ?? "/metrics"`).
    public var metricsPath: String
}

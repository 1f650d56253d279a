/// One Prometheus scrape job: a service's address and metrics path (compose network or cluster namespace).
public struct ScrapeTargetContext: Encodable, Hashable, Sendable {
    /// The job name: the scraped service's name.
    public var name: String
    /// `host:port` inside the namespace.
    public var address: String
    /// The metrics path (`metricsPath ?? "/metrics"`).
    public var metricsPath: String
}

extension ScrapeTargetContext {
    /// `prometheus`'s scrape jobs: each scraped service among `running` that has a port.
    public static func targets(of prometheus: ResolvedService, running: [ResolvedService]) -> [ScrapeTargetContext] {
        prometheus.scrapeTargets.compactMap { name in
            guard let target = running.first(where: { $0.name == name }), let port = target.port else { return nil }
            return ScrapeTargetContext(name: name, address: "\(name):\(port)", metricsPath: target.metricsPath ?? "/metrics")
        }
    }
}

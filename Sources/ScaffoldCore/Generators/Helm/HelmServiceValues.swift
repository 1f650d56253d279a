/// One service's entry under `services:` in a values file: its static shape (which keys exist)
/// and, in an environment's values file, what it is there.
public struct HelmServiceValues: Encodable, Hashable, Sendable {
    /// The service name, the key under `services:`.
    public var name: String
    /// Whether it runs in the cluster (in `values.yaml`: true).
    public var enabled: Bool
    /// The environment-independent settings.
    public var workload: WorkloadContext
    /// The service in this environment (zero or one; empty in `values.yaml` and where disabled).
    public var instance: [WorkloadInstanceContext]
    /// True when it has an `ingress:` key (the blueprint makes it public).
    public var declaresIngress: Bool
    /// True when it has `image:` keys (an image scaffold builds).
    public var declaresImage: Bool
    /// True when it has `autoscaling:` keys (a Deployment).
    public var declaresAutoscaling: Bool
    /// True when it has `scrapeTargets:` (Prometheus).
    public var declaresScrapeTargets: Bool
    /// True when it has `routes:` (an nginx or Traefik proxy).
    public var declaresRoutes: Bool
    /// True when it has `prometheusURL:` (Grafana).
    public var declaresPrometheusURL: Bool
    /// True for the last service, so JSON lists close without a trailing comma.
    public var last: Bool
}

/// A generated ConfigMap mounted read-only as a directory holding one file: Prometheus's scrape
/// configuration, the nginx or Traefik routes, Grafana's data source.
public struct ConfigFileContext: Encodable, Hashable, Sendable {
    /// The volume name.
    public var volume: String
    /// The directory it is mounted at.
    public var path: String
    /// The ConfigMap's name.
    public var configMap: String
    /// The file name inside the directory (the ConfigMap's key), for example `default.conf`.
    public var file: String
    /// The template spelling the ConfigMap, without family folder: `prometheus-config`,
    /// `nginx-config`, `traefik-config` or `grafana-config` (also the overlay's file name).
    public var template: String
}

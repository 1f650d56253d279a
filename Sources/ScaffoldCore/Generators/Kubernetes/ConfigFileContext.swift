/// A ConfigMap mounted as a directory of files (Prometheus's generated scrape configuration).
public struct ConfigFileContext: Encodable, Hashable, Sendable {
    /// The volume name.
    public var name: String
    /// The directory it is mounted at.
    public var path: String
    /// The ConfigMap's name.
    public var configMap: String
}

/// One proxy route (nginx or Traefik): a path prefix sent to a service's in-cluster address.
public struct RouteContext: Encodable, Hashable, Sendable {
    /// A name unique within the proxy: the upstream service, suffixed with a number when two
    /// prefixes go to the same service (Traefik's router and service key).
    public var name: String
    /// The path prefix, for example `/api/`.
    public var prefix: String
    /// The upstream's `service:port` inside the namespace.
    public var address: String
}

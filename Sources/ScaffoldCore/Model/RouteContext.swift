/// One proxy route (nginx or Traefik): a path prefix sent to a service's address on the compose
/// network or in the cluster namespace. Compose and Kubernetes render the same routes.
public struct RouteContext: Encodable, Hashable, Sendable {
    /// A name unique within the proxy: the upstream service, suffixed with a number when two
    /// prefixes go to the same service (Traefik's router and service key).
    public var name: String
    /// The path prefix, for example `/api/`.
    public var prefix: String
    /// The upstream's `service:port` inside the namespace.
    public var address: String
}

extension RouteContext {
    /// `proxy`'s routes to the `reachable` services that have a port, each named uniquely within
    /// the proxy; a route to a service that isn't reachable is left out (a proxy would fail to start).
    public static func routes(of proxy: ResolvedService, reachable: [ResolvedService]) -> [RouteContext] {
        let kept = proxy.routes.filter { route in reachable.contains { $0.name == route.service && $0.port != nil } }
        return kept.map { route in
            let port = reachable.first { $0.name == route.service }?.port ?? 0
            let same = kept.filter { $0.service == route.service }
            let name = same.count == 1 ? route.service : "\(route.service)-\((same.firstIndex(of: route) ?? 0) + 1)"
            return RouteContext(name: name, prefix: route.prefix, address: "\(route.service):\(port)")
        }
    }
}

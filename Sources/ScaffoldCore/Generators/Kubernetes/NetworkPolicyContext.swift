/// What a service's NetworkPolicy lets through in one environment: only declared dependencies.
public struct NetworkPolicyContext: Encodable, Hashable, Sendable {
    /// Services whose pods may connect in: those that depend on it or scrape it.
    public var from: [PeerContext]
    /// True when `from` is not empty.
    public var hasFrom: Bool
    /// The namespace of the ingress controller allowed in, when the service is public (zero or one).
    public var ingressController: [String]
    /// The service's ports, the only ones its dependents reach: the primary one, then the named ones.
    public var port: [PortContext]
    /// The primary port alone (zero or one): the only one the ingress controller reaches.
    public var ingressPort: [PortContext] = []
    /// In-cluster services it may connect to: its dependencies and scrape targets.
    public var to: [PeerContext]
    /// Ports it may reach outside the cluster: cloud-managed dependencies here.
    public var external: [Int]
    /// Destinations outside the cluster the blueprint declares (`egress:`).
    public var egress: [EgressRuleContext]
    /// True when any ingress rule exists (`from` or an ingress controller).
    public var hasIngress: Bool
    /// True when `external` is not empty.
    public var hasExternal: Bool
}

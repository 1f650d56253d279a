/// Another service's pods, as a NetworkPolicy peer, with the port the traffic goes to.
public struct PeerContext: Encodable, Hashable, Sendable {
    /// The peer service's name (its `app.kubernetes.io/name` label).
    public var name: String
    /// The project name (its `app.kubernetes.io/instance` label).
    public var instance: String
    /// The destination port.
    public var port: Int
    /// The peer's named ports besides `port` (egress to a dependency reaches all of them).
    public var extraPorts: [PortContext] = []
    /// True when `extraPorts` is not empty.
    public var hasExtraPorts: Bool = false
}

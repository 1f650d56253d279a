/// The one port a service listens on.
public struct PortContext: Encodable, Hashable, Sendable {
    /// The port's name (an IANA service name: at most 15 characters), used by probes and Services.
    public var name: String
    /// The container port number.
    public var number: Int
    /// `TCP` or `UDP`.
    public var `protocol`: String = "TCP"
}

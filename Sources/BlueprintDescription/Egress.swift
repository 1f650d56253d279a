/// Traffic a service sends outside the project: a public API, a mail relay, a partner network.
///
/// Kubernetes NetworkPolicies otherwise let a pod reach only its declared dependencies and DNS, so
/// a readiness check that calls an external API never turns ready. Declare each destination:
///
/// ```swift
/// egress: [.https("api.openai.com"), .host("smtp.example.com", port: 587), .network("10.20.0.0/16", port: 5432)]
/// ```
public struct Egress: Codable, Hashable, Sendable {
    /// The transport protocol.
    public enum Transport: String, Codable, Sendable { case tcp, udp }

    /// The destination's DNS name, when it is known by name. NetworkPolicies match addresses, not
    /// names, so a named destination is allowed to any public address on its port.
    public var host: String?
    /// The destination network in CIDR notation (`203.0.113.0/24`), when it is known by address.
    public var network: String?
    /// The destination port.
    public var port: Int
    /// TCP or UDP.
    public var transport: Transport

    /// HTTPS (TCP 443) to `host`, for example `.https("api.openai.com")`.
    public static func https(_ host: String) -> Egress {
        Egress(host: host, network: nil, port: 443, transport: .tcp)
    }

    /// `port` on `host`, for example `.host("smtp.example.com", port: 587)`.
    public static func host(_ host: String, port: Int, transport: Transport = .tcp) -> Egress {
        Egress(host: host, network: nil, port: port, transport: transport)
    }

    /// `port` on the addresses of `cidr`, for example `.network("10.20.0.0/16", port: 5432)`.
    public static func network(_ cidr: String, port: Int, transport: Transport = .tcp) -> Egress {
        Egress(host: nil, network: cidr, port: port, transport: transport)
    }
}

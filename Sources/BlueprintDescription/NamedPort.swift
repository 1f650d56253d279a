/// A port a service listens on besides `port:`: a gRPC endpoint, a metrics port, a UDP listener.
///
/// Each has a name (what Kubernetes Services and probes call it), a transport, and per environment
/// whether it is `.internal` (other services reach it by name; nothing is published), published on
/// the host's `.loopback` interface only, or `.public` on every interface. By default
/// development-mode environments publish it on loopback and production-mode ones keep it internal.
///
/// ```swift
/// ports: [.tcp("grpc", 9000), .tcp("metrics", 9100, exposure: .internal), .udp("syslog", 5514, hostPort: 1514)]
/// ```
public struct NamedPort: Codable, Hashable, Sendable {
    /// TCP or UDP.
    public enum Transport: String, Codable, Sendable {
        /// TCP.
        case tcp
        /// UDP.
        case udp
    }

    /// Who reaches the port from outside the project's network.
    public enum Exposure: String, Codable, Sendable {
        /// Only the project's other services, by name.
        case `internal`
        /// The host itself, on 127.0.0.1 (compose); nothing outside the machine.
        case loopback
        /// Everyone who reaches the host (compose) or the platform's public edge.
        case `public`
    }

    /// The port's name: lowercase letters, digits and `-`, at most 15 characters (an IANA service
    /// name, as Kubernetes requires).
    public var name: String
    /// The container port.
    public var number: Int
    /// TCP or UDP.
    public var transport: Transport
    /// The host port it is published on where it is published; `nil` is `number`.
    public var hostPort: Int?
    /// Its exposure in every environment `per` doesn't name; `nil` is loopback in
    /// development-mode environments and internal in production-mode ones.
    public var exposure: Exposure?
    /// Its exposure per environment name.
    public var per: [String: Exposure]

    /// A TCP port called `name` on `number`.
    public static func tcp(_ name: String, _ number: Int, hostPort: Int? = nil, exposure: Exposure? = nil, per: [Environment: Exposure] = [:]) -> NamedPort {
        NamedPort(name: name, number: number, transport: .tcp, hostPort: hostPort, exposure: exposure, per: per.byName)
    }

    /// A UDP port called `name` on `number`.
    public static func udp(_ name: String, _ number: Int, hostPort: Int? = nil, exposure: Exposure? = nil, per: [Environment: Exposure] = [:]) -> NamedPort {
        NamedPort(name: name, number: number, transport: .udp, hostPort: hostPort, exposure: exposure, per: per.byName)
    }

    /// Its exposure in the environment called `environment`, whose mode is `mode`.
    public func exposure(in environment: String, mode: Environment.Mode) -> Exposure {
        per[environment] ?? exposure ?? (mode == .development ? .loopback : .internal)
    }
}

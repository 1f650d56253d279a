/// A public HTTPS entry point for one service in one environment.
public struct IngressContext: Encodable, Hashable, Sendable {
    /// The host name here (`ServiceInstance.host`).
    public var host: String
    /// The path prefix.
    public var path: String
    /// The ingress class (`Target.ingressClass`).
    public var className: String
    /// The TLS Secret the certificate lives in (for example issued by cert-manager).
    public var tlsSecret: String
    /// The Service port name the ingress routes to.
    public var port: String
}

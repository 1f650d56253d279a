/// How a public service is reached in one environment.
public struct TerraformPublicValues: Encodable, Hashable, Sendable {
    /// The host name, for example `staging.api.example.com`.
    public var host: String
    /// The path prefix routed to the service, for example `/`.
    public var path: String
    /// The path pattern a load balancer matches, for example `/*` or `/api/*`.
    public var pathPattern: String
}

/// A backing service the cloud runs for the project in one environment: a managed database
/// (RDS, Cloud SQL, Azure Database flexible server) or cache (ElastiCache, Memorystore, Azure
/// Cache for Redis). Dependents read its connection URL from the secret `<name>-url`.
public struct TerraformManagedValues: Encodable, Hashable, Sendable {
    /// The service name, the key in `databases` or `caches`.
    public var name: String
    /// `postgres`, `mysql` or `redis`.
    public var engine: String
    /// The database the application uses (databases only; empty for caches).
    public var database: String
    /// The application's user name (databases only; empty for caches).
    public var username: String
    /// The port.
    public var port: Int
    /// The AWS engine version (`16`, `8.4`, `7.1`).
    public var awsVersion: String
    /// The RDS instance class or ElastiCache node type.
    public var awsSize: String
    /// The Cloud SQL database version or Memorystore Redis version.
    public var gcpVersion: String
    /// The Cloud SQL tier, or the Memorystore size in GiB as text.
    public var gcpSize: String
    /// The Azure server or cache version.
    public var azureVersion: String
    /// The Azure SKU name.
    public var azureSize: String
    /// The key of the secret holding the connection URL, for example `postgres-url`.
    public var secretKey: String
}

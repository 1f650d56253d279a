/// The render context of one cloud's `.tf` files. They only iterate over the maps in the
/// tfvars files; this context says which optional parts exist at all (a load balancer when a
/// service is public somewhere, a database file when a database is managed somewhere) and
/// carries the security options.
public struct TerraformStackContext: Encodable, Hashable, Sendable {
    /// The cloud.
    public var cloud: TerraformCloud
    /// The project name.
    public var project: String
    /// The environments this cloud deploys, in promotion order.
    public var environments: [TerraformListItem]
    /// True when some environment runs a built service (registry repositories exist).
    public var hasBuilt: Bool
    /// True when some service is public in some environment here.
    public var hasPublic: Bool
    /// True when some environment has a managed database.
    public var hasDatabases: Bool
    /// True when some environment has a managed PostgreSQL.
    public var hasPostgres: Bool
    /// True when some environment has a managed MySQL.
    public var hasMySQL: Bool
    /// True when some environment has a managed cache.
    public var hasCaches: Bool
    /// True when some environment has any managed backing service.
    public var hasManaged: Bool
    /// Security options.
    public var security: TerraformSecurityValues
    /// The GitHub variable the deploy reads the AWS certificate from, named in messages.
    public var certificateInput: String
}

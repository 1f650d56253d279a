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
    /// True when some environment has a queue (`queue.tf`, and on Google Cloud the Cloud Tasks API).
    public var hasQueues: Bool
    /// True when an environment runs a cron task (Google Cloud: the Cloud Scheduler API).
    public var hasCron: Bool = false
    /// True when an environment has a file system (`efs.tf` on AWS, `volumes.tf` elsewhere).
    public var hasFileSystems: Bool = false
    /// True when a Cloud Run service mounts a project file (`files.tf`).
    public var hasFiles: Bool = false
    /// True when some target of this cloud has `monitoring:` (`monitoring.tf`).
    public var hasMonitoring: Bool
    /// True when some environment has any managed backing service.
    public var hasManaged: Bool
    /// True when some service reads another's URL (`.url(of:)`) in some environment here.
    public var hasServiceURLs: Bool
    /// Cloud Run: the service resources, callees (`service`) before callers (`caller`).
    public var runBlocks: [TerraformRunBlock]
    /// Cloud Run: the services with a port that read another's URL in some environment, sorted;
    /// `moved` blocks carry their state over from `service` to `caller`.
    public var callerNames: [TerraformListItem]
    /// Security options.
    public var security: TerraformSecurityValues
    /// The GitHub variable the deploy reads the AWS certificate from, named in messages.
    public var certificateInput: String
}

/// One `google_cloud_run_v2_service` resource block of run.tf. Services that read another's URL
/// are a second block, created after the services whose `uri` they read (a resource can't read
/// its own instances).
public struct TerraformRunBlock: Encodable, Hashable, Sendable {
    /// True for the callers' block, which writes the `.url(of:)` variables.
    public var readsURLs: Bool
}

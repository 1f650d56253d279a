/// The render context of one environment's `environments/<env>.tfvars` and
/// `environments/<env>.backend.hcl`: every value that may differ between environments.
public struct TerraformEnvironmentContext: Encodable, Hashable, Sendable {
    /// The project name.
    public var project: String
    /// The environment name.
    public var environment: String
    /// The AWS region, GCP region or Azure location of the target that deploys it.
    public var region: String
    /// The GCP project id (GCP only; empty elsewhere).
    public var gcpProject: String
    /// True for production-grade settings: deletion protection, high availability.
    public var production: Bool
    /// Days of automated backups of managed backing services.
    public var backupDays: Int
    /// The two availability zones (AWS) or zones the network spans, for example `eu-west-1a`.
    public var zones: [TerraformListItem]
    /// Days CloudWatch / Log Analytics keep logs.
    public var logRetentionDays: Int
    /// The CIDR block of the environment's network.
    public var networkCIDR: String
    /// Services running as containers here, in declaration order.
    public var services: [TerraformServiceValues]
    /// True when `services` has entries.
    public var hasServices: Bool
    /// True when a service is public here (AWS: the load balancer exists and needs a certificate).
    public var hasPublic: Bool
    /// Managed databases here.
    public var databases: [TerraformManagedValues]
    /// True when `databases` has entries.
    public var hasDatabases: Bool
    /// Managed caches here.
    public var caches: [TerraformManagedValues]
    /// True when `caches` has entries.
    public var hasCaches: Bool
    /// Queues the cloud provisions here.
    public var queues: [TerraformQueueValues]
    /// True when `queues` has entries.
    public var hasQueues: Bool
    /// Azure: the storage account holding the environment's queues.
    public var queueAccount: String
    /// Azure: the storage account holding the environment's file shares (`.shared` volumes).
    public var filesAccount: String = ""
    /// The target's alerts here (zero or one).
    public var monitoring: [TerraformMonitoringValues]
    /// True when some environment of this cloud has alerts, so every environment sets `monitoring`.
    public var stackHasMonitoring: Bool
    /// True when some environment of this cloud has a managed backing service, so the network
    /// and high-availability variables exist and every environment sets them.
    public var stackHasManaged: Bool
    /// Fargate: tasks always on FARGATE.
    public var capacityBase: Int
    /// Fargate: FARGATE's weight beyond the base.
    public var fargateWeight: Int
    /// Fargate: FARGATE_SPOT's weight beyond the base.
    public var spotWeight: Int
    /// The security options of the stack (the certificate is written here on AWS).
    public var security: TerraformSecurityValues
    /// The remote-state bucket (S3 / GCS) or storage account (Azure).
    public var stateBucket: String
    /// The state object key (S3, Azure) or prefix (GCS).
    public var stateKey: String
    /// Azure: the resource group holding the state storage account.
    public var stateResourceGroup: String
    /// The file systems of the environment (its `.shared` and `serverless: .fileSystem`
    /// volumes), by name: EFS, Cloud Storage buckets or Azure Files shares.
    public var fileSystems: [TerraformFileSystem] = []
    /// True when `fileSystems` is not empty.
    public var hasFileSystems: Bool = false
    /// True when some environment of the stack has one (`efs.tf`, `volumes.tf`).
    public var stackHasFileSystems: Bool = false
    /// Cloud Run: the project files its services mount (`.file`), by Secret Manager name.
    public var files: [TerraformFileSource] = []
    /// True when some environment of the stack mounts files (`files.tf`).
    public var stackHasFiles: Bool = false
}

/// A project file Cloud Run mounts: `"config-app-toml" = "config/app.toml"`, the Secret Manager
/// name of the secret holding it and its path in the repository.
public struct TerraformFileSource: Encodable, Hashable, Sendable {
    /// The Secret Manager name (`Volume.cloudFileName`).
    public var name: String
    /// The project-relative path Terraform reads it from.
    public var source: String
    /// Whether it is the list's last element.
    public var last: Bool
}

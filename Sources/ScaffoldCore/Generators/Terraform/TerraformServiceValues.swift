/// One service that runs as a container in one environment, with every value that may differ
/// between environments. The tfvars templates write it into the `services` map; the `.tf`
/// files only iterate over that map.
public struct TerraformServiceValues: Encodable, Hashable, Sendable {
    /// The service name, the key in `services`.
    public var name: String
    /// True when scaffold builds the image: it gets a registry repository and `var.image_tag`.
    public var built: Bool
    /// The pinned image of a prebuilt service; empty for built ones.
    public var image: String
    /// Named ports besides `port` (AWS: port mappings and security group rules).
    public var morePorts: [TerraformPortValues] = []
    /// True when `morePorts` is not empty.
    public var hasMorePorts: Bool = false
    /// For a process of another service's built image: that service, whose image it runs.
    public var imageOf: String = ""
    /// True when `imageOf` names one.
    public var hasImageOf: Bool = false
    /// How it runs: `service` (until stopped), `job` (once per deploy, before the services) or
    /// `cron` (on `schedule`).
    public var run: String = "service"
    /// True for a service that runs until stopped: it gets an ECS service, a Cloud Run service or
    /// worker pool, a Container App; jobs and cron tasks get a task definition or job instead.
    public var isService: Bool = true
    /// True for a cron task.
    public var isCron: Bool = false
    /// The schedule of a cron task as EventBridge Scheduler reads it: `cron(30 2 * * ? *)`.
    public var awsSchedule: String = ""
    /// The five-field schedule of a cron task, as Cloud Scheduler and Container Apps read it.
    public var schedule: String = ""
    /// `processSettings` entrypoint: ECS entryPoint, the Cloud Run and Container Apps container command.
    public var entrypoint: [TerraformListItem] = []
    /// True when `entrypoint` overrides the image's.
    public var hasEntrypoint: Bool = false
    /// `processSettings` user, as ECS reads it (`"1000"`); empty for the image's own.
    public var user: String = ""
    /// True when `user` is set.
    public var hasUser: Bool = false
    /// `processSettings` openFiles: the ECS nofile ulimit (soft and hard); 0 for the default.
    public var openFiles: Int = 0
    /// True when `openFiles` is set.
    public var hasOpenFiles: Bool = false
    /// The volumes on the cloud's file storage (`.shared`, `serverless: .fileSystem`) it mounts:
    /// EFS file systems on ECS, Cloud Storage buckets on Cloud Run, Azure Files shares on
    /// Container Apps.
    public var fileSystemMounts: [TerraformFileSystemMount] = []
    /// True when `fileSystemMounts` is not empty.
    public var hasFileSystemMounts: Bool = false
    /// Cloud Run: the project files it mounts (`.file`), each over its folder.
    public var files: [TerraformFileMount] = []
    /// True when `files` is not empty.
    public var hasFiles: Bool = false
    /// How long an attempt of a job or cron task may run before Cloud Run or Container Apps
    /// stops it (`timeout:`, an hour by default).
    public var taskTimeoutSeconds: Int = 3600
    /// How often Cloud Run or Container Apps runs a failed attempt again (`retries:`).
    public var taskRetries: Int = 0
    /// True when the service listens on a port.
    public var hasPort: Bool
    /// The container port (0 when none).
    public var port: Int
    /// Fargate CPU units.
    public var fargateCPU: Int
    /// Fargate memory in MiB.
    public var fargateMemory: Int
    /// Cloud Run CPU, for example `"1"`.
    public var cloudRunCPU: String
    /// Cloud Run memory, for example `"512Mi"`.
    public var cloudRunMemory: String
    /// Container Apps CPU cores as a decimal literal, for example `0.5` (written raw).
    public var containerAppsCPU: String
    /// Container Apps memory, for example `"1Gi"`.
    public var containerAppsMemory: String
    /// Replicas when not autoscaled; the minimum when autoscaled.
    public var replicas: Int
    /// True when CPU autoscaling is on here.
    public var hasAutoscale: Bool
    /// The autoscaling bounds, when on.
    public var autoscale: TerraformAutoscaleValues?
    /// True when the service is public here.
    public var isPublic: Bool
    /// Host and path, when public.
    public var ingress: TerraformPublicValues?
    /// True when the blueprint (or preset) gives a health check.
    public var hasHealth: Bool
    /// The health check, when given.
    public var health: TerraformHealthValues?
    /// True when the start command overrides the image's.
    public var hasCommand: Bool
    /// The start command override.
    public var command: [TerraformListItem]
    /// Paths kept writable on a read-only root filesystem.
    public var writablePaths: [TerraformListItem]
    /// True when `environment` has entries.
    public var hasEnvironment: Bool
    /// Plain variables, sorted by name, without the `.url(of:)` ones (Cloud Run and Container
    /// Apps write those from `serviceURLs`).
    public var environment: [TerraformKeyValue]
    /// Every plain variable, `.url(of:)` ones at their Service Connect address
    /// (`http://<service>:<port><path>`), for ECS.
    public var connectEnvironment: TerraformEnvironmentMap
    /// True when `serviceURLs` has entries.
    public var hasServiceURLs: Bool
    /// The `.url(of:)` variables: name → called service and path, sorted by name.
    public var serviceURLs: [TerraformServiceURL]
    /// True when `secrets` has entries.
    public var hasSecrets: Bool
    /// Secret-backed variables: variable name → secret-store key (never a value), sorted by name.
    public var secrets: [TerraformKeyValue]
}

/// A map of plain variables as the `terraform/_environment` partial writes it.
public struct TerraformEnvironmentMap: Encodable, Hashable, Sendable {
    /// True when `environment` has entries.
    public var hasEnvironment: Bool
    /// The variables, sorted by name.
    public var environment: [TerraformKeyValue]
}

/// One `.url(of:)` variable in a tfvars `service_urls` map: `"NAME" = { service = "api", path = "/v1" }`.
public struct TerraformServiceURL: Encodable, Hashable, Sendable {
    /// The variable name.
    public var key: String
    /// The called service.
    public var service: String
    /// The path after its address.
    public var path: String
    /// True for the final entry.
    public var last: Bool
}

/// A named port in the tfvars: `{ name = "grpc", port = 9000, protocol = "tcp" }`.
public struct TerraformPortValues: Encodable, Hashable, Sendable {
    /// The port's name.
    public var name: String
    /// The container port.
    public var number: Int
    /// `tcp` or `udp`.
    public var transport: String
    /// Whether it is the list's last element.
    public var last: Bool
}

/// A volume on an EFS file system, mounted by a service: `{ name = "uploads", path = "/srv/uploads" }`.
public struct TerraformFileSystemMount: Encodable, Hashable, Sendable {
    /// The volume name, the key in `file_systems`.
    public var name: String
    /// The container path.
    public var path: String
    /// Cloud Run: the user and group Cloud Storage FUSE presents its files as, the mounting
    /// service's own (images scaffold builds run as 10001 and up; prebuilt ones as 1000).
    public var uid: Int = 1000
    /// Whether it is the list's last element.
    public var last: Bool
}

/// A project file one Cloud Run service mounts: `{ secret = "config-app-toml", folder =
/// "/etc/app", name = "app.toml" }`.
public struct TerraformFileMount: Encodable, Hashable, Sendable {
    /// The Secret Manager name of the secret holding it (a key of `files`).
    public var secret: String
    /// The folder the secret volume is mounted over.
    public var folder: String
    /// The file's name in that folder.
    public var name: String
    /// Whether it is the list's last element.
    public var last: Bool
}

/// A file system of one environment: on ECS an EFS file system, `uploads = { uid = 10001 }`, the
/// user its access point makes every mounting task act as; on Cloud Run a Cloud Storage bucket; on
/// Container Apps an Azure Files share of `quotaGiB`.
public struct TerraformFileSystem: Encodable, Hashable, Sendable {
    /// The volume name.
    public var name: String
    /// The POSIX user and group the access point enforces: the first mounting service's.
    public var uid: Int
    /// Azure: the file share's quota in GiB, the largest `size:` a service gives the volume.
    public var quotaGiB: Int = 10
    /// Whether it is the list's last element (Cloud Run's `file_systems` is a list).
    public var last: Bool = false
}

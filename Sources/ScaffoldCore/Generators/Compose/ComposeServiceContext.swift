import BlueprintDescription

/// One service block of a compose file (base or overlay). Optional parts are explicit flags so the
/// strict templates never meet a missing name.
struct ComposeServiceContext: Encodable {
    struct KeyValue: Encodable { var key: String; var value: String }
    /// A `depends_on` entry: `condition` is `service_healthy`, `service_started` or
    /// `service_completed_successfully`.
    struct Dependency: Encodable { var name: String; var condition: String }
    struct Health: Encodable {
        var test: [ListItem]
        var interval: String
        var timeout: String
        var retries: Int
        var startPeriod: String
    }
    struct Watch: Encodable { var action: String; var path: String; var target: String?; var hasTarget: Bool }

    var name: String
    /// Whether this block defines the service (base, or an overlay-only service) rather than patching it.
    var full: Bool
    var hasBuild: Bool
    var context: String
    var dockerfile: String
    var target: String
    var hasImage: Bool
    var image: String
    var hasCommand: Bool
    var command: [ListItem]
    var hasHealth: Bool
    var health: Health?
    /// A process of another service's image without a check of its own: the image's
    /// HEALTHCHECK (the web server's) is turned off.
    var healthDisabled: Bool = false
    /// A `.cron` task: in the `scheduled` profile, so `up` leaves it to the host's crontab.
    var scheduled: Bool = false
    /// `ProcessSettings`: the entrypoint (empty keeps the image's), user, `/dev/shm` size,
    /// open-files limit and GPU reservation, each empty or zero when not set.
    var entrypoint: [ListItem] = []
    var hasEntrypoint: Bool = false
    var user: String = ""
    var hasUser: Bool = false
    var shmSize: String = ""
    var hasShmSize: Bool = false
    var openFiles: Int = 0
    var hasOpenFiles: Bool = false
    var gpus: Int = 0
    /// `env_file`s, optional (`required: false`).
    var envFiles: [String] = []
    var hasEnvFiles: Bool = false
    var hasGPUs: Bool = false
    var environment: [KeyValue]
    var hasEnvironment: Bool
    var dependsOn: [Dependency]
    var hasDependsOn: Bool
    var volumes: [String]
    var hasVolumes: Bool
    var ports: [String]
    var hasPorts: Bool
    var watch: [Watch]
    var hasWatch: Bool
    /// Production hardening.
    var production: Bool
    var restart: Bool
    /// The production restart policy: `unless-stopped`, or `"no"` for jobs and scheduled tasks.
    var restartPolicy: String = "unless-stopped"
    var replicas: Int
    var cpuLimit: String
    var memoryLimit: String
    var cpuReservation: String
    var memoryReservation: String
    var readOnly: Bool
    var tmpfs: [String]
    var hasTmpfs: Bool
    var capAdd: [String]
    var hasCapAdd: Bool
    var hasResources: Bool
}

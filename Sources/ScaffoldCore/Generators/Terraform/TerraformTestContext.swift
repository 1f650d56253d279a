/// The render context of `deploy/terraform/aws/tests/plan.tftest.hcl`: what each environment must
/// plan and apply, taken from Blueprint.swift (not from the tfvars the configuration reads), and
/// the stand-ins for the values README.Deploy.md asks the user to set.
public struct TerraformTestContext: Encodable, Hashable, Sendable {
    /// The region the mocked ARNs name (the first environment's).
    public var region: String
    /// Terraform variables the deploy passes from GitHub, with stand-in values.
    public var variables: [TerraformKeyValue]
    /// True when `variables` has entries.
    public var hasVariables: Bool
    /// The GitHub variables they stand in for, for the comment (`AWS_CERTIFICATE_ARN`).
    public var inputNames: String
    /// The environments, in promotion order.
    public var environments: [Environment]
    /// True when an environment runs one-shot jobs: the test also plans a first deploy (services
    /// paused) and a held one (services at their previous image tag).
    public var hasJobs: Bool = false
    /// True when some environment serves a public host, so alb.tf (and `aws_lb.main`) exists.
    public var stackHasPublic: Bool = false

    /// One environment's expectations.
    public struct Environment: Encodable, Hashable, Sendable {
        /// The environment name.
        public var name: String
        /// The ECS services it runs, sorted as Terraform's `sort()` sorts them.
        public var serviceNames: [TerraformListItem]
        /// The same names joined for messages.
        public var serviceList: String
        /// Each service's expectations, in declaration order.
        public var services: [Service]
        /// True when a service is public here (the load balancer exists).
        public var hasPublic: Bool
        /// True when Blueprint.swift names the certificate (else the deploy passes it).
        public var hasCertificate: Bool
        /// The certificate Blueprint.swift names; empty when none.
        public var certificate: String
        /// The environment's EFS file systems.
        public var fileSystems: [FileSystem] = []
    }

    /// An EFS file system one environment keeps, and the user its access point acts as.
    public struct FileSystem: Encodable, Hashable, Sendable {
        public var environment: String
        public var name: String
        public var uid: Int
    }

    /// An EFS volume a service's task definition mounts.
    public struct Mount: Encodable, Hashable, Sendable {
        public var environment: String
        public var service: String
        public var name: String
        public var path: String
    }

    /// One ECS service's expectations in one environment.
    public struct Service: Encodable, Hashable, Sendable {
        /// The environment name.
        public var environment: String
        /// The service name.
        public var name: String
        /// True when autoscaled (an `aws_ecs_service.scaled` with an autoscaling target).
        public var scaled: Bool
        /// The fixed task count.
        public var replicas: Int
        /// The autoscaling minimum (also the starting count).
        public var min: Int
        /// The autoscaling maximum.
        public var max: Int
        /// True when public here.
        public var isPublic: Bool
        /// The public host, when public.
        public var host: String
        /// The container port (0 when none).
        public var port: Int
        /// True for a prebuilt image, which must run pinned.
        public var hasImage: Bool
        /// The pinned image of a prebuilt service.
        public var image: String
        /// True when the task sets plain variables.
        public var hasPlain: Bool
        /// Their names, sorted.
        public var variableNames: [TerraformListItem]
        /// True when the task reads secrets.
        public var hasSecrets: Bool
        /// The secret-backed variable names, sorted.
        public var secretNames: [TerraformListItem]
        /// Its `.url(of:)` variables, which ECS resolves through Service Connect.
        public var urls: [URL]
        /// True for a service that runs until stopped (an ECS service).
        public var isService: Bool = true
        /// True for a one-shot job: a task definition the deploy runs, no ECS service.
        public var isJob: Bool = false
        /// True for a cron task: a task definition EventBridge Scheduler runs.
        public var isCron: Bool = false
        /// A cron task's EventBridge schedule expression.
        public var schedule: String = ""
        /// `processSettings` the task definition carries: entrypoint, user, nofile ulimit.
        public var hasEntrypoint: Bool = false
        public var entrypoint: [TerraformListItem] = []
        public var hasUser: Bool = false
        public var user: String = ""
        public var hasOpenFiles: Bool = false
        public var openFiles: Int = 0
        /// The EFS volumes the task definition mounts.
        public var fileSystemMounts: [Mount] = []
    }

    /// One `.url(of:)` variable as the task must receive it.
    public struct URL: Encodable, Hashable, Sendable {
        /// The variable name.
        public var variable: String
        /// The called service.
        public var target: String
        /// `NAME=http://<service>:<port><path>`, as the assertion compares it.
        public var pair: String
    }
}

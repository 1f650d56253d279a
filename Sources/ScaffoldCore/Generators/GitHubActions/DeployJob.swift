import BlueprintDescription

/// One environment's deploy job in deploy.yml.
struct DeployJob: Encodable {
    /// The environment name (also the GitHub environment the job runs in).
    var name: String
    /// The job id (`deploy-<environment>`).
    var id: String
    /// The branch whose pushes deploy it, if any.
    var branch: String?
    /// Whether pushes deploy it automatically (it has a branch).
    var automatic: Bool
    /// `'refs/heads/<branch>'` as an expression literal (empty when not automatic).
    var refLiteral: String
    /// The environment name as an expression literal, compared with the `environment` input.
    var nameLiteral: String
    /// Whether a reviewer must approve each deploy (required reviewers on the GitHub environment).
    var approval: Bool
    /// The job this one waits for on a push (the previous environment from the same branch).
    var after: [String]
    /// Every job id in `needs:`.
    var needs: [String]
    /// Whether the project builds images.
    var hasImages: Bool
    /// Built services that run in this environment, whose images are deployed.
    var images: [ImageBuild]
    /// Whether `images` is non-empty.
    var deploysImages: Bool
    /// Whether a cloud target copies images from the blueprint's registry into its own.
    var copiesImages: Bool
    /// Whether some step authenticates through OIDC (`id-token: write`).
    var oidc: Bool
    /// Whether copying images reads GHCR with the job token (`packages: read`).
    var packagesRead: Bool
    /// Whether any target here is a cloud deployed with Terraform.
    var terraform: Bool
    /// AWS ECS Fargate.
    var aws: [CloudTarget]
    /// Google Cloud Run.
    var gcp: [CloudTarget]
    /// Azure Container Apps.
    var azure: [CloudTarget]
    /// Kubernetes clusters.
    var kubernetes: [ClusterTarget]
    /// The GitHub secrets holding webhook URLs the outcome is posted to.
    var notifySecrets: [String]
    /// The project name, for the notification text.
    var project: String
    /// The GitHub environment's variables and secrets the job needs, checked before it starts.
    var settings: [Setting]
    /// Whether `settings` has entries.
    var hasSettings: Bool

    /// One variable or secret of the GitHub environment, as the check step reads it.
    struct Setting: Encodable {
        /// Its name, also the step's environment variable (a variable's value; for a secret only
        /// whether it is set, as `<name>_IS_SET`).
        var name: String
        /// True for a secret, whose value the check never reads.
        var secret: Bool
    }

    /// The job deploying `environment`; `after` is the job id it follows on pushes, if any.
    init(_ environment: ResolvedEnvironment, in project: ResolvedProject, registry: RegistryLogin, after: String?) {
        name = environment.name
        id = JobID.deploy(environment.name)
        branch = environment.branch
        automatic = environment.branch != nil
        refLiteral = environment.branch.map { ExpressionLiteral.quote("refs/heads/\($0)") } ?? ""
        nameLiteral = ExpressionLiteral.quote(environment.name)
        approval = environment.requiresApproval
        self.after = after.map { [$0] } ?? []
        hasImages = !project.builtServices.isEmpty
        needs = (hasImages ? ["images"] : []) + ["resolve"] + self.after
        images = project.builtServices.compactMap { service in
            guard let build = service.build, let instance = service.instance(in: environment.name), !instance.managed else { return nil }
            return ImageBuild(service, build: build)
        }
        let targets = project.targets.filter { $0.environments.contains(environment.name) }
        let inputs = project.deployInputs(in: environment.name)
        settings = inputs.map { Setting(name: $0.name, secret: $0.store == .secret) }
        hasSettings = !settings.isEmpty
        aws = targets.filter { $0.platform == .ecsFargate }.map { CloudTarget($0, environment: environment.name, project: project, inputs: inputs) }
        gcp = targets.filter { $0.platform == .cloudRun }.map { CloudTarget($0, environment: environment.name, project: project) }
        azure = targets.filter { $0.platform == .containerApps }.map { CloudTarget($0, environment: environment.name, project: project) }
        kubernetes = targets.filter { $0.platform == .kubernetes }.map { ClusterTarget($0, environment: environment.name, project: project) }
        terraform = !(aws.isEmpty && gcp.isEmpty && azure.isEmpty)
        deploysImages = !images.isEmpty
        copiesImages = terraform && deploysImages
        oidc = terraform || kubernetes.contains { !$0.any }
        packagesRead = copiesImages && registry.ghcr
        notifySecrets = project.notify.map(\.secret)
        self.project = project.name
    }
}

/// The render context of `.github/workflows/deploy.yml`.
struct DeployWorkflow: Encodable {
    /// The project name.
    var project: String
    /// Branches whose pushes deploy, in environment order.
    var branches: [String]
    /// Whether any environment deploys automatically from a branch.
    var hasBranches: Bool
    /// The environments a manual run can deploy or roll back (the `environment` input's options).
    var environmentNames: [String]
    /// Whether the project builds images (deploys then build them first through images.yml).
    var hasImages: Bool
    /// How to log in to the blueprint's registry, to copy images into a cloud's own registry.
    var registry: RegistryLogin
    /// Registry logins run on every deploy (never in pull requests anyway).
    var pushOnly: Bool
    /// One job per environment with a target, in promotion order.
    var environments: [DeployJob]

    /// The deploy workflow of `project`; `environments` is empty when nothing is deployed.
    init(_ project: ResolvedProject) {
        self.project = project.name
        let deployed = project.environments.filter { !$0.platforms.isEmpty }
        branches = GitHubActionsGenerator.unique(deployed.compactMap(\.branch))
        hasBranches = !branches.isEmpty
        environmentNames = deployed.map(\.name)
        hasImages = !project.builtServices.isEmpty
        registry = RegistryLogin(registry: project.registry)
        pushOnly = false
        var jobs: [DeployJob] = []
        for environment in deployed {
            // Environments deployed from the same branch deploy in promotion order: production
            // from main waits for staging from main to succeed.
            let previous = jobs.last { $0.branch == environment.branch && environment.branch != nil }
            jobs.append(DeployJob(environment, in: project, registry: registry, after: previous?.id))
        }
        environments = jobs
    }
}

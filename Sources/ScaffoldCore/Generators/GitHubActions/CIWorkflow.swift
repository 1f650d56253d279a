/// The render context of `.github/workflows/ci.yml`.
struct CIWorkflow: Encodable {
    /// The project name.
    var project: String
    /// The main branch: every job runs on pushes to it, whatever changed.
    var mainBranch: String
    /// `mainBranch` as an expression literal, for `github.ref_name == …`.
    var mainBranchLiteral: String
    /// Branches whose pushes run CI: the main branch and every environment's deploy branch.
    var branches: [String]
    /// One job per built service with a test command, in declaration order.
    var jobs: [CIJob]

    /// The CI workflow of `project`.
    init(_ project: ResolvedProject) {
        self.project = project.name
        mainBranch = project.mainBranch
        mainBranchLiteral = ExpressionLiteral.quote(project.mainBranch)
        branches = GitHubActionsGenerator.unique([project.mainBranch] + project.environments.compactMap(\.branch))
        jobs = project.builtServices.compactMap { CIJob($0, project: project) }
    }
}

/// The project's GitHub Actions workflows:
///
/// - `ci.yml`: lint and test each service built from source with its runtime's own tools, only
///   when its folder changed (always on the main branch);
/// - `images.yml`: build every built service's image with Buildx, push it outside pull requests,
///   with provenance and SBOM attestations;
/// - `deploy.yml`: one job per environment that has a cloud or Kubernetes target, OIDC only,
///   Terraform then a rollout, with a manual rollback;
/// - `scaffold.yml`: the drift gate (`scaffold regen --check` plus a Markdown step summary).
public struct GitHubActionsGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "github-actions" }

    /// A generator.
    public init() {}

    /// The workflows `project` needs: CI when a built service has tools to run, images when it
    /// builds any, deploy when an environment has a target, and always the drift gate.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        var requests: [RenderRequest] = []
        let deploy = DeployWorkflow(project)
        let ci = CIWorkflow(project)
        if !ci.jobs.isEmpty {
            requests.append(try RenderRequest(template: "github/ci.yml", path: ".github/workflows/ci.yml", context: ci))
        }
        if !project.builtServices.isEmpty {
            let images = ImagesWorkflow(project, deployBranches: deploy.environments.isEmpty ? [] : deploy.branches)
            requests.append(try RenderRequest(template: "github/images.yml", path: ".github/workflows/images.yml", context: images))
        }
        if !deploy.environments.isEmpty {
            requests.append(try RenderRequest(template: "github/deploy.yml", path: ".github/workflows/deploy.yml", context: deploy))
        }
        requests.append(try RenderRequest(template: "github/scaffold.yml", path: ".github/workflows/scaffold.yml", context: DriftWorkflow(project)))
        return requests
    }

    /// `values` without repeats, in first-seen order.
    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

/// The render context of `.github/workflows/images.yml`.
struct ImagesWorkflow: Encodable {
    /// The project name.
    var project: String
    /// How to log in to the blueprint's registry.
    var registry: RegistryLogin
    /// Registry logins run only outside pull requests (nothing is pushed there).
    var pushOnly: Bool
    /// The matrix: every built service.
    var services: [ImageBuild]
    /// Branches whose pushes build and push images from this workflow. Branches deploy.yml
    /// deploys from are left out: deploy.yml calls this workflow itself before deploying.
    var pushBranches: [String]
    /// Whether `pushBranches` is non-empty.
    var hasPushBranches: Bool
    /// Whether deploy.yml calls this workflow (`workflow_call`).
    var called: Bool
    /// The platforms every image is built for, comma-separated (`linux/amd64,linux/arm64`).
    var platforms: String
    /// Architectures other than the runner's, emulated with QEMU (`arm64`), comma-separated; empty for none.
    var emulated: String
    /// Whether any architecture needs emulation.
    var needsEmulation: Bool

    /// The images workflow of `project`; `deployBranches` are the branches deploy.yml handles.
    init(_ project: ResolvedProject, deployBranches: [String]) {
        self.project = project.name
        registry = RegistryLogin(registry: project.registry)
        pushOnly = true
        services = ImageBuild.all(project)
        pushBranches = [project.mainBranch].filter { !deployBranches.contains($0) }
        hasPushBranches = !pushBranches.isEmpty
        called = !deployBranches.isEmpty
        let architectures = project.architectures.isEmpty ? [.amd64] : project.architectures
        platforms = architectures.map(\.platform).joined(separator: ",")
        emulated = architectures.filter { $0 != .amd64 }.map(\.rawValue).joined(separator: ",")
        needsEmulation = !emulated.isEmpty
    }
}

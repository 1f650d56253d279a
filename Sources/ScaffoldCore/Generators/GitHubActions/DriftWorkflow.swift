/// The render context of `.github/workflows/scaffold.yml`, the drift gate.
struct DriftWorkflow: Encodable {
    /// The project name.
    var project: String
    /// The main branch; pushes to it run the gate too.
    var mainBranch: String
    /// The scaffold repository (`owner/name`) used until the `SCAFFOLD_REPOSITORY` variable is set.
    var repositoryPlaceholder: String
    /// The scaffold tag used until the `SCAFFOLD_VERSION` variable is set: the release that rendered the file.
    var versionPlaceholder: String
    /// The Swift toolchain image scaffold is built and run in.
    var swiftImage: String
    /// `swiftImage` as a cache key part (no `:`).
    var swiftCacheKey: String

    /// The drift gate of `project`.
    init(_ project: ResolvedProject) {
        self.project = project.name
        mainBranch = project.mainBranch
        repositoryPlaceholder = "OWNER/scaffold"
        versionPlaceholder = ScaffoldRelease.tag
        swiftImage = "swift:6.3-noble"
        swiftCacheKey = swiftImage.replacingOccurrences(of: ":", with: "-")
    }
}

import BlueprintDescription

/// The static-site starter of one build context: a page under `src/`, a `build` script that copies
/// it into the blueprint's output folder for nginx, and a development server that serves `src/` as
/// it is on disk (with the health endpoints), so an edit shows on the next request. No dependencies.
struct StaticSiteStarter {
    var group: StarterGroup
    var project: ResolvedProject

    struct Context: Encodable {
        var projectName: String
        var description: String
        var engines: String
        var healthPaths: [ListItem]
        var port: Int
        var outputFolder: String
        var outputFolderLiteral: String
    }

    func plan() throws -> StarterPlan? {
        let service = group.first
        guard let build = service.build else { return nil }
        let name = group.projectName(in: project)
        let output = build.runtime.entry.hasPrefix("./") ? String(build.runtime.entry.dropFirst(2)) : build.runtime.entry
        let context = Context(
            projectName: name, description: "The \(name) starter site, written by scaffold.",
            engines: ">=\(build.runtime.version)",
            healthPaths: ListItem.list(group.healthPaths.isEmpty ? ["/healthz"] : group.healthPaths),
            port: service.port ?? 8080, outputFolder: output, outputFolderLiteral: "\"\(output)\"")
        var plan = StarterPlan(manifest: "package.json", files: [])
        try plan.add("starters/static/package.json", at: "package.json", context: context)
        try NodeStarter.addLockfile(build.runtime.tool, folder: "static", to: &plan, context: context)
        try plan.add("starters/static/index.html", at: "src/index.html", context: context)
        try plan.add("starters/static/build.mjs", at: "build.mjs", context: context)
        try plan.add("starters/static/dev-server.mjs", at: "dev-server.mjs", context: context)
        try plan.add("starters/static/build.test.mjs", at: "test/build.test.mjs", context: context)
        return plan
    }
}

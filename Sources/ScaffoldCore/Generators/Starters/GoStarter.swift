import BlueprintDescription

/// The Go starter of one build context: a module with a `net/http` server in the blueprint's main
/// package (`.` or `./cmd/NAME`), its test, and an empty `go.sum` (no dependencies, so it builds offline).
struct GoStarter {
    var group: StarterGroup
    var project: ResolvedProject

    struct Context: Encodable {
        var projectName: String
        var module: String
        var goVersion: String
        var healthPaths: [ListItem]
        var port: Int
        /// Arguments only the image's jobs and cron tasks pass: one round of work, then exit.
        var taskWords: [ListItem] = []
        /// True when `taskWords` is not empty.
        var hasTaskWords: Bool = false
    }

    func plan() throws -> StarterPlan? {
        let service = group.first
        guard let build = service.build else { return nil }
        let name = group.projectName(in: project)
        var folder = build.runtime.entry
        while folder.hasPrefix("./") { folder.removeFirst(2) }
        if folder == "." { folder = "" }
        let prefix = folder.isEmpty ? "" : folder + "/"
        var context = Context(
            projectName: name, module: name, goVersion: build.runtime.version,
            healthPaths: ListItem.list(group.healthPaths.isEmpty ? ["/health"] : group.healthPaths),
            port: service.port ?? 8080)
        context.taskWords = ListItem.list(group.taskWords)
        context.hasTaskWords = !group.taskWords.isEmpty
        var plan = StarterPlan(manifest: "go.mod", files: [])
        try plan.add("starters/go/go.mod", at: "go.mod", context: context)
        try plan.add("starters/go/go.sum", at: "go.sum", context: context)
        try plan.add("starters/go/main.go", at: prefix + "main.go", context: context)
        try plan.add("starters/go/main_test.go", at: prefix + "main_test.go", context: context)
        return plan
    }
}

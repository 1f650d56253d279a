import BlueprintDescription

/// The Node.js starter of one build context: an HTTP server on Node's own `http` module (or a worker,
/// for a service without a port), `package.json` with `dev`, `start`, `test` (and `build`, when the
/// entry is a build output such as `dist/server.js`) scripts, the package manager's lockfile and a test.
/// No dependencies, so it installs offline.
struct NodeStarter {
    var group: StarterGroup
    var project: ResolvedProject

    struct Context: Encodable {
        var projectName: String
        var description: String
        var engines: String
        var entry: String
        var hasBuild: Bool
        var devScript: String
        var startScript: String
        var healthPaths: [ListItem]
        var port: Int
        var requirePath: String
        var outputFolder: String
        var outputFolderLiteral: String
        /// Arguments only the image's jobs and cron tasks pass: one round of work, then exit.
        var taskWords: [ListItem] = []
        /// True when `taskWords` is not empty.
        var hasTaskWords: Bool = false
    }

    func plan() throws -> StarterPlan? {
        let service = group.first
        guard let build = service.build else { return nil }
        let name = group.projectName(in: project)
        let entry = build.runtime.entry.hasPrefix("./") ? String(build.runtime.entry.dropFirst(2)) : build.runtime.entry
        // An entry inside a build output folder is built from the same path under src/.
        let parts = entry.split(separator: "/").map(String.init)
        let built = parts.count > 1 && ["dist", "build", "out", "lib"].contains(parts[0])
        let source = built ? (["src"] + parts.dropFirst()).joined(separator: "/") : entry
        var context = Context(
            projectName: name, description: "The \(name) starter, written by scaffold.",
            engines: ">=\(build.runtime.version)", entry: entry, hasBuild: built,
            devScript: "node --watch \(source)", startScript: "node \(entry)",
            healthPaths: ListItem.list(group.healthPaths.isEmpty ? ["/health"] : group.healthPaths),
            port: service.port ?? 3000, requirePath: "../\(source)",
            outputFolder: parts[0], outputFolderLiteral: "\"\(parts[0])\"")
        context.taskWords = ListItem.list(group.taskWords)
        context.hasTaskWords = !group.taskWords.isEmpty
        var plan = StarterPlan(manifest: "package.json", files: [])
        try plan.add("starters/node/package.json", at: "package.json", context: context)
        try NodeStarter.addLockfile(build.runtime.tool, folder: "node", to: &plan, context: context)
        if service.port != nil {
            try plan.add("starters/node/server.js", at: source, context: context)
            try plan.add("starters/node/server.test.js", at: "test/server.test.js", context: context)
        } else {
            try plan.add("starters/node/worker.js", at: source, context: context)
        }
        if built {
            try plan.add("starters/node/build.js", at: "build.js", context: context)
        }
        return plan
    }

    /// The lockfile of npm, pnpm or yarn for a package without dependencies.
    static func addLockfile<Context: Encodable>(_ tool: Runtime.Tool, folder: String, to plan: inout StarterPlan, context: Context) throws {
        switch tool {
        case .pnpm: try plan.add("starters/\(folder)/pnpm-lock.yaml", at: "pnpm-lock.yaml", context: context)
        case .yarn: try plan.add("starters/\(folder)/yarn.lock", at: "yarn.lock", context: context)
        default: try plan.add("starters/\(folder)/package-lock.json", at: "package-lock.json", context: context)
        }
    }
}

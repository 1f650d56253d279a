import BlueprintDescription

/// The Rust starter of one build context: a crate whose binary is the blueprint's, serving the
/// health endpoints on `std::net` (no dependencies, so it builds offline), with its `Cargo.lock`.
struct RustStarter {
    var group: StarterGroup
    var project: ResolvedProject

    struct Context: Encodable {
        var binary: String
        var rustVersion: String
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
        var context = Context(
            binary: build.runtime.entry, rustVersion: build.runtime.version,
            healthPaths: ListItem.list(group.healthPaths.isEmpty ? ["/health"] : group.healthPaths),
            port: service.port ?? 8080)
        context.taskWords = ListItem.list(group.taskWords)
        context.hasTaskWords = !group.taskWords.isEmpty
        var plan = StarterPlan(manifest: "Cargo.toml", files: [])
        try plan.add("starters/rust/Cargo.toml", at: "Cargo.toml", context: context)
        try plan.add("starters/rust/Cargo.lock", at: "Cargo.lock", context: context)
        try plan.add("starters/rust/main.rs", at: "src/main.rs", context: context)
        return plan
    }
}

import BlueprintDescription

/// The built services that share one build context, and so one starter.
struct StarterGroup {
    /// The build context, relative to the project root (`.` for the root).
    var context: String
    /// The services built from it that share the first one's runtime and package manager, in
    /// declaration order; never empty.
    var services: [ResolvedService]
    /// Services built from the same context with another runtime: they get no starter.
    var mismatched: [ResolvedService]

    /// The first service declared with this context.
    var first: ResolvedService { services[0] }
    /// The runtime the starter is written for.
    var runtime: Runtime { first.build!.runtime }

    /// The starter's project name: the blueprint's name at the root, else the context's last folder,
    /// as a lowercase name with `-` that every package manager accepts.
    func projectName(in project: ResolvedProject) -> String {
        let base = context == "." ? project.name : String(context.split(separator: "/").last ?? Substring(project.name))
        var name = ""
        for character in base.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                name.append(character)
            } else if !name.hasSuffix("-") {
                name.append("-")
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        while name.hasPrefix("-") { name.removeFirst() }
        return name.isEmpty ? "app" : name
    }

    /// The words only the group's `.job`s and `.cron` tasks pass on their command line
    /// (`--cleanup`, `migrate`), sorted: a starter that sees one does one round of work and exits,
    /// while the same program run by a long-running service keeps running.
    var taskWords: [String] {
        let tasks = services.filter(\.runsToCompletion).flatMap { $0.command ?? [] }
        var others: [String] = []
        for service in services where !service.runsToCompletion {
            others += service.command ?? []
            others += service.build?.command ?? []
            others += service.build?.devCommand ?? []
            others += service.health?.command ?? []
        }
        return Array(Set(tasks).subtracting(others)).sorted()
    }

    /// Every health path the group's services probe (`/health`, `/ready`, ...), sorted, without repeats.
    var healthPaths: [String] {
        let paths = services.flatMap { service -> [String] in
            guard let health = service.health, health.kind == .http else { return [] }
            return [health.path, health.readyPath, health.livePath].compactMap { $0 }
        }
        return Array(Set(paths)).sorted()
    }

    /// A context-relative path as a project-relative one.
    func path(_ relative: String) -> String {
        context == "." ? relative : "\(context)/\(relative)"
    }

    /// The groups of `project`, in the order their first service is declared.
    static func groups(in project: ResolvedProject) -> [StarterGroup] {
        var groups: [StarterGroup] = []
        // Processes sharing an app's image (`.process`, `.job`, `.cron`) run from its context too:
        // the starter provides their modules.
        for service in project.services {
            guard let build = service.build else { continue }
            if let index = groups.firstIndex(where: { $0.context == build.context }) {
                let runtime = groups[index].runtime
                if runtime.language == build.runtime.language && runtime.tool == build.runtime.tool {
                    groups[index].services.append(service)
                } else {
                    groups[index].mismatched.append(service)
                }
            } else {
                groups.append(StarterGroup(context: build.context, services: [service], mismatched: []))
            }
        }
        return groups
    }
}

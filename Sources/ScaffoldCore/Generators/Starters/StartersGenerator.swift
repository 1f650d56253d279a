import BlueprintDescription

/// Starter sources: for every build context, a minimal app in the service's runtime and package
/// manager (a hello-world HTTP server with the blueprint's health endpoints, a lockfile and a test),
/// so a new project builds and runs before anyone writes code.
///
/// The files are marked as starters: the writer writes them only into a context that has no
/// sources yet, records them in the ledger as the user's, and never regenerates them.
public struct StartersGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "starters" }

    /// A generator.
    public init() {}

    /// The starter files of every build context that scaffold knows how to start.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        // A project file a service mounts (`Volume.file`) that doesn't exist yet: written empty,
        // once, for the user to fill; from then on it is theirs and scaffold only reads it.
        let files = try (project.configFiles ?? []).filter { $0.contents == nil }.map { file in
            var request = try RenderRequest(template: "starters/config-file", path: file.path, context: file)
            request.starter = StarterMark(context: ".", manifest: file.path)
            return request
        }
        return try files + StarterGroup.groups(in: project).flatMap { group -> [RenderRequest] in
            guard let plan = try Self.plan(for: group, in: project) else { return [] }
            let mark = StarterMark(context: group.context, manifest: group.path(plan.manifest))
            return plan.files.map { file in
                var request = file.request
                request.path = group.path(file.path)
                request.starter = mark
                return request
            }
        }
    }

    /// What has no starter, and why.
    public func notes(for project: ResolvedProject) -> [FidelityNote] {
        StarterGroup.groups(in: project).flatMap { group -> [FidelityNote] in
            var notes = group.mismatched.map {
                FidelityNote(family: family, service: $0.name, message: "shares the build context '\(group.context)' with \(group.first.name) but has another runtime, so the starter there is \(group.first.name)'s only")
            }
            switch group.runtime.language {
            case .python:
                notes += PythonStarter.unsupported(group).map { FidelityNote(family: family, service: $0.service, message: $0.message) }
            case .java, .swift, .custom:
                notes.append(FidelityNote(family: family, service: group.first.name, message: "scaffold writes no starter sources for the \(group.runtime.language.rawValue) runtime yet; add the sources under '\(group.context)' before building"))
            default:
                break
            }
            return notes
        }
    }

    static func plan(for group: StarterGroup, in project: ResolvedProject) throws -> StarterPlan? {
        switch group.runtime.language {
        case .python: return try PythonStarter(group: group, project: project).plan()
        case .node: return try NodeStarter(group: group, project: project).plan()
        case .staticSite: return try StaticSiteStarter(group: group, project: project).plan()
        case .go: return try GoStarter(group: group, project: project).plan()
        case .rust: return try RustStarter(group: group, project: project).plan()
        case .java, .swift, .custom: return nil
        }
    }
}

/// The files of one starter, relative to its build context.
struct StarterPlan {
    /// One file: a render request whose path is relative to the context.
    struct File {
        var request: RenderRequest
        var path: String { request.path }
    }

    /// The file whose presence says the context already has sources (`pyproject.toml`).
    var manifest: String
    /// Every file, in a stable order.
    var files: [File]

    /// Adds a file rendered from `template`, unless the plan already has one at `path`.
    mutating func add<Context: Encodable>(_ template: String, at path: String, context: Context, executable: Bool = false) throws {
        guard !files.contains(where: { $0.path == path }) else { return }
        files.append(File(request: try RenderRequest(template: template, path: path, context: context, executable: executable)))
    }
}

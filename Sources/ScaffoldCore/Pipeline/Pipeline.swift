import Mustache

/// Turns a resolved project into generated files: every generator's requests, rendered through
/// one parsed template set. Pure and deterministic: files come out sorted by path.
public struct Pipeline: Sendable {
    /// The generators, in a fixed order.
    public var generators: [any ArtifactGenerator]

    /// A pipeline over `generators`; the default is every built-in family.
    public init(generators: [any ArtifactGenerator] = Generators.all) {
        self.generators = generators
    }

    /// All render requests, validated: unique, project-relative paths.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        try RenderMemo.scope(project) { try unscopedRequests(for: project) }
    }

    private func unscopedRequests(for project: ResolvedProject) throws -> [RenderRequest] {
        var requests: [RenderRequest] = []
        var owners: [String: String] = [:]
        for generator in generators {
            let own = try generator.memoizedRequests(for: project)
            try Self.claim(own, by: generator, owners: &owners)
            requests += own
        }
        return requests
    }

    /// Renders every file of `project` with `templates`. Nothing is written anywhere.
    public func render(_ project: ResolvedProject, templates: TemplateSet) throws -> [GeneratedFile] {
        try RenderMemo.scope(project) { try unscopedRender(project, templates: templates) }
    }

    /// The files and the fidelity notes of `project` from one render: what several families
    /// derive alike (the Kubernetes plan, the paths and notes the deploy guide lists) is built once.
    public func renderWithNotes(_ project: ResolvedProject, templates: TemplateSet) throws -> (files: [GeneratedFile], notes: [FidelityNote]) {
        try RenderMemo.scope(project) { (try unscopedRender(project, templates: templates), notes(for: project)) }
    }

    /// One family at a time: its requests are rendered and let go before the next family's are
    /// built, so a render holds one family's contexts at a time besides the rendered text.
    private func unscopedRender(_ project: ResolvedProject, templates: TemplateSet) throws -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        var owners: [String: String] = [:]
        for generator in generators {
            let requests = try generator.requests(for: project)
            try Self.claim(requests, by: generator, owners: &owners)
            generator.recordPaths(requests.map(\.path), for: project)
            for request in requests {
                let format = request.format ?? EscapeFormat.forOutputPath(request.path)
                let text = try templates.render(request.template, context: request.context, format: format, strict: true)
                files.append(GeneratedFile(path: request.path, contents: text, executable: request.executable, starter: request.starter))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Checks that `requests` name safe paths no other family has claimed, and claims them.
    private static func claim(_ requests: [RenderRequest], by generator: any ArtifactGenerator, owners: inout [String: String]) throws {
        for request in requests {
            guard isSafeRelativePath(request.path) else {
                throw PipelineError.unsafePath(request.path, family: generator.family)
            }
            if let owner = owners[request.path] {
                throw PipelineError.duplicatePath(request.path, families: [owner, generator.family])
            }
            owners[request.path] = generator.family
        }
    }

    /// Every family's fidelity notes for `project`, sorted and without duplicates.
    public func notes(for project: ResolvedProject) -> [FidelityNote] {
        RenderMemo.scope(project) { Array(Set(generators.flatMap { $0.memoizedNotes(for: project) })).sorted() }
    }

    /// True for a relative path that stays inside the project: no leading `/`, no `..`, no empty parts.
    public static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && $0 != "." && !$0.isEmpty }
    }
}

/// A generator asked for something the pipeline refuses.
public enum PipelineError: Error, Equatable, Sendable, CustomStringConvertible {
    case unsafePath(String, family: String)
    case duplicatePath(String, families: [String])

    public var description: String {
        switch self {
        case let .unsafePath(path, family):
            return "the \(family) generator asked to write '\(path)', which is not a path inside the project; this is a scaffold bug: please report it"
        case let .duplicatePath(path, families):
            return "both the \(families[0]) and the \(families[1]) generators write '\(path)'; this is a scaffold bug: please report it"
        }
    }
}

import Mustache
/// scaffold's own files in a project: `.scaffold/resolved.json` (the resolved model the last
/// regen rendered, which `scaffold diff --summary` compares against) and `.scaffold/.gitignore`
/// (keeps the loader cache out of git).
public struct ScaffoldStateGenerator: ArtifactGenerator {
    /// The model file's project-relative path.
    public static let modelPath = ".scaffold/resolved.json"

    /// The family name.
    public var family: String { "scaffold" }

    /// A generator.
    public init() {}

    struct ModelContext: Encodable {
        var model: String
    }

    /// The model and the cache ignore file.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        [
            try RenderRequest(template: "scaffold/resolved.json", path: Self.modelPath, context: ModelContext(model: try ModelJSON.encode(project)), format: EscapeFormat.none),
            try RenderRequest(template: "scaffold/gitignore", path: ".scaffold/.gitignore", context: ModelContext(model: ""), format: EscapeFormat.none),
        ]
    }
}

/// What `scaffold import` made of one compose service: printed after the import, and what the
/// tests compare the rendered compose files against.
struct ServiceReport: Sendable {
    /// The name in the compose files.
    var composeName: String
    /// The name in the blueprint.
    var name: String
    /// How it is declared: `.app (python, uv)`, `.postgres`, `.image`.
    var declaration: String
    /// What was carried over, one short phrase per compose setting.
    var imported: [String]
    /// The `// not imported:` lines.
    var notImported: [String]
    /// The `// review:` lines.
    var review: [String]
    /// The environments it runs in.
    var environments: [String]
    /// The compose image, when the draft runs another one (an unpinned preset image).
    var replacedImage: String?
    /// An image scaffold will refuse until it is pinned.
    var unpinnedImage: String?
    /// Environment variables of the compose files that the rendered files won't set.
    var droppedVariables: [String]
    /// The container port in the draft, when it differs from the compose files'.
    var movedPort: Int?
}

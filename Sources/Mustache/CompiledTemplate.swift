/// A parsed template whose fixed partial and parent references have been resolved to template
/// indices in a ``TemplateLibrary``. Immutable, so one instance serves any number of renders.
final class CompiledTemplate: Sendable {
    /// The logical name (``TemplateSource/name``).
    let name: String
    /// The path shown in error messages.
    let path: String
    /// The template text, for quoting the offending line in errors.
    let bytes: [UInt8]
    /// Whether this template came from the user's overrides (affects name resolution).
    let isOverride: Bool
    /// The parsed tree.
    let nodes: [Node]
    /// For each reference slot: the index of the template it resolves to, or `nil` when no such
    /// template exists (only allowed for spec-style lenient libraries and lambda results).
    let references: [Int?]

    init(name: String, path: String, bytes: [UInt8], isOverride: Bool, nodes: [Node], references: [Int?]) {
        self.name = name
        self.path = path
        self.bytes = bytes
        self.isOverride = isOverride
        self.nodes = nodes
        self.references = references
    }

    /// An error located in this template.
    func error(_ kind: TemplateError.Kind, _ message: String, at location: SourceLocation) -> TemplateError {
        TemplateError(kind: kind, message: message, path: path, bytes: bytes, at: location)
    }
}

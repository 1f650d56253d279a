/// A single template with its partials, with the Mustache specification's defaults: unknown
/// partials and missing names render as nothing, and escaping is HTML.
///
/// ```swift
/// let template = try Template(source: "Hello, {{>name}}!", partials: ["name": "{{first}}"])
/// let text = try template.render(["first": "Ada"])   // "Hello, Ada!"
/// ```
///
/// For a set of named templates that reference each other, with user overrides and strict
/// checks, use ``TemplateSet``.
public struct Template: Sendable {
    private let library: TemplateLibrary
    private let root: CompiledTemplate

    /// Parses `source` and `partials` (by name) once.
    ///
    /// - Parameter path: shown in error messages.
    /// - Throws: ``TemplateError`` for malformed template text.
    public init(source: String, partials: [String: String] = [:], path: String = "template") throws {
        let partialSources = partials.keys.sorted().map { TemplateSource(name: $0, path: $0, text: partials[$0]!) }
        library = try TemplateLibrary(builtIn: partialSources, overrides: [], checked: false)
        root = try library.compile(source, path: path, as: ("", false))
    }

    /// Renders the template against `context`.
    ///
    /// - Parameters:
    ///   - format: how `{{name}}` escapes values (the specification uses ``EscapeFormat/html``).
    ///   - strict: report missing names and unknown partials instead of rendering nothing.
    /// - Throws: ``TemplateError`` in strict mode, or when a value cannot be written in `format`.
    public func render(_ context: TemplateValue = .object([:]), format: EscapeFormat = .html, strict: Bool = false) throws -> String {
        var renderer = Renderer(library: library, context: context, format: format, strict: strict)
        try renderer.render(root)
        return renderer.output
    }
}

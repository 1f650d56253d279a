/// The templates of an application, parsed once and rendered any number of times, optionally
/// layered with a user's own templates.
///
/// ```swift
/// let set = try TemplateSet(builtIn: builtInSources, overrides: projectSources)
/// let yaml = try set.render("kubernetes/deployment.yaml", context: context, format: .yaml)
/// ```
///
/// **Overrides.** A template in `overrides` replaces the built-in template of the same name
/// everywhere (including in partial and parent references made by built-in templates). An
/// override can also *extend* the built-in it replaces: inside an override, a reference to its
/// own name means the built-in template, so
/// `{{<docker/python.Dockerfile}}{{$install}}…{{/install}}{{/docker/python.Dockerfile}}`
/// re-uses the built-in Dockerfile with one block replaced. Other references from an override
/// resolve to overrides first, then built-ins.
///
/// **Checks at initialisation.** Every template is parsed, and the set reports (as
/// ``TemplateError``): syntax errors; partial or parent references to templates that do not
/// exist; partials or parents that include themselves with no section around the recursion
/// (recursion *inside* a section, as in `{{#children}}{{>node}}{{/children}}`, is legal and is
/// bounded when rendering by a nesting limit of 100); and parent calls that override a block the
/// parent does not define, directly or through the templates it includes. Dynamic references
/// (`{{>*name}}`) are resolved when rendering.
///
/// A `TemplateSet` is immutable and can be shared between threads.
public final class TemplateSet: Sendable {
    private let library: TemplateLibrary

    /// Parses and checks every template once.
    ///
    /// - Parameters:
    ///   - builtIn: the application's templates.
    ///   - overrides: a user's per-project templates; each replaces the built-in template with
    ///     the same name, or adds a new one.
    /// - Throws: ``TemplateError`` describing the first problem found.
    public init(builtIn: [TemplateSource], overrides: [TemplateSource] = []) throws {
        library = try TemplateLibrary(builtIn: builtIn, overrides: overrides, checked: true)
    }

    /// Renders the template `name` (the user's override when there is one).
    ///
    /// - Parameters:
    ///   - context: the values the template refers to.
    ///   - format: how `{{name}}` escapes values; usually
    ///     `EscapeFormat.forOutputPath(outputPath)`. Partials and parents inherit it; a template
    ///     can switch it for its own body with a standalone `{{%escape NAME}}` line.
    ///   - strict: when `true` (the default), a name in `{{x}}`, `{{{x}}}`, `{{&x}}`, `{{#x}}` or
    ///     `{{>*x}}` that cannot be resolved is an error (`{{^x}}` still tests for absence);
    ///     when `false`, it renders as nothing, as the Mustache specification says.
    /// - Throws: ``TemplateError``, located at the offending tag.
    public func render(_ name: String, context: TemplateValue, format: EscapeFormat, strict: Bool = true) throws -> String {
        guard let template = library.template(named: name) else {
            throw TemplateError(kind: .unknownTemplate(name),
                                message: "no template named '\(name)'\(TemplateLibrary.suggestion(for: name, among: library.names))")
        }
        var renderer = Renderer(library: library, context: context, format: format, strict: strict)
        try renderer.render(template)
        return renderer.output
    }

    /// Whether a template (built-in or override) has this name.
    public func contains(_ name: String) -> Bool {
        library.template(named: name) != nil
    }

    /// `; did you mean 'x'?` for the candidate closest to `name`, or `otherwise`.
    public static func suggestion(for name: String, among candidates: [String], otherwise: String) -> String {
        TemplateLibrary.suggestion(for: name, among: candidates, otherwise: otherwise)
    }

    /// The names of all templates, built-in and override, sorted.
    public var names: [String] {
        library.names
    }
}

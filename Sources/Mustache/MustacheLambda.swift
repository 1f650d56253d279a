/// A Mustache lambda: a closure placed in the render context.
///
/// The closure receives the *unrendered* text of the section it is used in, or `nil` when it is
/// used as a variable, and returns Mustache template text, which is then rendered against the
/// current context:
///
/// - `{{name}}` / `{{{name}}}`: the closure is called with `nil`; its result is rendered with the
///   default delimiters `{{ }}` and without escaping, and the rendered text is then escaped once
///   for the output format (`{{name}}`) or inserted as it is (`{{{name}}}`, `{{&name}}`).
/// - `{{#name}}…{{/name}}`: the closure is called with the raw text between the tags; its result
///   is rendered with the delimiters in effect at the section, and inserted without escaping.
/// - `{{^name}}…{{/name}}`: a lambda is truthy, so the inverted section renders nothing and the
///   closure is not called.
///
/// The closure must be `@Sendable` so that a ``TemplateValue`` can cross concurrency domains; a
/// lambda that keeps state (a counter, say) must protect it with a lock.
public struct MustacheLambda: Sendable {
    /// Holds the closure; its identity is what makes two lambdas equal.
    private final class Box: Sendable {
        let body: @Sendable (String?) -> String
        init(_ body: @escaping @Sendable (String?) -> String) { self.body = body }
    }

    private let box: Box

    /// A lambda that handles both uses: `text` is the raw section text, or `nil` for `{{name}}`.
    public init(_ body: @escaping @Sendable (_ text: String?) -> String) {
        box = Box(body)
    }

    /// A lambda for variable tags (`{{name}}`); in a section it is called all the same and its
    /// result replaces the section.
    public init(interpolation body: @escaping @Sendable () -> String) {
        box = Box { _ in body() }
    }

    /// A lambda for sections (`{{#name}}raw text{{/name}}`); used as a variable it receives `""`.
    public init(section body: @escaping @Sendable (_ text: String) -> String) {
        box = Box { text in body(text ?? "") }
    }

    /// Calls the closure; `sectionText` is `nil` for a variable tag.
    public func callAsFunction(_ sectionText: String?) -> String {
        box.body(sectionText)
    }
}

extension MustacheLambda: Equatable {
    /// Two lambdas are equal when they share the same closure instance.
    public static func == (lhs: MustacheLambda, rhs: MustacheLambda) -> Bool {
        lhs.box === rhs.box
    }
}

/// One template's text and the names it is known by.
public struct TemplateSource: Sendable, Equatable {
    /// The logical name partials and parents refer to, e.g. `docker/python.Dockerfile`
    /// (`{{>docker/python.Dockerfile}}`, `{{<docker/python.Dockerfile}}`).
    public var name: String
    /// Where the text came from, shown in error messages, e.g.
    /// `Templates/docker/python.Dockerfile.mustache`.
    public var path: String
    /// The Mustache template text.
    public var text: String

    /// Creates a template source.
    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}

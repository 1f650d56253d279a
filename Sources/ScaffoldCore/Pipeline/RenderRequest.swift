import Mustache

/// A generator's request to render one template into one output file.
public struct RenderRequest: Sendable {
    /// The template's logical name, for example `docker/python.Dockerfile`.
    public var template: String
    /// The output path relative to the project root.
    public var path: String
    /// The render context.
    public var context: TemplateValue
    /// Whether the output is executable.
    public var executable: Bool
    /// The escaping format; derived from `path` when nil.
    public var format: EscapeFormat?
    /// Set for starter sources, which the writer treats as the user's files.
    public var starter: StarterMark?

    /// A request whose context is any `Encodable` view model.
    public init<Context: Encodable>(template: String, path: String, context: Context, executable: Bool = false, format: EscapeFormat? = nil, starter: StarterMark? = nil) throws {
        self.template = template
        self.path = path
        self.context = try TemplateValue(encoding: context)
        self.executable = executable
        self.format = format
        self.starter = starter
    }

    /// A request whose context is already encoded: several files of one view model (a workload's
    /// Deployment, Service, ...) share one encoding instead of building it once per file.
    public init(template: String, path: String, encoded context: TemplateValue, executable: Bool = false, format: EscapeFormat? = nil, starter: StarterMark? = nil) {
        self.template = template
        self.path = path
        self.context = context
        self.executable = executable
        self.format = format
        self.starter = starter
    }
}

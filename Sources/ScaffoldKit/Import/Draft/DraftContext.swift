/// What `Templates/import/Blueprint.swift.mustache` renders: the whole drafted Blueprint.swift.
struct DraftContext: Encodable, Sendable {
    /// The compose files it was drafted from, as given.
    var sources: String
    /// The project name, a Swift string literal.
    var name: String
    /// The environments, as Swift expressions joined with `, `.
    var environments: String
    /// Top-level compose settings the DSL can't express.
    var notImported: [String]
    /// Top-level notes to check.
    var review: [String]
    /// The services.
    var services: [DraftService]
}

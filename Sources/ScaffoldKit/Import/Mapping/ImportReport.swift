/// What `scaffold import` made of the compose files as a whole.
struct ImportReport: Sendable {
    /// The services, in compose order.
    var services: [ServiceReport]
    /// Top-level settings not imported.
    var notImported: [String]
    /// Top-level review notes.
    var review: [String]
    /// The environments, in order.
    var environments: [String]

    /// Lines for the terminal: one per service, then what needs attention.
    var lines: [String] {
        var lines: [String] = []
        for service in services {
            let name = service.name == service.composeName ? service.name : "\(service.composeName) → \(service.name)"
            lines.append("  \(name): \(service.declaration)\(service.imported.isEmpty ? "" : "; imported " + service.imported.joined(separator: ", "))")
            if !service.notImported.isEmpty { lines.append("    not imported: \(service.notImported.count) (see the `// not imported:` comments)") }
        }
        return lines
    }
}

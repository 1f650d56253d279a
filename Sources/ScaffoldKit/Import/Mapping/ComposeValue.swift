/// An environment value as compose reads it: literal text (`$$` is a `$`), a reference to a
/// variable of the shell or `.env` (`${NAME}`, `$NAME`, `${NAME:-default}`), or text with a
/// reference inside (`http://${HOST}:8000`).
enum ComposeValue: Equatable, Sendable {
    /// Text compose passes as it is.
    case literal(String)
    /// The value of `name` in the shell or `.env`, with the default compose falls back to.
    case reference(name: String, fallback: String?)
    /// Text with a reference inside.
    case embedded(String)

    /// How compose reads `raw`.
    static func classify(_ raw: String) -> ComposeValue {
        if let match = RuntimeDetector.first(#"^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[:]?[?][^}]*)?\}$"#, in: raw) {
            return .reference(name: match, fallback: nil)
        }
        if let name = RuntimeDetector.first(#"^\$([A-Za-z_][A-Za-z0-9_]*)$"#, in: raw) {
            return .reference(name: name, fallback: nil)
        }
        if raw.hasPrefix("${"), raw.hasSuffix("}"), let name = RuntimeDetector.first(#"^\$\{([A-Za-z_][A-Za-z0-9_]*):?-"#, in: raw) {
            let afterName = raw.dropFirst(2 + name.count)
            let fallback = afterName.drop { $0 == ":" }.dropFirst().dropLast()
            if !fallback.contains("$") { return .reference(name: name, fallback: String(fallback)) }
        }
        let withoutEscapes = raw.replacingOccurrences(of: "$$", with: "")
        if withoutEscapes.contains("$") { return .embedded(raw) }
        return .literal(raw.replacingOccurrences(of: "$$", with: "$"))
    }
}

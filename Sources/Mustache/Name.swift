/// A dotted name as written in a tag (`person.name`, or `.` for the current context).
struct Name: Sendable, Equatable {
    /// The name as written, for error messages.
    let text: String
    /// The parts to resolve in turn; empty for the implicit iterator `.`.
    let parts: [String]

    /// Parses `text`; `nil` when it is empty, contains whitespace or an empty part (`a..b`).
    init?(_ text: String) {
        guard !text.isEmpty, !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return nil }
        self.text = text
        if text == "." {
            parts = []
            return
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else { return nil }
        self.parts = parts
    }
}

/// Splits a compose `command:` or `healthcheck` string into words the way compose does: on
/// spaces, with single quotes literal, double quotes honouring `\"`, `\\`, `\$` and `` \` ``, and
/// a backslash escaping the next character outside quotes.
enum ShellSplit {
    /// The words of `line`.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                if quote == "\"" && !"\"\\$`".contains(character) { current.append("\\") }
                current.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
                inWord = true
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case (nil, " "), (nil, "\t"), (nil, "\n"):
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if escaped { current.append("\\") }
        if inWord { words.append(current) }
        return words
    }

    /// A `command:` value as words: a list as it is, a string split.
    static func command(_ value: YAML?) -> [String]? {
        guard let value else { return nil }
        if let items = value.list { return items.map { $0.string ?? "" } }
        if let text = value.string { return words(text) }
        return nil
    }
}

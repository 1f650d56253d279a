import ScaffoldCore

/// What `scaffold import` treats as a credential: it becomes a secret's name in the draft and its
/// value is never written, not even in a `// not imported:` comment.
enum CredentialRule {
    /// Name parts that mark a variable as a credential.
    static let nameParts = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "PRIVATE"]

    /// Whether a variable or setting name says it holds a credential (`DB_PASSWORD`, `api_key`).
    static func nameLooksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return nameParts.contains { upper.contains($0) }
    }

    /// Whether a value has the shape of a credential: a known key or token format, or a URL with
    /// a password (`postgres://user:pass@db/app`).
    static func valueLooksSecret(_ value: String) -> Bool {
        CredentialPatterns.match(value) != nil || Resolver.embedsCredential(value)
    }

    /// Whether `name=value` is a credential. Booleans and empty values under a secret-looking
    /// name are settings (`AUTH_ENABLED=true`); anything else under one is a credential.
    static func isCredential(name: String, value: String?) -> Bool {
        guard let value else { return nameLooksSecret(name) }
        if valueLooksSecret(value) { return true }
        guard nameLooksSecret(name) else { return false }
        return !["", "true", "false"].contains(value.lowercased())
    }

    /// Option names in commands that take a credential: `--requirepass`, `--password`, `--api-key`.
    static func flagLooksSecret(_ flag: String) -> Bool {
        let name = flag.drop { $0 == "-" }.uppercased().replacingOccurrences(of: "-", with: "_")
        return !name.isEmpty && (nameLooksSecret(name) || name.contains("PASS") || name.contains("AUTH"))
    }

    /// `words` with every credential in them replaced by `<redacted>`, or nil when there is none:
    /// the value after a secret-looking option (`--requirepass x`, `-p x` is not guessed),
    /// `--password=x`, `KEY=value` pairs under secret-looking names, and credential-shaped words.
    static func redacting(_ words: [String]) -> [String]? {
        var result = words
        var found = false
        for index in words.indices {
            let word = words[index]
            if let equals = word.firstIndex(of: "="), word.hasPrefix("-") || nameLooksSecret(String(word[..<equals])),
               flagLooksSecret(String(word[..<equals])), !["true", "false", ""].contains(word[word.index(after: equals)...].lowercased()) {
                result[index] = String(word[...equals]) + redacted
                found = true
            } else if valueLooksSecret(word) {
                result[index] = redacted
                found = true
            } else if index > 0, words[index - 1].hasPrefix("--"), !words[index - 1].contains("="), flagLooksSecret(words[index - 1]), !word.hasPrefix("-") {
                result[index] = redacted
                found = true
            }
        }
        return found ? result : nil
    }

    /// The placeholder written instead of a credential.
    static let redacted = "<redacted>"

    /// A compact, one-line rendering of a compose value for a comment (`[a, b]`, `{k: v}`), with
    /// every credential in it replaced by `<redacted>`; `key` is the name the value sits under.
    static func describe(_ value: YAML, under key: String) -> String {
        switch value.untagged {
        case .null:
            return "null"
        case let .string(text):
            // Comments are stricter than variables: anything under an auth-looking name goes too.
            if isCredential(name: key, value: text) || key.uppercased().contains("AUTH") { return redacted }
            if let equals = text.firstIndex(of: "="), isCredential(name: String(text[..<equals]), value: String(text[text.index(after: equals)...])) {
                return String(text[..<equals]) + "=" + redacted
            }
            if text.contains(" "), let words = redacting(ShellSplit.words(text)) { return quoteIfNeeded(words.joined(separator: " ")) }
            return quoteIfNeeded(text)
        case let .list(items):
            let words = items.compactMap(\.string)
            if words.count == items.count, let redactedWords = redacting(words) {
                return "[" + redactedWords.map(quoteIfNeeded).joined(separator: ", ") + "]"
            }
            return "[" + items.map { describe($0, under: key) }.joined(separator: ", ") + "]"
        case let .map(pairs):
            return "{" + pairs.map { "\($0.key): \(describe($0.value, under: $0.key))" }.joined(separator: ", ") + "}"
        case .tagged:
            return describe(value.untagged, under: key)
        }
    }

    private static func quoteIfNeeded(_ text: String) -> String {
        let plain = !text.isEmpty && text.first != " " && text.last != " " && !text.contains(where: { ",[]{}\"'#\n".contains($0) }) && !text.contains(": ")
        return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

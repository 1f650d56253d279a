extension Escaper {
    /// A YAML scalar that reads back as exactly `string` under YAML 1.1 and 1.2 (PyYAML,
    /// go-yaml, Kubernetes, ...):
    ///
    /// 1. plain, when the string is unambiguous (see ``isPlainYAML(_:)``);
    /// 2. a literal block scalar, when the string has line breaks, the tag ends its template line
    ///    and sits in block context after `key: ` or `- ` (see ``yamlBlockScalar(_:linePrefix:)``);
    /// 3. otherwise double-quoted, with JSON-compatible escapes.
    static func yaml(_ string: String, site: Site) -> String {
        if isPlainYAML(string) { return string }
        if site.endsLine, let prefix = site.linePrefix, string.utf8.contains(UInt8(ascii: "\n")),
           let block = yamlBlockScalar(string, linePrefix: prefix) {
            return block
        }
        return yamlDoubleQuoted(string)
    }

    /// Words YAML 1.1 reads as booleans or null (compared case-insensitively).
    private static let yamlReservedWords: Set<String> = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    ]

    /// Whether `string` can be written as a plain scalar: only `[A-Za-z0-9_./-]`, starting with a
    /// letter, `/` or `.`, and not a word or number YAML would read as something else (booleans,
    /// null, `.inf`, `.nan`, `.5`, ...). Numbers, dates and hex all start with a digit or sign and
    /// are therefore always quoted.
    static func isPlainYAML(_ string: String) -> Bool {
        let bytes = string.utf8
        guard let first = bytes.first else { return false }
        guard isASCIILetter(first) || first == UInt8(ascii: "/") || first == UInt8(ascii: ".") else { return false }
        for byte in bytes where !(isASCIILetter(byte) || isASCIIDigit(byte) || byte == UInt8(ascii: "_")
                                  || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")) {
            return false
        }
        // The reserved words are at most five letters long.
        if bytes.count <= 5 && yamlReservedWords.contains(string.lowercased()) { return false }
        if first == UInt8(ascii: ".") {
            // `.5`, `.inf`, `.nan`, `...` (document end) are not plain strings.
            let second = bytes.dropFirst().first
            if let second, isASCIIDigit(second) { return false }
            let lower = string.lowercased()
            if lower.hasPrefix(".inf") || lower.hasPrefix(".nan") || lower.hasPrefix("...") { return false }
        }
        return true
    }

    /// A double-quoted YAML scalar. Escapes `"`, `\`, `\n`, `\t`, and writes as `\uXXXX` every
    /// character a YAML reader would not take literally inside quotes: control characters, DEL,
    /// C1 controls (including NEL), the line and paragraph separators, the byte-order mark and
    /// the non-characters U+FFFE/U+FFFF.
    static func yamlDoubleQuoted(_ string: String) -> String {
        var out = "\""
        out.reserveCapacity(string.utf8.count + 2)
        appendEscaping(string, to: &out) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\t": return "\\t"
            default: return isYAMLVerbatim(scalar) ? nil : unicodeEscape(scalar.value)
            }
        }
        out += "\""
        return out
    }

    /// Characters that may appear as themselves in a YAML scalar (printable, and not a YAML 1.1
    /// line break or byte-order mark).
    private static func isYAMLVerbatim(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        case 0x10000...: return true
        default: return false
        }
    }

    /// A literal block scalar for a multi-line string, or `nil` when one cannot be used here.
    ///
    /// The header is `|-` (no trailing newline), `|` (one) or `|+` (more), with an indentation
    /// indicator `2` when the first non-empty line starts with a space or tab. Content lines are indented
    /// two columns past the key (or the `- ` entry) that starts the output line; empty lines stay
    /// empty. The line break after the last content line is the template's own.
    ///
    /// Returns `nil` (so the caller quotes the string instead) when the string has characters a
    /// block scalar cannot carry (`\r`, tabs are fine), when it is only line breaks, or when the
    /// output line is not `[indent][- ...]key: ` or `[indent]- ` (flow collections, comments, text
    /// glued to the tag, or a value alone on an indented line).
    static func yamlBlockScalar(_ string: String, linePrefix: Substring) -> String? {
        for scalar in string.unicodeScalars where scalar != "\n" && scalar != "\t" && !isYAMLVerbatim(scalar) {
            return nil
        }
        guard let baseColumn = yamlBlockBaseColumn(linePrefix) else { return nil }
        let newline = UInt8(ascii: "\n")
        let utf8 = string.utf8
        // The body is the string without its trailing line breaks, which chomping accounts for.
        var bodyEnd = utf8.endIndex
        var trailingNewlines = 0
        while bodyEnd > utf8.startIndex, utf8[utf8.index(before: bodyEnd)] == newline {
            bodyEnd = utf8.index(before: bodyEnd)
            trailingNewlines += 1
        }
        guard bodyEnd > utf8.startIndex else { return nil }
        // Without an indicator the reader guesses the indentation from the first non-empty line,
        // which goes wrong when that line itself starts with a space or a tab.
        var firstContent = utf8.startIndex
        while utf8[firstContent] == newline { firstContent = utf8.index(after: firstContent) }
        let needsIndicator = utf8[firstContent] == UInt8(ascii: " ") || utf8[firstContent] == UInt8(ascii: "\t")

        var out = "|"
        if needsIndicator { out += "2" }
        switch trailingNewlines {
        case 0: out += "-"
        case 1: break
        default: out += "+"
        }
        let padding = String(repeating: " ", count: baseColumn + 2)
        out.reserveCapacity(utf8.count + 8 * (padding.utf8.count + 1))
        var lineStart = utf8.startIndex
        while true {
            let lineEnd = utf8[lineStart..<bodyEnd].firstIndex(of: newline) ?? bodyEnd
            out += "\n"
            if lineStart < lineEnd {
                out += padding
                out += string[lineStart..<lineEnd]
            }
            guard lineEnd < bodyEnd else { break }
            lineStart = utf8.index(after: lineEnd)
        }
        if trailingNewlines > 1 {
            out += String(repeating: "\n", count: trailingNewlines - 1)
        }
        return out
    }

    /// The column of the node that owns a value written after `linePrefix`: the key in
    /// `  key: `, `- key: ` or `- - key: `, the last dash in `- ` or `- - `, or 0 for an empty
    /// line. `nil` when a block scalar would not parse there.
    static func yamlBlockBaseColumn(_ linePrefix: Substring) -> Int? {
        let bytes = Array(linePrefix.utf8)
        let space = UInt8(ascii: " ")
        if bytes.isEmpty { return 0 }
        guard bytes.last == space else { return nil }
        var position = 0
        while position < bytes.count && bytes[position] == space { position += 1 }
        // A value alone on an indented line (`key:\n  {{v}}`): the parent's indentation is not
        // known here, so an indentation indicator could be wrong; quote instead.
        if position == bytes.count { return nil }
        // Skip `- ` sequence entries that are followed by more content on the line.
        while bytes[position] == UInt8(ascii: "-") && position + 1 < bytes.count && bytes[position + 1] == space {
            var next = position + 1
            while next < bytes.count && bytes[next] == space { next += 1 }
            if next == bytes.count { return position }
            position = next
        }
        // What remains must be `key:` followed by spaces.
        var end = bytes.count
        while end > position && bytes[end - 1] == space { end -= 1 }
        guard end - position >= 2, bytes[end - 1] == UInt8(ascii: ":") else { return nil }
        let key = bytes[position..<(end - 1)]
        for (offset, byte) in zip(key.indices, key) {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\t"):
                return nil
            case UInt8(ascii: "#") where offset > key.startIndex && bytes[offset - 1] == space:
                return nil
            case UInt8(ascii: ":") where offset + 1 < end && bytes[offset + 1] == space:
                return nil
            default:
                continue
            }
        }
        if let first = key.first, [UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
                                    UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"),
                                    UInt8(ascii: "`")].contains(first) {
            return nil
        }
        return position
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

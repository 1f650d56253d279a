extension Escaper {
    /// A JSON string literal: `"` and `\` escaped, `\n` `\r` `\t` `\b` `\f` by name, other
    /// control characters as `\u00XX`; everything else (including `/` and non-ASCII text) as it is.
    static func jsonString(_ string: String) -> String {
        var out = "\""
        out.reserveCapacity(string.utf8.count + 2)
        appendEscaping(string, to: &out) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\u{08}": return "\\b"
            case "\u{0C}": return "\\f"
            default: return scalar.value < 0x20 ? unicodeEscape(scalar.value) : nil
            }
        }
        out += "\""
        return out
    }
}

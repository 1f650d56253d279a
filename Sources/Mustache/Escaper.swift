/// Turns context values into output text for an ``EscapeFormat``.
///
/// The per-format string escapers live in `Escaper+<Format>.swift`; this file holds the dispatch
/// and what every format shares: numbers, booleans, `null`, and lists/objects.
enum Escaper {
    /// Why a value cannot be written in a format; the renderer adds the tag's location.
    struct Failure: Error {
        let message: String
    }

    /// Where a value is being written, for formats whose output depends on it (YAML block
    /// scalars need the text of the output line so far, and a line end right after the tag).
    struct Site {
        /// The current output line up to the tag, when the caller computed it.
        var linePrefix: Substring?
        /// Whether the template continues with a line break right after the tag.
        var endsLine: Bool

        static let inline = Site(linePrefix: nil, endsLine: false)
    }

    /// The text for `value` in `format`; `escape` is `false` for `{{{name}}}` and `{{&name}}`.
    static func text(for value: TemplateValue, format: EscapeFormat, escape: Bool, site: Site) throws -> String {
        switch value {
        case .string(let string):
            return escape ? escapeString(string, format: format, site: site) : string
        case .int(let number):
            return String(number)
        case .double(let number):
            return try double(number, format: format)
        case .bool(let flag):
            return flag ? "true" : "false"
        case .null, .lambda:
            return null(format: format, escape: escape)
        case .array, .object:
            return try structured(value, format: format)
        }
    }

    /// Escapes one string for `format`.
    static func escapeString(_ string: String, format: EscapeFormat, site: Site) -> String {
        switch format {
        case .yaml: return yaml(string, site: site)
        case .shell: return shellWord(string)
        case .hcl: return hclString(string)
        case .json, .dockerfile: return jsonString(string)
        case .html: return html(string)
        case .none: return string
        }
    }

    /// How `null` is written: a `null` literal where the format has one, `''` / `""` where an
    /// empty word or string keeps the surrounding syntax valid, nothing in plain text.
    static func null(format: EscapeFormat, escape: Bool) -> String {
        switch format {
        case .yaml, .hcl, .json: return "null"
        case .shell: return escape ? "''" : ""
        case .dockerfile: return escape ? "\"\"" : ""
        case .html, .none: return ""
        }
    }

    /// A floating-point number as a literal of `format`.
    static func double(_ number: Double, format: EscapeFormat) throws -> String {
        switch format {
        case .yaml:
            if number.isNaN { return ".nan" }
            if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
            // YAML 1.1 only reads `1.0e+20` as a float when it has a dot before the exponent.
            var text = number.description
            if !text.contains("."), let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                text.insert(contentsOf: ".0", at: e)
            }
            return text
        case .json, .dockerfile, .hcl:
            guard number.isFinite else {
                throw Failure(message: "\(number) cannot be written in \(format.rawValue); pass a finite number or a string")
            }
            return number.description
        case .shell, .html, .none:
            return number.description
        }
    }

    /// A list or object as a literal of a structured format (JSON, YAML flow style, HCL); plain
    /// text formats have no such literal and report an error.
    static func structured(_ value: TemplateValue, format: EscapeFormat) throws -> String {
        switch format {
        case .json, .dockerfile, .yaml, .hcl:
            var out = ""
            try appendStructured(value, format: format, to: &out)
            return out
        case .shell, .html, .none:
            let kind = value.kindDescription
            throw Failure(message: "cannot write \(kind) as \(format.rawValue) text; iterate over it with a section instead")
        }
    }

    private static func appendStructured(_ value: TemplateValue, format: EscapeFormat, to out: inout String) throws {
        switch value {
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += ", " }
                try appendStructured(element, format: format, to: &out)
            }
            out += "]"
        case .object(let members):
            out += format == .hcl && !members.isEmpty ? "{ " : "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += ", " }
                switch format {
                case .yaml: out += yaml(key, site: .inline); out += ": "
                case .hcl: out += hclString(key); out += " = "
                default: out += jsonString(key); out += ": "
                }
                try appendStructured(members[key]!, format: format, to: &out)
            }
            out += format == .hcl && !members.isEmpty ? " }" : "}"
        case .null, .lambda:
            out += "null"
        case .string(let string):
            out += format == .yaml ? yaml(string, site: .inline) : escapeString(string, format: format, site: .inline)
        default:
            out += try text(for: value, format: format, escape: true, site: .inline)
        }
    }

    /// Appends `string` to `out`, replacing each scalar for which `replacement` returns text.
    /// Runs of scalars that need no escaping are copied in one piece.
    @inline(__always)
    static func appendEscaping(_ string: String, to out: inout String, _ replacement: (Unicode.Scalar) -> String?) {
        let scalars = string.unicodeScalars
        var runStart = scalars.startIndex
        var index = runStart
        while index < scalars.endIndex {
            if let escaped = replacement(scalars[index]) {
                if runStart < index { out += string[runStart..<index] }
                out += escaped
                index = scalars.index(after: index)
                runStart = index
            } else {
                index = scalars.index(after: index)
            }
        }
        if runStart < scalars.endIndex { out += string[runStart...] }
    }

    /// `\uXXXX` for a scalar (four uppercase hex digits; callers only pass BMP values).
    static func unicodeEscape(_ value: UInt32) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        var out = "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(digits[Int((value >> UInt32(shift)) & 0xF)])
        }
        return out
    }
}

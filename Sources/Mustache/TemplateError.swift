/// An error in a template, or in rendering it: what went wrong, and where.
///
/// ``description`` reads like a compiler diagnostic:
///
/// ```
/// Templates/kubernetes/deployment.yaml.mustache:12:9: missing 'service.image'
///         image: {{service.image}}
///                ^
/// ```
///
/// The location is the tag's opening delimiter, with 1-based line and column (columns count
/// characters). Errors that have no place in a template (an unknown template name passed to
/// ``TemplateSet/render(_:context:format:strict:)``) carry only the message.
public struct TemplateError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of problem this is, for code that wants to react to it.
    public enum Kind: Equatable, Sendable {
        /// The template text is malformed (unclosed tag or section, mismatched close, bad
        /// delimiters, unknown pragma, ...).
        case syntax
        /// Strict mode: a name in `{{x}}`, `{{{x}}}`, `{{&x}}`, `{{#x}}` or a dynamic partial
        /// could not be resolved. The payload is the dotted name as written.
        case missingValue(String)
        /// A partial or parent names a template that does not exist (payload: the name).
        case unknownTemplate(String)
        /// Partials or parents include each other without a section to stop the recursion, or
        /// rendering went deeper than the nesting limit.
        case recursion
        /// A parent call overrides a block the parent does not define (payload: block name).
        case unknownBlock(String)
        /// Two templates share a name.
        case duplicateTemplate(String)
        /// A value cannot be written in the output format (e.g. infinity in JSON, a list as
        /// shell text, a non-string dynamic partial name).
        case invalidValue
    }

    /// The kind of problem.
    public var kind: Kind
    /// The message without location, e.g. `missing 'service.image'`.
    public var message: String
    /// The template's path (``TemplateSource/path``), when the error has a location.
    public var path: String?
    /// 1-based line of the offending tag.
    public var line: Int?
    /// 1-based column (in characters) of the offending tag's opening delimiter.
    public var column: Int?
    /// The text of the offending line, without its line break.
    public var sourceLine: String?

    /// Creates an error; pass a location for errors that have one.
    public init(kind: Kind, message: String, path: String? = nil, line: Int? = nil, column: Int? = nil, sourceLine: String? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }

    /// `path:line:column: message`, then the source line and a caret under the column.
    public var description: String {
        guard let path, let line, let column else { return message }
        var text = "\(path):\(line):\(column): \(message)"
        if let sourceLine {
            text += "\n" + sourceLine + "\n"
            // Keep tabs so the caret lines up whatever the tab width.
            for character in sourceLine.prefix(column - 1) {
                text.append(character == "\t" ? "\t" : " ")
            }
            text += "^"
        }
        return text
    }
}

extension TemplateError {
    /// An error located at `location` in a template whose text is `bytes`.
    init(kind: Kind, message: String, path: String, bytes: [UInt8], at location: SourceLocation) {
        var lineEnd = location.lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        var contentEnd = lineEnd
        if contentEnd > location.lineStart && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        let sourceLine = String(decoding: bytes[location.lineStart..<contentEnd], as: UTF8.self)
        let before = String(decoding: bytes[location.lineStart..<min(location.offset, bytes.count)], as: UTF8.self)
        self.init(kind: kind, message: message, path: path, line: location.line, column: before.count + 1, sourceLine: sourceLine)
    }
}

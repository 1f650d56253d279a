/// A position in a template's text, as a byte offset plus the line it is on; columns are worked
/// out only when an error is reported.
struct SourceLocation: Sendable, Equatable {
    /// UTF-8 offset of the position (for tags: of the opening delimiter).
    var offset: Int
    /// 1-based line number.
    var line: Int
    /// UTF-8 offset of the first byte of that line.
    var lineStart: Int
}

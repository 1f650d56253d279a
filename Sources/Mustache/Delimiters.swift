/// The tag delimiters in effect (`{{` `}}` unless a `{{=<% %>=}}` tag changed them).
struct Delimiters: Sendable, Equatable {
    /// The opening delimiter, as UTF-8.
    let open: [UInt8]
    /// The closing delimiter, as UTF-8.
    let close: [UInt8]

    /// `{{` and `}}`.
    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))

    /// The opening delimiter as text, for error messages.
    var openText: String { String(decoding: open, as: UTF8.self) }
    /// The closing delimiter as text, for error messages.
    var closeText: String { String(decoding: close, as: UTF8.self) }
}

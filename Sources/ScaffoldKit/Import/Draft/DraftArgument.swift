/// One argument of a service factory call in the drafted Blueprint.swift, spelled by
/// `Templates/import/Blueprint.swift.mustache`: `label: value` on one line, or `label: [` with one
/// item per line.
struct DraftArgument: Encodable, Sendable {
    /// `"port: "`, or empty for a positional argument.
    var label: String
    /// The value on one line; empty for a block argument.
    var inline: String
    /// Whether the value is a bracketed list of `items`, one per line.
    var block: Bool
    /// The items of a block argument, each a Swift expression (`"KEY": "value"`, `.named(...)`).
    var items: [String]
    /// Whether another argument follows (the template writes the comma).
    var more: Bool

    /// `label: value`.
    static func value(_ label: String?, _ value: String) -> DraftArgument {
        DraftArgument(label: label.map { "\($0): " } ?? "", inline: value, block: false, items: [], more: false)
    }

    /// `label: [items]`, one item per line when it doesn't fit on one.
    static func list(_ label: String, _ items: [String]) -> DraftArgument {
        let oneLine = "[" + items.joined(separator: ", ") + "]"
        if items.count <= 1 || oneLine.count + label.count < 72 { return value(label, oneLine) }
        return DraftArgument(label: "\(label): ", inline: "", block: true, items: items, more: false)
    }

    /// A dictionary literal: `label: [key: value, ...]`, always one entry per line.
    static func dictionary(_ label: String, _ items: [String]) -> DraftArgument {
        DraftArgument(label: "\(label): ", inline: "", block: true, items: items, more: false)
    }
}

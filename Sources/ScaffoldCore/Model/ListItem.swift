/// A list element that knows whether it is first or last, so templates can place separators
/// (`[{{#items}}{{value}}{{^last}}, {{/last}}{{/items}}]`) without Swift assembling the text.
public struct ListItem: Encodable, Hashable, Sendable {
    /// The element.
    public var value: String
    /// Whether it is the first element.
    public var first: Bool
    /// Whether it is the last element.
    public var last: Bool

    /// Wraps every element of `values`.
    public static func list(_ values: [String]) -> [ListItem] {
        values.enumerated().map { ListItem(value: $0.element, first: $0.offset == 0, last: $0.offset == values.count - 1) }
    }
}

/// A parsed YAML value, as much of YAML as compose files use.
///
/// Scalars keep their text (`8000`, `true` and `3.8` stay strings, as compose reads environment
/// values and ports); plain `null`, `~` and empty values are ``null``. Mappings keep their key
/// order. Tags scaffold gives a meaning to (compose's `!reset` and `!override`) stay ``tagged``;
/// the core schema's `!!str`, `!!int`, … are dropped by the parser.
public indirect enum YAML: Equatable, Sendable {
    /// `null`, `~` or nothing.
    case null
    /// Any other scalar, plain or quoted, as text.
    case string(String)
    /// A block or flow sequence.
    case list([YAML])
    /// A block or flow mapping with string keys, in document order.
    case map([YAMLPair])
    /// A value under a local tag, such as compose's `!reset` or `!override`.
    case tagged(String, YAML)

    /// The value without its tag.
    public var untagged: YAML {
        if case let .tagged(_, value) = self { return value.untagged }
        return self
    }

    /// The tag, if any.
    public var tag: String? {
        if case let .tagged(tag, _) = self { return tag }
        return nil
    }

    /// The text of a scalar; `nil` for null, lists and maps.
    public var string: String? {
        if case let .string(text) = untagged { return text }
        return nil
    }

    /// The items of a list.
    public var list: [YAML]? {
        if case let .list(items) = untagged { return items }
        return nil
    }

    /// The pairs of a map.
    public var pairs: [YAMLPair]? {
        if case let .map(pairs) = untagged { return pairs }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool { untagged == .null }

    /// The value under `key` in a map; `nil` when absent or not a map.
    public subscript(key: String) -> YAML? {
        pairs?.first { $0.key == key }?.value
    }

    /// The keys of a map, in order.
    public var keys: [String] { pairs?.map(\.key) ?? [] }
}

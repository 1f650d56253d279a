/// One `key: value` entry of a YAML mapping.
public struct YAMLPair: Equatable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: YAML

    /// A pair.
    public init(_ key: String, _ value: YAML) {
        self.key = key
        self.value = value
    }
}

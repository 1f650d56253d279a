/// A name and a value: a ConfigMap entry or a dependent environment variable.
public struct KeyValueContext: Encodable, Hashable, Sendable {
    /// The variable name.
    public var name: String
    /// The value.
    public var value: String
}

/// One checkov in-line skip, written as the annotation `checkov.io/skipN: ID=reason`.
public struct SkipContext: Encodable, Hashable, Sendable {
    /// The annotation's number, from 1.
    public var index: Int
    /// The check id, for example `CKV_K8S_43`.
    public var id: String
    /// Why the check does not fit, and what would make it pass.
    public var reason: String
    /// The annotation's value, `ID=reason`.
    public var value: String
}

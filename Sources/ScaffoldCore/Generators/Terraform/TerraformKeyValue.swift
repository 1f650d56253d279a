/// One entry of a single-line HCL map in a tfvars file: `{ "LOG_LEVEL" = "info", ... }`.
///
/// Maps whose keys come from the blueprint stay on one line so that `terraform fmt` has no
/// `=` signs to align; `last` tells the template where the separating comma ends.
public struct TerraformKeyValue: Encodable, Hashable, Sendable {
    /// The key, for example a variable name.
    public var key: String
    /// The value, always a string.
    public var value: String
    /// True for the final entry.
    public var last: Bool

    /// Entries for `pairs`, in the order given.
    static func list(_ pairs: [(String, String)]) -> [TerraformKeyValue] {
        pairs.enumerated().map { index, pair in
            TerraformKeyValue(key: pair.0, value: pair.1, last: index == pairs.count - 1)
        }
    }
}

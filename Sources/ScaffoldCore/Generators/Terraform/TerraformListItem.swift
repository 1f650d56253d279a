/// One string of a single-line HCL list in a tfvars file: `["uvicorn", "app:app"]`.
public struct TerraformListItem: Encodable, Hashable, Sendable {
    /// The string.
    public var value: String
    /// True for the final item, so the template knows where the separating comma ends.
    public var last: Bool

    /// Items for `values`, in the order given.
    static func list(_ values: [String]) -> [TerraformListItem] {
        values.enumerated().map { index, value in
            TerraformListItem(value: value, last: index == values.count - 1)
        }
    }
}

/// One dev container feature (`ghcr.io/devcontainers/features/terraform:1`) with its options.
struct DevContainerFeature: Encodable {
    /// The feature id.
    var id: String
    /// Its options, sorted by name.
    var options: [DevContainerKeyValue]
    /// Whether it has any option.
    var hasOptions: Bool
    /// Whether it is the last feature (no comma after it).
    var last: Bool
}

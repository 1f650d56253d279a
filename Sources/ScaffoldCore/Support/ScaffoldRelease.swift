/// The release of scaffold this code is: generated files that install scaffold (the drift gate)
/// name it, so a project's gate builds the scaffold that rendered it.
public enum ScaffoldRelease {
    /// The version string, for example `0.1.0`.
    public static let version = "0.1.0"
    /// The git tag of this release in scaffold's repository.
    public static var tag: String { "v\(version)" }
}

import ScaffoldCore

/// scaffold's version, part of the blueprint cache key and printed by `--version`.
public enum ScaffoldVersion {
    /// The version string.
    public static let current = ScaffoldRelease.version
}

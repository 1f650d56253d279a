/// A CPU architecture the built images are published for.
public enum Architecture: String, Codable, Hashable, Sendable, CaseIterable {
    /// x86-64 (`linux/amd64`).
    case amd64
    /// 64-bit ARM (`linux/arm64`): Graviton, Ampere, Apple silicon.
    case arm64

    /// The OCI platform name, for example `linux/arm64`.
    public var platform: String { "linux/\(rawValue)" }
}

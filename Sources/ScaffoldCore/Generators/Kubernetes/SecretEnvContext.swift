/// An environment variable read from a key of the project's Secret, which scaffold never fills.
public struct SecretEnvContext: Encodable, Hashable, Sendable {
    /// The variable name, for example `POSTGRES_PASSWORD`.
    public var name: String
    /// The key in the Secret, for example `postgres-password`.
    public var key: String
    /// The Secret's name, `<project>-secrets`.
    public var secretName: String
}

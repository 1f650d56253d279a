/// A secret, named but never valued in the blueprint.
///
/// The name is the environment variable the service reads. Its value lives in the platform's secret
/// store: a `.env` file locally, a Kubernetes Secret, AWS Secrets Manager, GCP Secret Manager or
/// Azure Key Vault. scaffold only ever writes references to it.
public struct Secret: Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The environment variable name, for example `OPENAI_API_KEY`.
    public var name: String
    /// The secret's id in the cloud secret store, if it differs from `name`.
    public var key: String?
    /// Environments that need the secret; `nil` means all environments the service runs in.
    public var environments: [String]?
    /// A one-line description, shown in `.env.example` and the deploy guide.
    public var description: String?

    /// A secret read from the variable and secret-store key `name`.
    public init(stringLiteral value: String) {
        self.name = value
    }

    /// A secret with an explicit store key, environments or description.
    public static func secret(_ name: String, key: String? = nil, environments: [Environment]? = nil, description: String? = nil) -> Secret {
        var secret = Secret(stringLiteral: name)
        secret.key = key
        secret.environments = environments?.map(\.name)
        secret.description = description
        return secret
    }
}

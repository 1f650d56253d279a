import BlueprintDescription

/// One cloud scaffold writes Terraform for, with the folder and templates of its configuration.
public enum TerraformCloud: String, CaseIterable, Encodable, Sendable {
    /// AWS ECS on Fargate.
    case aws
    /// Google Cloud Run v2.
    case gcp
    /// Azure Container Apps.
    case azure

    /// The target platform that selects this cloud.
    public var platform: Target.Platform {
        switch self {
        case .aws: return .ecsFargate
        case .gcp: return .cloudRun
        case .azure: return .containerApps
        }
    }

    /// The cloud's name in notes, for example `Google Cloud`.
    public var displayName: String {
        switch self {
        case .aws: return "AWS"
        case .gcp: return "Google Cloud"
        case .azure: return "Azure"
        }
    }

    /// The container platform's name in notes, for example `Cloud Run`.
    public var platformName: String {
        switch self {
        case .aws: return "ECS Fargate"
        case .gcp: return "Cloud Run"
        case .azure: return "Container Apps"
        }
    }

    /// Where the services on this cloud read the secret `key` of `environment`, as the user must
    /// create it: `shop/production/stripe-key` in Secrets Manager, `shop-production-stripe-key`
    /// in Secret Manager, `stripe-key` in the environment's Key Vault.
    public func secretLocation(key: String, project: String, environment: String) -> String {
        switch self {
        case .aws: return "AWS Secrets Manager `\(project)/\(environment)/\(key)`"
        case .gcp: return "Secret Manager `\(project)-\(environment)-\(key)`"
        case .azure: return "Key Vault `\(Self.keyVaultName(project: project, environment: environment))`, secret `\(key)`"
        }
    }

    /// The Key Vault of an environment on Azure: `kv-` and up to 20 letters and digits.
    public static func keyVaultName(project: String, environment: String) -> String {
        "kv-" + String("\(project)-\(environment)".filter { $0 != "-" }.prefix(20))
    }

    /// The configuration's folder in a project, for example `deploy/terraform/aws`.
    public var folder: String { "deploy/terraform/\(rawValue)" }

    /// The `.tf` files of the configuration that every stack has, by stem (`main` → `main.tf`).
    var baseFiles: [String] {
        switch self {
        case .aws: return ["versions", "providers", "variables", "network", "ecr", "ecs", "secrets", "outputs"]
        case .gcp: return ["versions", "providers", "variables", "apis", "registry", "run", "secrets", "outputs"]
        case .azure: return ["versions", "providers", "variables", "main", "registry", "apps", "secrets", "outputs"]
        }
    }
}

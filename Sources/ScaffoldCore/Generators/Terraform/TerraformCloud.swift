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

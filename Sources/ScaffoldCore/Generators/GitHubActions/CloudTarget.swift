import BlueprintDescription

/// A cloud target of one environment, deployed with the Terraform under `deploy/terraform/<cloud>`.
struct CloudTarget: Encodable {
    /// `aws`, `gcp` or `azure`: the Terraform folder.
    var cloud: String
    /// `deploy/terraform/<cloud>`.
    var directory: String
    /// The environment's tfvars, relative to `directory`.
    var varFile: String
    /// The environment's partial backend configuration, relative to `directory`.
    var backendConfig: String
    /// The AWS region, GCP region or Azure location.
    var region: String
    /// The GCP project id (empty elsewhere).
    var project: String

    /// The target `target` for `environment`.
    init(_ target: Target, environment: String) {
        switch target.platform {
        case .ecsFargate: cloud = "aws"
        case .cloudRun: cloud = "gcp"
        case .containerApps: cloud = "azure"
        case .kubernetes: cloud = "kubernetes"
        }
        directory = "deploy/terraform/\(cloud)"
        varFile = "environments/\(environment).tfvars"
        backendConfig = "environments/\(environment).backend.hcl"
        region = target.region ?? ""
        project = target.project ?? ""
    }
}

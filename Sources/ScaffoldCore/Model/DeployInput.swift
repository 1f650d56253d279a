import BlueprintDescription

/// A value a deploy needs that Blueprint.swift doesn't hold because only the people deploying
/// know it: the role CI assumes in an account, a certificate issued for the project's hosts, a
/// cluster's name. Each is a variable or secret of the GitHub environment the deploy job runs in.
///
/// One list feeds every place that names them, so they can't drift apart: the deploy workflow
/// reads them (and stops before touching a cloud when one is empty), passes the Terraform ones as
/// `TF_VAR_<variable>`, README.Deploy.md lists them per environment as a checklist, and the
/// generated `terraform test` sets exactly the Terraform ones.
public struct DeployInput: Hashable, Sendable, Encodable {
    /// What the value is for; the templates spell out what each one holds.
    public enum Purpose: String, CaseIterable, Hashable, Sendable, Encodable {
        /// `AWS_DEPLOY_ROLE_ARN`: the IAM role the deploy assumes through GitHub's OIDC provider.
        case awsDeployRole
        /// `AWS_CERTIFICATE_ARN`: the ACM certificate of the load balancer's HTTPS listener.
        case awsCertificate
        /// `AWS_REGION`: the region of an EKS cluster.
        case awsRegion
        /// `EKS_CLUSTER_NAME`: the EKS cluster to deploy to.
        case eksCluster
        /// `GCP_WORKLOAD_IDENTITY_PROVIDER`: the workload identity provider trusting GitHub.
        case gcpWorkloadIdentityProvider
        /// `GCP_SERVICE_ACCOUNT`: the service account the deploy impersonates.
        case gcpServiceAccount
        /// `GCP_PROJECT_ID`: the project of a GKE cluster.
        case gcpProject
        /// `GKE_CLUSTER_NAME`: the GKE cluster to deploy to.
        case gkeCluster
        /// `GKE_LOCATION`: the GKE cluster's region or zone.
        case gkeLocation
        /// `AZURE_CLIENT_ID`: the app registration (or managed identity) with a federated credential.
        case azureClientID
        /// `AZURE_TENANT_ID`: its Entra ID tenant.
        case azureTenantID
        /// `AZURE_SUBSCRIPTION_ID`: the subscription the deploy works in.
        case azureSubscriptionID
        /// `AKS_RESOURCE_GROUP`: the resource group of an AKS cluster.
        case aksResourceGroup
        /// `AKS_CLUSTER_NAME`: the AKS cluster to deploy to.
        case aksCluster
        /// `KUBECONFIG`: a kubeconfig for a cluster scaffold has no OIDC route to.
        case kubeconfig
    }

    /// Where GitHub keeps the value.
    public enum Store: String, Hashable, Sendable, Encodable {
        /// A variable (`vars.NAME`): not sensitive, shown in logs.
        case variable
        /// A secret (`secrets.NAME`): masked in logs.
        case secret
    }

    /// The GitHub variable or secret name, for example `AWS_CERTIFICATE_ARN`.
    public var name: String
    /// Variable or secret.
    public var store: Store
    /// What it is for.
    public var purpose: Purpose
    /// The Terraform variable the deploy passes it as (`TF_VAR_<variable>`), if it is one.
    public var terraformVariable: String?
    /// The region it belongs to (the certificate's), empty when none.
    public var region: String
    /// The public hosts it must cover (the certificate's), empty when none.
    public var hosts: [String]
    /// Whether the deploy runs one-off jobs with this credential itself (beyond what Terraform
    /// manages), so its permissions must allow that too.
    public var runsJobs: Bool = false

    /// The GitHub variable holding the AWS certificate ARN, which the Terraform messages name too.
    public static let awsCertificateName = "AWS_CERTIFICATE_ARN"

    /// An input without region or hosts.
    init(_ name: String, _ purpose: Purpose, store: Store = .variable, terraformVariable: String? = nil, region: String = "", hosts: [String] = []) {
        self.name = name
        self.store = store
        self.purpose = purpose
        self.terraformVariable = terraformVariable
        self.region = region
        self.hosts = hosts
    }

    /// A syntactically valid value a `terraform test` run sets for a Terraform input, standing in
    /// for the one README.Deploy.md asks the user to set; nil for inputs Terraform doesn't read.
    public var testValue: String? {
        switch purpose {
        case .awsCertificate:
            return "arn:aws:acm:\(region.isEmpty ? "us-east-1" : region):123456789012:certificate/00000000-0000-0000-0000-000000000000"
        default:
            return nil
        }
    }
}

extension ResolvedProject {
    /// The hosts served in public from `environment` by services that run there as containers
    /// with a port (the ones a load balancer or public URL serves), in declaration order.
    public func publicHosts(in environment: String) -> [String] {
        runningServices(in: environment).compactMap { service in
            guard service.port != nil else { return nil }
            return service.instance(in: environment)?.host
        }
    }

    /// The TLS certificate the AWS targets name (`Security.certificate`), the first one set, if any.
    public var awsCertificate: String? {
        targets(.ecsFargate).compactMap(\.security.certificate).first { !$0.isEmpty }
    }

    /// True when a deploy of `environment` to AWS needs a certificate from the user: it serves a
    /// public host there and Blueprint.swift names no certificate.
    public func needsAWSCertificateInput(in environment: String) -> Bool {
        let aws = targets(.ecsFargate).contains { $0.environments.contains(environment) }
        return aws && awsCertificate == nil && !publicHosts(in: environment).isEmpty
    }

    /// Everything a deploy of `environment` needs from its GitHub environment, without repeats,
    /// in the order the deploy job uses them: clouds in target order, then clusters.
    public func deployInputs(in environment: String) -> [DeployInput] {
        var inputs: [DeployInput] = []
        func add(_ input: DeployInput) {
            if !inputs.contains(where: { $0.name == input.name }) { inputs.append(input) }
        }
        /// A cloud's credential, which runs the environment's one-off jobs when it has any.
        func runner(_ name: String, _ purpose: DeployInput.Purpose) -> DeployInput {
            var input = DeployInput(name, purpose)
            input.runsJobs = runningServices(in: environment).contains(where: \.isJob)
            return input
        }
        let here = targets.filter { $0.environments.contains(environment) }
        for target in here {
            switch target.platform {
            case .ecsFargate:
                add(runner("AWS_DEPLOY_ROLE_ARN", .awsDeployRole))
                if needsAWSCertificateInput(in: environment) {
                    add(DeployInput(DeployInput.awsCertificateName, .awsCertificate, terraformVariable: "certificate_arn",
                                    region: target.region ?? "", hosts: publicHosts(in: environment)))
                }
            case .cloudRun:
                add(DeployInput("GCP_WORKLOAD_IDENTITY_PROVIDER", .gcpWorkloadIdentityProvider))
                add(runner("GCP_SERVICE_ACCOUNT", .gcpServiceAccount))
            case .containerApps:
                add(runner("AZURE_CLIENT_ID", .azureClientID))
                add(DeployInput("AZURE_TENANT_ID", .azureTenantID))
                add(DeployInput("AZURE_SUBSCRIPTION_ID", .azureSubscriptionID))
            case .kubernetes:
                continue
            }
        }
        for target in here where target.platform == .kubernetes {
            switch target.cluster ?? "any" {
            case "eks":
                add(DeployInput("AWS_DEPLOY_ROLE_ARN", .awsDeployRole))
                add(DeployInput("AWS_REGION", .awsRegion))
                add(DeployInput("EKS_CLUSTER_NAME", .eksCluster))
            case "gke":
                add(DeployInput("GCP_WORKLOAD_IDENTITY_PROVIDER", .gcpWorkloadIdentityProvider))
                add(DeployInput("GCP_SERVICE_ACCOUNT", .gcpServiceAccount))
                add(DeployInput("GKE_CLUSTER_NAME", .gkeCluster))
                add(DeployInput("GKE_LOCATION", .gkeLocation))
                add(DeployInput("GCP_PROJECT_ID", .gcpProject))
            case "aks":
                add(DeployInput("AZURE_CLIENT_ID", .azureClientID))
                add(DeployInput("AZURE_TENANT_ID", .azureTenantID))
                add(DeployInput("AZURE_SUBSCRIPTION_ID", .azureSubscriptionID))
                add(DeployInput("AKS_RESOURCE_GROUP", .aksResourceGroup))
                add(DeployInput("AKS_CLUSTER_NAME", .aksCluster))
            default:
                add(DeployInput("KUBECONFIG", .kubeconfig, store: .secret))
            }
        }
        return inputs
    }
}

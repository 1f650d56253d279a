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
    /// Terraform variables the apply steps pass from the GitHub environment (`TF_VAR_<variable>`).
    var terraformInputs: [TerraformInput]
    /// The `.job`s of the environment, each after the jobs it depends on: the deploy applies
    /// with the services held at their running image, runs these to completion, then moves the
    /// services.
    var jobs: [DeployTask] = []
    /// The project name, which prefixes the cloud's resource names (log groups, jobs).
    var projectName: String
    /// True when `jobs` is not empty.
    var hasJobs: Bool = false

    /// One Terraform variable read from a GitHub environment variable.
    struct TerraformInput: Encodable {
        /// The Terraform variable, for example `certificate_arn`.
        var variable: String
        /// The GitHub variable, for example `AWS_CERTIFICATE_ARN`.
        var name: String
    }

    /// The target `target` for `environment`, passing the Terraform ones of `inputs`.
    init(_ target: Target, environment: String, project: ResolvedProject, inputs: [DeployInput] = []) {
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
        self.project = target.project ?? ""
        terraformInputs = target.platform == .ecsFargate
            ? inputs.compactMap { input in input.terraformVariable.map { TerraformInput(variable: $0, name: input.name) } }
            : []
        projectName = project.name
        let running = project.runningServices(in: environment).filter(\.isJob)
        let byName = Dictionary(running.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        jobs = Self.jobOrder(running, in: environment).compactMap { byName[$0].map(DeployTask.init) }
        hasJobs = !jobs.isEmpty
    }

    /// The names of `jobs` in Blueprint.swift's order, except that a job comes after the jobs it
    /// depends on (the resolver has refused cycles).
    static func jobOrder(_ jobs: [ResolvedService], in environment: String) -> [String] {
        let names = Set(jobs.map(\.name))
        var ordered: [String] = []
        var pending = jobs
        while !pending.isEmpty {
            let index = pending.firstIndex { job in (job.instance(in: environment)?.dependsOn ?? []).allSatisfy { !names.contains($0) || ordered.contains($0) } } ?? 0
            ordered.append(pending.remove(at: index).name)
        }
        return ordered
    }
}

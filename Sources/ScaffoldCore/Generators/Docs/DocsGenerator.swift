/// `README.Deploy.md`: how to run each environment, what every generated file is, how to change
/// it (edit Blueprint.swift, run `scaffold regen`) and which secrets to set where; and next to it
/// `docs/deployment/environment-variables.md` and `troubleshooting.md`.
public struct DocsGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "docs" }

    /// The generators whose files the guide lists.
    public var documented: [any ArtifactGenerator]

    /// A guide listing the files of `documented`.
    public init(documenting documented: [any ArtifactGenerator]) {
        self.documented = documented
    }

    /// Families the guide has a paragraph for; any other family is listed with its files only.
    static let knownFamilies = ["containers", "compose", "scripts", "kubernetes", "helm", "terraform", "github_actions", "devcontainer"]

    struct Family: Encodable {
        var name: String
        var files: [String]
        var flags: [String: Bool]
    }
    struct Secret: Encodable { var name: String; var key: String; var services: String }
    /// One GitHub variable or secret on an environment's checklist; `purpose` has a flag per
    /// `DeployInput.Purpose`, true for this one's, so the template spells what it holds.
    struct Input: Encodable {
        var name: String
        var purpose: [String: Bool]
        var region: String
        var hosts: [ListItem]
        var environmentName: String
        /// Whether the deploy runs one-off jobs with this credential, beyond what Terraform manages.
        var runsJobs: Bool
    }
    /// A remote-state store to create once, before the first `terraform init`.
    struct StateStore: Encodable {
        var aws: Bool
        var gcp: Bool
        var azure: Bool
        var bucket: String
        var region: String
        var resourceGroup: String
        var backendConfig: String
    }
    /// The secrets of one cloud's secret store that Terraform doesn't create, by their full names there.
    struct SecretStore: Encodable {
        var aws: Bool
        var gcp: Bool
        var azure: Bool
        var region: String
        var vault: String
        var names: [ListItem]
    }
    /// What to set up before an environment's first deploy.
    /// The `kubectl` and `helm` commands of one Kubernetes environment.
    struct KubernetesSetup: Encodable {
        struct Key: Encodable { var name: String; var key: String; var last: Bool }
        var environment: String
        var namespace: String
        var secretName: String
        var keys: [Key]
        var hasKeys: Bool
        var release: String
        var chart: String
        /// The services whose image the deploy sets (built in this project).
        var images: [ListItem]
    }

    struct Checklist: Encodable {
        var variables: [Input]
        var hasVariables: Bool
        var secrets: [Input]
        var hasSecrets: Bool
        var stateStores: [StateStore]
        var hasStateStores: Bool
        var secretStores: [SecretStore]
    }
    struct Environment: Encodable {
        var name: String
        var aliases: String
        var development: Bool
        var deployed: Bool
        var branch: String
        var approval: Bool
        var platforms: String
        var aws: Bool
        var gcp: Bool
        var azure: Bool
        var kubernetes: Bool
        var secrets: [Secret]
        var hasSecrets: Bool
        var services: String
        /// GitHub secrets holding the webhooks deploys are reported to.
        var notifySecrets: [ListItem]
        var checklist: Checklist
        var hasChecklist: Bool
        /// The cluster's one-time setup, when the environment deploys to Kubernetes (zero or one).
        var kubernetesSetup: [KubernetesSetup]
        /// The public host names served here, which need DNS records and certificates.
        var hosts: [ListItem]
        /// The `.cron` tasks compose runs here from the host's crontab.
        var scheduled: [ScheduledTask] = []
        /// True when `scheduled` is not empty.
        var hasScheduled: Bool = false
        /// The `.job`s a deploy here runs before it moves the services, as `` `migrate` `` text.
        var deployJobs: String = ""
        /// True when the environment deploys and has `.job`s.
        var hasDeployJobs: Bool = false
        /// True when it deploys to a cloud (the two-phase Terraform apply).
        var jobsOnCloud: Bool = false
        /// True when it deploys to Kubernetes (jobs applied and waited for first).
        var jobsOnKubernetes: Bool = false
    }
    /// A crontab line that runs a `.cron` task with compose.
    struct ScheduledTask: Encodable {
        var name: String
        var schedule: String
        var environment: String
    }
    struct Context: Encodable {
        var project: String
        var summary: String
        var environments: [Environment]
        var families: [Family]
        var registry: String
        var notes: [String]
        var hasNotes: Bool
        /// Whether any environment has a checklist.
        var hasAnyChecklist: Bool
        /// Whether the GitHub Actions family publishes images (the promotion section applies).
        var publishesImages: Bool
        var hasTerraformTests: Bool
        /// The scaffold release the drift gate builds by default.
        var scaffoldTag: String
    }

    /// The guide.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        var families: [Family] = []
        for generator in documented {
            let paths = try generator.memoizedPaths(for: project).sorted()
            guard !paths.isEmpty else { continue }
            let key = generator.family.replacingOccurrences(of: "-", with: "_")
            var flags = Dictionary(uniqueKeysWithValues: Self.knownFamilies.map { ($0, false) })
            flags[key] = true
            families.append(Family(name: generator.family, files: paths, flags: flags))
        }
        var environments = project.environments.map { environment -> Environment in
            var secrets: [String: (key: String, services: [String])] = [:]
            // Only services that run here as containers read secrets; a cloud-managed one (its
            // password included) is provisioned by Terraform instead.
            for service in project.runningServices(in: environment.name) {
                for variable in service.instance(in: environment.name)?.secrets ?? [] {
                    guard let secret = variable.secret else { continue }
                    secrets[secret.name, default: (secret.key, [])].services.append(service.name)
                }
            }
            let list = secrets.keys.sorted().map { Secret(name: $0, key: secrets[$0]!.key, services: secrets[$0]!.services.joined(separator: ", ")) }
            let checklist = Self.checklist(project, environment: environment)
            return Environment(
                name: environment.name, aliases: environment.alias ?? "", development: environment.isDevelopment,
                deployed: environment.branch != nil && !environment.platforms.isEmpty, branch: environment.branch ?? "",
                approval: environment.requiresApproval,
                platforms: environment.platforms.map(\.rawValue).joined(separator: ", "),
                aws: environment.platforms.contains(.ecsFargate), gcp: environment.platforms.contains(.cloudRun),
                azure: environment.platforms.contains(.containerApps), kubernetes: environment.platforms.contains(.kubernetes),
                secrets: list, hasSecrets: !list.isEmpty,
                services: project.services.filter { $0.instance(in: environment.name) != nil }.map { service in
                    service.instance(in: environment.name)?.managed == true ? "\(service.name) (cloud-managed)" : service.name
                }.joined(separator: ", "),
                notifySecrets: ListItem.list(project.notify.map(\.secret)),
                checklist: checklist, hasChecklist: !environment.platforms.isEmpty,
                kubernetesSetup: environment.platforms.contains(.kubernetes) ? [Self.kubernetesSetup(project, environment: environment.name, secrets: list)] : [],
                hosts: ListItem.list(Array(Set(project.services.compactMap { $0.instance(in: environment.name)?.host })).sorted()))
        }
        for index in environments.indices {
            let name = environments[index].name
            environments[index].scheduled = project.runningServices(in: name).filter(\.isCron).map {
                ScheduledTask(name: $0.name, schedule: $0.schedule ?? "", environment: name)
            }
            environments[index].hasScheduled = !environments[index].scheduled.isEmpty
            let jobs = project.runningServices(in: name).filter(\.isJob).map { "`\($0.name)`" }
            environments[index].deployJobs = jobs.joined(separator: ", ")
            environments[index].hasDeployJobs = environments[index].deployed && !jobs.isEmpty
            let platforms = project.environment(named: name)?.platforms ?? []
            environments[index].jobsOnCloud = platforms.contains { $0 != .kubernetes }
            environments[index].jobsOnKubernetes = platforms.contains(.kubernetes)
        }
        let notes = Pipeline(generators: documented).notes(for: project).map(\.line)
        return [try RenderRequest(template: "docs/README.Deploy.md", path: "README.Deploy.md", context: Context(
            project: project.name, summary: project.summary, environments: environments, families: families, registry: project.registry,
            notes: notes, hasNotes: !notes.isEmpty, hasAnyChecklist: environments.contains { $0.hasChecklist },
            publishesImages: families.contains { $0.name == "github-actions" && $0.files.contains(".github/workflows/images.yml") },
            hasTerraformTests: families.contains { $0.files.contains { $0.hasSuffix(".tftest.hcl") } },
            scaffoldTag: ScaffoldRelease.tag))]
            + (try ReferenceDocs.requests(for: project))
    }

    /// The namespace, Secret and Helm release of `environment` on its cluster.
    static func kubernetesSetup(_ project: ResolvedProject, environment: String, secrets: [Secret]) -> KubernetesSetup {
        var seen = Set<String>()
        let keys = secrets.filter { seen.insert($0.key).inserted }
        let built = project.services.filter { $0.build != nil && $0.instance(in: environment) != nil }.map(\.name)
        return KubernetesSetup(
            environment: environment, namespace: "\(project.name)-\(environment)", secretName: "\(project.name)-secrets",
            keys: keys.enumerated().map { KubernetesSetup.Key(name: $0.element.name, key: $0.element.key, last: $0.offset == keys.count - 1) },
            hasKeys: !keys.isEmpty, release: project.name, chart: "deploy/helm/\(project.name)", images: ListItem.list(built))
    }

    /// The GitHub settings and state stores `environment` needs before its first deploy.
    static func checklist(_ project: ResolvedProject, environment: ResolvedEnvironment) -> Checklist {
        let inputs = project.deployInputs(in: environment.name)
        func item(_ input: DeployInput) -> Input {
            Input(name: input.name,
                  purpose: Dictionary(uniqueKeysWithValues: DeployInput.Purpose.allCases.map { ($0.rawValue, $0 == input.purpose) }),
                  region: input.region, hosts: ListItem.list(input.hosts), environmentName: environment.name,
                  runsJobs: input.runsJobs)
        }
        let variables = inputs.filter { $0.store == .variable }.map(item)
        let secrets = inputs.filter { $0.store == .secret }.map(item)
        var stores: [StateStore] = []
        var secretStores: [SecretStore] = []
        // Keys the services read here, without the connection URLs Terraform writes for managed services.
        let managedKeys = Set(project.services.filter { $0.instance(in: environment.name)?.managed == true }.map { "\($0.name)-url" })
        let keys = Set(project.runningServices(in: environment.name).flatMap { service in
            (service.instance(in: environment.name)?.secrets ?? []).compactMap(\.secret?.key)
        }).subtracting(managedKeys).sorted()
        let stem = "\(project.name)-\(environment.name)"
        for cloud in TerraformCloud.allCases {
            guard let target = project.targets(cloud.platform).first(where: { $0.environments.contains(environment.name) }) else { continue }
            let state = TerraformGenerator.stateLocation(project: project.name, environment: environment.name, cloud: cloud, gcpProject: target.project ?? "")
            stores.append(StateStore(
                aws: cloud == .aws, gcp: cloud == .gcp, azure: cloud == .azure,
                bucket: state.bucket, region: target.region ?? "", resourceGroup: state.resourceGroup,
                backendConfig: "\(cloud.folder)/environments/\(environment.name).backend.hcl"))
            guard !keys.isEmpty else { continue }
            // The names secrets.tf of each cloud looks up.
            let names: [String]
            switch cloud {
            case .aws: names = keys.map { "\(project.name)/\(environment.name)/\($0)" }
            case .gcp: names = keys.map { "\(stem)-\($0)" }
            case .azure: names = keys
            }
            secretStores.append(SecretStore(
                aws: cloud == .aws, gcp: cloud == .gcp, azure: cloud == .azure, region: target.region ?? "",
                vault: TerraformCloud.keyVaultName(project: project.name, environment: environment.name), names: ListItem.list(names)))
        }
        return Checklist(variables: variables, hasVariables: !variables.isEmpty, secrets: secrets, hasSecrets: !secrets.isEmpty,
                         stateStores: stores, hasStateStores: !stores.isEmpty || !secretStores.isEmpty, secretStores: secretStores)
    }
}

import BlueprintDescription

/// Terraform for the clouds the blueprint targets: `deploy/terraform/aws` (ECS Fargate),
/// `deploy/terraform/gcp` (Cloud Run v2) and `deploy/terraform/azure` (Container Apps).
///
/// Each configuration is one set of `.tf` files shared by all its environments, plus per
/// environment a `environments/<env>.tfvars` holding every value that differs (services,
/// replicas, autoscaling, sizes, image tag, managed backing services) and a partial backend
/// configuration `environments/<env>.backend.hcl`. The `.tf` files iterate over the maps in the
/// tfvars, so a change to one environment touches only that environment's file (and, on AWS, the
/// expectations `tests/plan.tftest.hcl` restates for it).
public struct TerraformGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "terraform" }

    /// A generator.
    public init() {}

    /// The files of every cloud the blueprint targets.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        try TerraformCloud.allCases.flatMap { cloud in try requests(for: project, cloud: cloud) }
    }

    /// The files of one cloud, or none when no target deploys it.
    func requests(for project: ResolvedProject, cloud: TerraformCloud) throws -> [RenderRequest] {
        let targets = project.targets(cloud.platform)
        let environments = project.environments.filter { environment in
            targets.contains { $0.environments.contains(environment.name) }
        }
        guard !environments.isEmpty else { return [] }
        let security = TerraformSecurityValues(targets)
        var contexts = environments.map { environment in
            let target = targets.first { $0.environments.contains(environment.name) } ?? targets[0]
            return environmentContext(project, environment: environment, target: target, cloud: cloud, security: security)
        }
        var stack = TerraformStackContext(
            cloud: cloud, project: project.name,
            environments: TerraformListItem.list(environments.map(\.name)),
            hasBuilt: contexts.contains { $0.services.contains(where: \.built) },
            hasPublic: contexts.contains { $0.services.contains(where: \.isPublic) },
            hasDatabases: contexts.contains(where: \.hasDatabases),
            hasPostgres: contexts.contains { $0.databases.contains { $0.engine == "postgres" } },
            hasMySQL: contexts.contains { $0.databases.contains { $0.engine == "mysql" } },
            hasCaches: contexts.contains(where: \.hasCaches),
            hasQueues: contexts.contains(where: \.hasQueues),
            hasMonitoring: contexts.contains { !$0.monitoring.isEmpty },
            hasManaged: contexts.contains { $0.hasDatabases || $0.hasCaches },
            hasServiceURLs: contexts.contains { $0.services.contains(where: \.hasServiceURLs) },
            runBlocks: contexts.contains { $0.services.contains(where: \.hasServiceURLs) }
                ? [TerraformRunBlock(readsURLs: false), TerraformRunBlock(readsURLs: true)] : [TerraformRunBlock(readsURLs: false)],
            callerNames: TerraformListItem.list(Set(contexts.flatMap { $0.services.filter { $0.hasServiceURLs && $0.hasPort }.map(\.name) }).sorted()),
            security: security, certificateInput: DeployInput.awsCertificateName)
        stack.hasCron = contexts.contains { $0.services.contains(where: \.isCron) }

        stack.hasFileSystems = contexts.contains(where: \.hasFileSystems)
        stack.hasFiles = contexts.contains { !$0.files.isEmpty }
        for index in contexts.indices {
            contexts[index].stackHasFileSystems = stack.hasFileSystems
            contexts[index].stackHasFiles = stack.hasFiles
            contexts[index].stackHasManaged = stack.hasManaged
            contexts[index].stackHasMonitoring = stack.hasMonitoring
        }

        var files = cloud.baseFiles
        if stack.hasPublic && cloud == .aws { files.append("alb") }
        if stack.hasFileSystems { files.append(cloud == .aws ? "efs" : "volumes") }
        if stack.hasFiles { files.append("files") }
        if stack.hasManaged && cloud != .aws { files.append("network") }
        if stack.hasDatabases { files.append("database") }
        if stack.hasCaches { files.append("cache") }
        if stack.hasQueues { files.append("queue") }
        if stack.hasMonitoring { files.append("monitoring") }
        var requests = try files.sorted().map { file in
            try RenderRequest(template: "terraform/\(cloud.rawValue)/\(file).tf", path: "\(cloud.folder)/\(file).tf", context: stack)
        }
        if cloud == .aws {
            requests.append(try RenderRequest(template: "terraform/aws/tests/plan.tftest.hcl", path: "\(cloud.folder)/tests/plan.tftest.hcl",
                                              context: Self.testContext(project, environments: contexts)))
        }
        for context in contexts {
            let base = "\(cloud.folder)/environments/\(context.environment)"
            requests.append(try RenderRequest(template: "terraform/\(cloud.rawValue)/environment.tfvars", path: base + ".tfvars", context: context))
            requests.append(try RenderRequest(template: "terraform/\(cloud.rawValue)/backend.hcl", path: base + ".backend.hcl", context: context))
        }
        return requests
    }

    /// The storage account holding an environment's Azure Files shares: letters and digits of
    /// `<project><environment>`, at most 24 of them, ending in `files`.
    static func azureFilesAccount(project: String, environment: String) -> String {
        String("\(project)\(environment)".filter { $0.isLetter || $0.isNumber }.lowercased().prefix(19)) + "files"
    }

    /// The per-environment values of `environment` on `cloud`.
    func environmentContext(_ project: ResolvedProject, environment: ResolvedEnvironment, target: Target, cloud: TerraformCloud, security: TerraformSecurityValues) -> TerraformEnvironmentContext {
        let production = Self.isProduction(environment)
        var services: [TerraformServiceValues] = []
        var databases: [TerraformManagedValues] = []
        var caches: [TerraformManagedValues] = []
        var queues: [TerraformQueueValues] = []
        for service in project.services {
            guard let instance = service.instance(in: environment.name) else { continue }
            if instance.managed, service.preset == .queue {
                let senders = project.services.filter { sender in
                    sender.instance(in: environment.name).map { !$0.managed && $0.variables.contains { $0.name == Resolver.queueVariable(service.name) } } ?? false
                }.map(\.name)
                queues.append(TerraformQueueValues(
                    name: service.name, queueName: Resolver.queueName(service.name, project: project.name, environment: environment.name),
                    senders: TerraformListItem.list(senders)))
            } else if instance.managed {
                guard let preset = service.preset, let managed = Self.managedValues(service, preset: preset, project: project, production: production) else { continue }
                if preset == .redis { caches.append(managed) } else { databases.append(managed) }
            } else {
                services.append(Self.serviceValues(service, instance: Self.withQueues(instance, project: project, target: target)))
            }
        }
        let capacity = target.capacity ?? .onDemand
        let index = project.environments.firstIndex { $0.name == environment.name } ?? 0
        let state = Self.stateLocation(project: project.name, environment: environment.name, cloud: cloud, gcpProject: target.project ?? "")
        var context = TerraformEnvironmentContext(
            project: project.name, environment: environment.name, region: target.region ?? "",
            gcpProject: target.project ?? "", production: production,
            backupDays: production ? 14 : 7,
            zones: TerraformListItem.list(["a", "b"].map { (target.region ?? "") + $0 }),
            logRetentionDays: production ? 365 : 90,
            networkCIDR: "10.\(10 + index).0.0/16",
            services: services, hasServices: !services.isEmpty, hasPublic: services.contains(where: \.isPublic),
            databases: databases, hasDatabases: !databases.isEmpty,
            caches: caches, hasCaches: !caches.isEmpty, queues: queues, hasQueues: !queues.isEmpty,
            queueAccount: Resolver.azureQueueAccount(project: project.name, environment: environment.name),
            monitoring: target.monitoring.map { [TerraformMonitoringValues($0)] } ?? [], stackHasMonitoring: false, stackHasManaged: false,
            capacityBase: capacity.base, fargateWeight: capacity.fargateWeight, spotWeight: capacity.spotWeight,
            security: security,
            stateBucket: state.bucket, stateKey: state.key, stateResourceGroup: state.resourceGroup)
        // One file system per volume name: on ECS its access point acts as the first mounting
        // service's user (images scaffold builds run as 10001 and up; prebuilt ones as 1000); an
        // Azure Files share holds the largest size a service declares for it (10Gi if none).
        var fileSystems: [String: Int] = [:]
        var sizes: [String: Int] = [:]
        var order: [String] = []
        for (values, service) in zip(services, services.map { name in project.service(named: name.name) }) {
            for mount in values.fileSystemMounts where fileSystems[mount.name] == nil {
                fileSystems[mount.name] = service?.uid ?? 1000
                order.append(mount.name)
            }
            for volume in service?.instance(in: environment.name)?.volumes ?? [] where fileSystems[volume.source] != nil {
                sizes[volume.source] = max(sizes[volume.source] ?? 0, volume.size?.mebibytes ?? 10 * 1024)
            }
        }
        let names = order.sorted()
        context.fileSystems = names.map { name in
            TerraformFileSystem(name: name, uid: fileSystems[name] ?? 1000, quotaGiB: max(1, ((sizes[name] ?? 10 * 1024) + 1023) / 1024), last: name == names.last)
        }
        context.filesAccount = Self.azureFilesAccount(project: project.name, environment: environment.name)
        if cloud == .gcp {
            let sources = Dictionary(services.compactMap { project.service(named: $0.name)?.instance(in: environment.name) }
                .flatMap { $0.volumes.filter { $0.kind == .file } }.map { ($0.cloudFileName, $0.source) }, uniquingKeysWith: { first, _ in first })
            let names = sources.keys.sorted()
            context.files = names.map { TerraformFileSource(name: $0, source: sources[$0] ?? "", last: $0 == names.last) }
        }
        context.hasFileSystems = !order.isEmpty
        return context
    }

    /// `instance` with the queue variables of `target`'s cloud (one environment may deploy to several).
    static func withQueues(_ instance: ServiceInstance, project: ResolvedProject, target: Target) -> ServiceInstance {
        var adjusted = instance
        for queue in project.services where queue.preset == .queue && queue.instance(in: instance.environment) != nil {
            let names = Set([Resolver.queueVariable(queue.name), Resolver.queueVariable(queue.name) + "_URL"])
            guard adjusted.variables.contains(where: { names.contains($0.name) && $0.origin == .connection }) else { continue }
            adjusted.variables.removeAll { names.contains($0.name) && $0.origin == .connection }
            adjusted.variables += Resolver.queueVariables(queue.name, project: project.name, environment: instance.environment, target: target)
            adjusted.variables.sort { $0.name < $1.name }
        }
        return adjusted
    }

    /// True for an environment that gets production-grade settings: named `production` or
    /// gated by a reviewer.
    static func isProduction(_ environment: ResolvedEnvironment) -> Bool {
        environment.name == "production" || environment.alias == "prod" || environment.requiresApproval
    }

    /// Where the remote state lives: a bucket (storage account on Azure) per project and cloud,
    /// one key per environment.
    static func stateLocation(project: String, environment: String, cloud: TerraformCloud, gcpProject: String) -> (bucket: String, key: String, resourceGroup: String) {
        switch cloud {
        case .aws:
            return ("\(project)-terraform-state", "aws/\(environment)/terraform.tfstate", "")
        case .gcp:
            return ("\(gcpProject.isEmpty ? project : gcpProject)-terraform-state", "\(project)/\(environment)", "")
        case .azure:
            let letters = project.filter { $0.isLetter || $0.isNumber }
            return (String((letters + "tfstate").prefix(24)), "\(project)/\(environment).tfstate", "\(project)-tfstate")
        }
    }

    /// The expectations of the AWS `terraform test`: per environment the ECS services, their
    /// counts, public hosts, images, variables and secrets as Blueprint.swift resolves them, plus
    /// stand-ins for the Terraform inputs README.Deploy.md asks the user to set.
    static func testContext(_ project: ResolvedProject, environments: [TerraformEnvironmentContext]) -> TerraformTestContext {
        var inputs: [DeployInput] = []
        for environment in environments {
            for input in project.deployInputs(in: environment.environment) where input.terraformVariable != nil && !inputs.contains(where: { $0.name == input.name }) {
                inputs.append(input)
            }
        }
        let variables = inputs.compactMap { input in input.terraformVariable.flatMap { name in input.testValue.map { (name, $0) } } }
        var context = TerraformTestContext(
            region: environments.first?.region ?? "",
            variables: TerraformKeyValue.list(variables), hasVariables: !variables.isEmpty,
            inputNames: inputs.map(\.name).joined(separator: ", "),
            environments: environments.map { environment in
                let names = environment.services.filter(\.isService).map(\.name).sorted()
                var expected = TerraformTestContext.Environment(
                    name: environment.environment, serviceNames: TerraformListItem.list(names),
                    serviceList: names.joined(separator: ", "),
                    services: environment.services.map { service in
                        var expected = TerraformTestContext.Service(
                            environment: environment.environment, name: service.name, scaled: service.hasAutoscale,
                            replicas: service.replicas, min: service.autoscale?.min ?? service.replicas, max: service.autoscale?.max ?? service.replicas,
                            isPublic: service.isPublic, host: service.ingress?.host ?? "", port: service.port,
                            hasImage: !service.built, image: service.image,
                            hasPlain: service.connectEnvironment.hasEnvironment,
                            variableNames: TerraformListItem.list(service.connectEnvironment.environment.map(\.key).sorted()),
                            hasSecrets: service.hasSecrets, secretNames: TerraformListItem.list(service.secrets.map(\.key).sorted()),
                            urls: service.serviceURLs.map { url in
                                let address = service.connectEnvironment.environment.first { $0.key == url.key }?.value ?? ""
                                return TerraformTestContext.URL(variable: url.key, target: url.service, pair: "\(url.key)=\(address)")
                            })
                        expected.isService = service.isService
                        expected.isJob = service.run == Service.Lifecycle.job.rawValue
                        expected.isCron = service.isCron
                        expected.schedule = service.awsSchedule
                        (expected.hasEntrypoint, expected.entrypoint) = (service.hasEntrypoint, service.entrypoint)
                        (expected.hasUser, expected.user) = (service.hasUser, service.user)
                        (expected.hasOpenFiles, expected.openFiles) = (service.hasOpenFiles, service.openFiles)
                        expected.fileSystemMounts = service.fileSystemMounts.map {
                            TerraformTestContext.Mount(environment: environment.environment, service: service.name, name: $0.name, path: $0.path)
                        }
                        return expected
                    },
                    hasPublic: environment.hasPublic,
                    hasCertificate: environment.security.hasCertificate, certificate: environment.security.certificate)
                expected.fileSystems = environment.fileSystems.map {
                    TerraformTestContext.FileSystem(environment: environment.environment, name: $0.name, uid: $0.uid)
                }
                return expected
            })
        context.stackHasPublic = environments.contains(where: \.hasPublic)
        context.hasJobs = environments.contains { $0.services.contains { $0.run == Service.Lifecycle.job.rawValue } }
        return context
    }
}

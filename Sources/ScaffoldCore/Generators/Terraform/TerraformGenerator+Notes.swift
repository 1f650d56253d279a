import BlueprintDescription

extension TerraformGenerator {
    /// What the Terraform of each targeted cloud can't express as the blueprint says it, per cloud:
    /// sizes rounded to the platform's, settings a platform has no place for, and steps left to
    /// the user (DNS, CA trust).
    public func notes(for project: ResolvedProject) -> [FidelityNote] {
        let host = HostSettingNotes.notes(project, family: family, platforms: [.ecsFargate, .cloudRun, .containerApps])
        return Array(Set(TerraformCloud.allCases.flatMap { cloud in notes(for: project, cloud: cloud) } + host)).sorted()
    }

    /// The notes of one cloud, or none when no target deploys it.
    func notes(for project: ResolvedProject, cloud: TerraformCloud) -> [FidelityNote] {
        let targets = project.targets(cloud.platform)
        let environments = project.environments.filter { environment in
            targets.contains { $0.environments.contains(environment.name) }
        }
        guard !environments.isEmpty else { return [] }
        let security = TerraformSecurityValues(targets)
        var notes = Self.sharingNotes(targets, environments: environments.map(\.name), cloud: cloud)
        notes += Self.securityNotes(security, cloud: cloud)
        for environment in environments {
            let target = targets.first { $0.environments.contains(environment.name) } ?? targets[0]
            let context = environmentContext(project, environment: environment, target: target, cloud: cloud, security: security)
            // Looked up once per environment, not once per service.
            let valuesByName = Dictionary(context.services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let jobs = Set(context.services.filter { $0.run == Service.Lifecycle.job.rawValue }.map(\.name))
            for service in project.services {
                guard let instance = service.instance(in: environment.name) else { continue }
                let note = { (message: String) in
                    FidelityNote(family: family, service: service.name, environment: environment.name, message: message)
                }
                if instance.managed, cloud == .azure, let queue = context.queues.first(where: { $0.name == service.name }) {
                    let others = context.services.map(\.name).filter { name in !queue.senders.contains { $0.value == name } }
                    if !others.isEmpty {
                        notes.append(note("the apps share one identity on Azure, so \(others.joined(separator: ", ")) may use the queue too, not only its dependents (Storage Queue Data Contributor on the environment's queue account)."))
                    }
                } else if instance.managed {
                    if let managed = (context.databases + context.caches).first(where: { $0.name == service.name }) {
                        notes += Self.managedNotes(service, managed: managed, environment: environment.name, cloud: cloud).map(note)
                    }
                } else if let values = valuesByName[service.name] {
                    notes += Self.serviceNotes(service, instance: instance, values: values, cloud: cloud, jobs: jobs).map(note)
                    notes += Self.serviceURLNotes(values, callees: valuesByName, cloud: cloud).map(note)
                }
            }
        }
        return notes
    }

    /// Several targets on one cloud: one configuration serves them, each environment keeps its
    /// target's region, and the first security option set applies to all.
    static func sharingNotes(_ targets: [Target], environments: [String], cloud: TerraformCloud) -> [FidelityNote] {
        guard targets.count > 1 else { return [] }
        var notes: [FidelityNote] = []
        let regions = environments.map { environment in
            let target = targets.first { $0.environments.contains(environment) } ?? targets[0]
            return "\(environment): \(target.region ?? "")"
        }
        notes.append(FidelityNote(family: "terraform", message: "\(targets.count) \(cloud.displayName) targets share one configuration in \(cloud.folder); each environment keeps its target's region in its tfvars (\(regions.joined(separator: ", ")))."))
        for environment in environments where targets.filter({ $0.environments.contains(environment) }).count > 1 {
            notes.append(FidelityNote(family: "terraform", environment: environment, message: "Several \(cloud.displayName) targets list this environment; the first one's region and settings are used."))
        }
        let options: [(String, (Security) -> String?)] = [
            ("accessLogBucket", \.accessLogBucket), ("certificate", \.certificate), ("kmsKey", \.kmsKey), ("wafACL", \.wafACL),
        ]
        for (name, pick) in options {
            let values = targets.map { pick($0.security) ?? "" }
            guard Set(values).count > 1, let chosen = values.first(where: { !$0.isEmpty }) else { continue }
            notes.append(FidelityNote(family: "terraform", message: "The \(cloud.displayName) targets set Security.\(name) differently; the shared configuration uses the first one set (\(chosen)) in every environment."))
        }
        return notes
    }

    /// Security options a cloud's configuration has no place for.
    static func securityNotes(_ security: TerraformSecurityValues, cloud: TerraformCloud) -> [FidelityNote] {
        var messages: [String] = []
        switch cloud {
        case .aws:
            break
        case .gcp:
            if security.hasWAF {
                messages.append("Security.wafACL is not applied on Google Cloud: Cloud Run is reached without a load balancer to attach a Cloud Armor policy to. Put an external HTTPS load balancer with the policy in front of the public services.")
            }
            if security.hasAccessLogBucket {
                messages.append("Security.accessLogBucket is not used on Google Cloud: Cloud Run writes request logs to Cloud Logging. Route them to a bucket with a log sink.")
            }
            if security.hasCertificate {
                messages.append("Security.certificate is not used on Google Cloud: Cloud Run serves Google-managed certificates for the hosts mapped to it.")
            }
        case .azure:
            if security.hasKMSKey {
                messages.append("Security.kmsKey is not applied on Azure: the registry, Key Vault secrets, databases and caches are encrypted with Microsoft-managed keys.")
            }
            if security.hasWAF {
                messages.append("Security.wafACL is not applied on Azure: Container Apps ingress has no WAF. Put Front Door or Application Gateway with the policy in front of the public services.")
            }
            if security.hasAccessLogBucket {
                messages.append("Security.accessLogBucket is not used on Azure: Container Apps logs go to the Log Analytics workspace.")
            }
            if security.hasCertificate {
                messages.append("Security.certificate is not used on Azure: bind each public host to its app as a custom domain with a managed certificate.")
            }
        }
        return messages.map { FidelityNote(family: "terraform", message: $0) }
    }

    /// What a managed backing service becomes on `cloud`, and what the user must add.
    static func managedNotes(_ service: ResolvedService, managed: TerraformManagedValues, environment: String, cloud: TerraformCloud) -> [String] {
        let product: String
        switch (cloud, managed.engine) {
        case (.aws, "redis"): product = "ElastiCache for Redis \(managed.awsVersion) on \(managed.awsSize)"
        case (.aws, "mysql"): product = "RDS for MySQL \(managed.awsVersion) on \(managed.awsSize)"
        case (.aws, _): product = "RDS for PostgreSQL \(managed.awsVersion) on \(managed.awsSize)"
        case (.gcp, "redis"): product = "Memorystore for Redis (\(managed.gcpVersion), \(managed.gcpSize) GiB)"
        case (.gcp, "mysql"): product = "Cloud SQL for MySQL (\(managed.gcpVersion), \(managed.gcpSize))"
        case (.gcp, _): product = "Cloud SQL for PostgreSQL (\(managed.gcpVersion), \(managed.gcpSize))"
        case (.azure, "redis"): product = "Azure Cache for Redis \(managed.azureVersion) (\(managed.azureSize))"
        case (.azure, "mysql"): product = "Azure Database for MySQL \(managed.azureVersion) (\(managed.azureSize))"
        case (.azure, _): product = "Azure Database for PostgreSQL \(managed.azureVersion) (\(managed.azureSize))"
        }
        var messages = ["\(cloud.displayName) runs it as \(product), not the \(service.imageReference()) container; its resources and replicas don't apply (sizes: \(cloud.folder)/environments/\(environment).tfvars)."]
        if cloud == .gcp && managed.engine == "redis" {
            messages.append("Memorystore serves TLS with its own certificate authority: clients of the rediss:// URL must trust it (output cache_server_ca_certs) or their connections fail verification.")
        }
        return messages
    }

    /// What a service running as a container can't keep on `cloud`.
    /// `jobs`: the one-shot jobs of the environment, which the deploy runs before the services.
    static func serviceNotes(_ service: ResolvedService, instance: ServiceInstance, values: TerraformServiceValues, cloud: TerraformCloud, jobs: Set<String>) -> [String] {
        var messages: [String] = []
        if let sizing = sizingNote(instance.resources, cloud: cloud) { messages.append(sizing) }
        if let autoscale = instance.autoscale, cloud == .gcp {
            if values.hasPort {
                messages.append("Cloud Run scales on requests, not CPU: the \(autoscale.cpuPercent)% CPU target is not used; it runs \(autoscale.min) to \(autoscale.max) instances.")
            } else {
                messages.append("Cloud Run worker pools don't autoscale: \(autoscale.min) instances run; the maximum of \(autoscale.max) and the \(autoscale.cpuPercent)% CPU target are not used.")
            }
        }
        for volume in instance.volumes where volume.kind == .named && volume.serverless != .scratch {
            switch cloud {
            case .aws:
                let size = volume.size.map { " Its size (\($0.literal)) doesn't apply: EFS grows with what it holds." } ?? ""
                messages.append("Volume \(volume.source) (\(volume.target)) is the EFS file system \(volume.source) on ECS: kept across restarts and shared by every task that mounts it, each acting as one user through its access point.\(size)")
            case .gcp:
                let size = volume.size.map { " Its size (\($0.literal)) doesn't apply: a bucket grows with what it holds." } ?? ""
                messages.append("Volume \(volume.source) (\(volume.target)) is a Cloud Storage bucket on Cloud Run, mounted with Cloud Storage FUSE: kept and shared, but not a POSIX disk. There is no file locking (the last write of a file wins), a file is written whole when it is closed (staged in the instance's memory until then), and renaming a folder copies each object. Keep databases and lock files off it.\(size)")
            case .azure:
                messages.append("Volume \(volume.source) (\(volume.target)) is an Azure Files share (SMB) on Container Apps, its quota the largest size a service declares for it (10Gi if none): kept and shared, but its files belong to root with mode 0777 whatever user writes them, and it has no symbolic links or Unix permissions. Keep databases off it.")
            }
        }
        for volume in instance.volumes where volume.kind == .file && cloud == .gcp {
            messages.append("File \(volume.source) (\(volume.target)) is the Secret Manager secret <project>-<environment>-file-\(volume.cloudFileName) on Cloud Run, which mounts it over its whole folder: what the image keeps in \(volume.fileFolder) is hidden there. Terraform reads the file from the repository when it applies, so a changed file deploys with the next apply.")
        }
        for volume in instance.volumes where volume.kind == .named && volume.serverless == .scratch {
            let stops = cloud == .aws ? "a task stops or is replaced" : "an instance stops or is replaced"
            messages.append("Volume \(volume.source) (\(volume.target)) is scratch space on \(cloud.platformName), as Blueprint.swift accepts (serverless: .scratch): it is emptied whenever \(stops), so keep what must survive in a managed service.")
        }
        if !service.extraEnvFiles.isEmpty {
            messages.append("envFiles \(service.extraEnvFiles.joined(separator: ", ")) are read by compose only: their variables are not set on \(cloud.platformName); declare them in `environment:` or `secrets:`.")
        }
        if let settings = service.processSettings {
            // ECS carries the entrypoint, user and nofile ulimit; Cloud Run and Container Apps
            // the entrypoint (their container command). No cloud sizes /dev/shm on these
            // serverless configurations, and each restarts a service that exits.
            let carriesProcess = cloud == .aws
            let dropped = [carriesProcess ? nil : settings.user.map { "user \($0)" },
                           settings.shmSize.map { "shmSize \($0.literal)" },
                           carriesProcess ? nil : settings.openFiles.map { "openFiles \($0)" },
                           service.runsToCompletion ? nil : settings.restart.flatMap { $0 == .always ? nil : "restart \($0.rawValue)" }].compactMap { $0 }
            if !dropped.isEmpty {
                messages.append("\(cloud.platformName) runs the container with its own \(carriesProcess ? "shared memory and restart policy" : "user, shared memory, limits and restart policy"): \(dropped.joined(separator: ", ")) \(dropped.count == 1 ? "is" : "are") not carried there; build what the process needs into the image.")
            }
        }
        if !service.extraPorts.isEmpty && cloud != .aws {
            let names = service.extraPorts.map { "\($0.name) \($0.number)/\($0.transport.rawValue)" }.joined(separator: ", ")
            // Container Apps has additional TCP port mappings, but the azurerm provider can't set
            // them (an open provider request); Cloud Run routes one port to a container.
            let why = cloud == .azure ? "Container Apps' additional TCP ports can't be set through the azurerm provider yet" : "Cloud Run serves one port per service"
            messages.append("\(why): \(names) \(service.extraPorts.count == 1 ? "is" : "are") not reachable there; run what listens on \(service.extraPorts.count == 1 ? "it" : "them") as a service of its own with that port as its `port:`.")
        }
        if service.extraPorts.contains(where: { $0.exposure(in: instance.environment, mode: .production) == .public }) && cloud == .aws {
            messages.append("Its public named ports are reached inside the VPC only: the load balancer serves the main port's HTTP(S); add a Network Load Balancer listener for them.")
        }
        if let host = instance.host, !values.hasPort {
            messages.append("It has no port, so \(host) is not served: the service stays private. Give it a port: to make it public.")
        }
        if let ingress = values.ingress, values.isPublic {
            switch cloud {
            case .aws:
                messages.append("AWS creates no DNS record for \(ingress.host): point it (CNAME or alias) at the load balancer (output load_balancer_dns_name).")
            case .gcp:
                messages.append("Google Cloud doesn't map \(ingress.host) to the service: add a Cloud Run domain mapping (or a load balancer) for it and point its DNS there (output service_urls).")
            case .azure:
                messages.append("Azure doesn't bind \(ingress.host) to the app: add a CNAME to the app's default host (output service_urls), then bind it as a custom domain with a managed certificate.")
            }
            if ingress.path != "/" && cloud != .aws {
                messages.append("\(cloud.platformName) can't route by path: the whole service is public on \(ingress.host), not only \(ingress.path).")
            }
        }
        messages += healthNotes(service.health, values: values, cloud: cloud)
        // The deploy workflow runs the one-shot jobs to completion before it moves any service.
        let waitsFor = instance.dependsOn.filter { !jobs.contains($0) }
        if !waitsFor.isEmpty && !service.runsToCompletion {
            messages.append("\(cloud.platformName) starts services independently, without waiting for \(waitsFor.joined(separator: ", ")); the service must retry its connections at startup.")
        }
        if service.isCron && cloud == .aws && service.schedule.map({ EventBridgeSchedule.expression($0) != nil }) ?? false {
            messages.append("EventBridge Scheduler starts it at \(values.awsSchedule) in UTC: the times of \"\(service.schedule ?? "")\", in its six-field form, which counts the days of the week from 1 (Sunday).")
        }
        if service.isCron && cloud == .aws {
            // The deploy enforces a job's timeout and retries on ECS; nothing does for a task
            // EventBridge starts.
            let retries = service.retryLimit > 0 ? " and its \(service.retryLimit) \(service.retryLimit == 1 ? "retry is" : "retries are") not carried (EventBridge retries a failed start, not a failed run)" : ""
            messages.append("ECS stops no task after a time limit: its \(service.timeoutSeconds) s timeout is not enforced\(retries); make the command end on its own, for example with `timeout \(service.timeoutSeconds)` in front of it.")
        }
        if service.runsToCompletion && !instance.dependsOn.isEmpty {
            messages.append("\(cloud.platformName) starts it without waiting for \(instance.dependsOn.joined(separator: ", ")): those are managed or already running when the deploy (or the schedule) starts it.")
        }
        return messages
    }

    /// What a `.url(of:)` call to a private service needs on Cloud Run beyond what scaffold
    /// writes: Cloud Run takes such calls only with a Google ID token and only through the VPC.
    static func serviceURLNotes(_ values: TerraformServiceValues, callees: [String: TerraformServiceValues], cloud: TerraformCloud) -> [String] {
        guard cloud == .gcp else { return [] }
        return values.serviceURLs.compactMap { url in
            guard let callee = callees[url.service], !callee.isPublic else { return nil }
            return "\(url.key) points at \(url.service), which is not public, so Cloud Run accepts the calls only with a Google ID token (audience: that URL) and only through the VPC: its service account may invoke \(url.service) (roles/run.invoker), but the service must add the token to each request itself, and scaffold routes only private ranges through the VPC (egress PRIVATE_RANGES_ONLY, no Cloud NAT). Make \(url.service) public with ingress: to call it without either."
        }
    }

    /// Health-check settings `cloud` can't run as written.
    static func healthNotes(_ health: HealthCheck?, values: TerraformServiceValues, cloud: TerraformCloud) -> [String] {
        guard let health else {
            return cloud == .aws && values.isPublic
                ? ["Without a health check in the blueprint, the AWS load balancer checks GET / (200-399 counts as healthy)."] : []
        }
        switch cloud {
        case .aws:
            if health.kind == .command { return [] }
            if !values.isPublic {
                return ["ECS has no \(health.kind.rawValue.uppercased()) check without a load balancer: the health check is not run; a task is replaced only when it exits."]
            }
            if health.kind == .tcp {
                return ["The AWS load balancer checks this TCP service with HTTP GET / (200-399 counts as healthy), not a TCP connect."]
            }
            let ready = health.readyPath ?? health.path ?? "/"
            let live = health.livePath ?? health.path ?? "/"
            var messages = live != ready ? ["ECS checks only the readiness path \(ready) through the load balancer; the liveness path \(live) is not probed."] : []
            // The load balancer's limits, as alb.tf applies them.
            let interval = max(5, health.interval)
            let timeout = min(max(2, health.timeout), interval - 1)
            if interval != health.interval || timeout != health.timeout {
                messages.append("The AWS load balancer checks every \(interval) s with a \(timeout) s timeout, its nearest allowed values, not every \(health.interval) s with \(health.timeout) s.")
            }
            return messages
        case .gcp:
            if !values.hasPort {
                return ["Cloud Run worker pools have no probes: the health check is not run; an instance is replaced only when it exits."]
            }
            if health.kind == .command {
                return ["Cloud Run has no command probes: the check is not run; startup waits for port \(values.port) to accept connections."]
            }
            if health.kind == .tcp {
                return ["Cloud Run checks the TCP port only at startup: no liveness probe runs afterwards."]
            }
            return health.timeout > health.interval
                ? ["Cloud Run probes time out after \(health.interval) s, the check interval, not \(health.timeout) s."] : []
        case .azure:
            if !values.hasPort || health.kind == .command {
                return ["Container Apps probes need a port and HTTP or TCP: the \(health.kind.rawValue) health check is not run; a replica is replaced only when it exits."]
            }
            return health.startPeriod > 60 ? ["Container Apps waits at most 60 s before the first startup probe, not \(health.startPeriod) s."] : []
        }
    }

    /// The note when `cloud` runs `resources` at a different size, or nil when it fits exactly.
    static func sizingNote(_ resources: Resources, cloud: TerraformCloud) -> String? {
        let asked = "\(TerraformSizing.decimal(resources.cpuMillis, per: 1000)) CPU / \(resources.memoryLimitMiB) MiB"
        let given: String
        switch cloud {
        case .aws:
            let size = TerraformSizing.fargate(resources)
            guard size.cpu != (resources.cpuMillis * 1024 + 999) / 1000 || size.memory != resources.memoryLimitMiB else { return nil }
            given = "\(TerraformSizing.decimal(size.cpu, per: 1024)) vCPU / \(size.memory) MiB"
        case .gcp:
            let size = TerraformSizing.cloudRun(resources)
            guard Int(size.cpu).map({ $0 * 1000 }) != resources.cpuMillis || size.memoryMiB != resources.memoryLimitMiB else { return nil }
            given = "\(size.cpu) CPU / \(size.memoryMiB) MiB"
        case .azure:
            let quarters = TerraformSizing.containerAppsQuarters(resources)
            guard quarters * 250 != resources.cpuMillis || quarters * 512 != resources.memoryLimitMiB else { return nil }
            given = "\(TerraformSizing.decimal(quarters, per: 4)) CPU / \(quarters * 512) MiB"
        }
        return "\(cloud.platformName) runs it at \(given), the nearest size it offers, instead of the blueprint's \(asked) (CPU request, memory limit)."
    }
}

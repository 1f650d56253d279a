import BlueprintDescription

extension TerraformGenerator {
    /// The tfvars entry of a service running as a container in one environment.
    static func serviceValues(_ service: ResolvedService, instance: ServiceInstance) -> TerraformServiceValues {
        let fargate = TerraformSizing.fargate(instance.resources)
        let run = TerraformSizing.cloudRun(instance.resources)
        let apps = TerraformSizing.containerApps(instance.resources)
        let ingress = instance.host.map { host -> TerraformPublicValues in
            let path = service.ingress?.path ?? "/"
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            return TerraformPublicValues(host: host, path: path, pathPattern: trimmed + "/*")
        }
        let health = service.health.map { check -> TerraformHealthValues in
            let path = check.kind == .http ? (check.livePath ?? check.path ?? "/") : ""
            let ready = check.kind == .http ? (check.readyPath ?? check.path ?? "/") : ""
            return TerraformHealthValues(
                kind: check.kind.rawValue, path: path, readyPath: ready,
                command: TerraformListItem.list(check.kind == .command ? check.command ?? [] : []),
                interval: check.interval, timeout: check.timeout, retries: check.retries, startPeriod: check.startPeriod)
        }
        let autoscale = instance.autoscale.map { TerraformAutoscaleValues(min: $0.min, max: $0.max, cpuPercent: $0.cpuPercent) }
        let connect = instance.plain.map { ($0.name, $0.value ?? "") }
        let plain = instance.plain.filter { $0.serviceURL == nil }.map { ($0.name, $0.value ?? "") }
        let urls = instance.plain.compactMap { variable in variable.serviceURL.map { (variable.name, $0) } }
        let serviceURLs = urls.enumerated().map { index, pair in
            TerraformServiceURL(key: pair.0, service: pair.1.service, path: pair.1.path, last: index == urls.count - 1)
        }
        let secrets = instance.secrets.compactMap { variable in variable.secret.map { (variable.name, $0.key) } }
        // Built images start with the runtime's command baked in; only prebuilt images and explicit
        // overrides need one here.
        let command = service.build == nil || service.imageOf != nil ? (service.command ?? []) : []
        var values = TerraformServiceValues(
            name: service.name, built: service.build != nil,
            image: service.build == nil ? service.imageReference() : "",
            hasPort: service.port != nil, port: service.port ?? 0,
            fargateCPU: fargate.cpu, fargateMemory: fargate.memory,
            cloudRunCPU: run.cpu, cloudRunMemory: "\(run.memoryMiB)Mi",
            containerAppsCPU: apps.cpu, containerAppsMemory: apps.memory,
            replicas: autoscale?.min ?? instance.replicas,
            hasAutoscale: autoscale != nil, autoscale: autoscale,
            isPublic: ingress != nil && service.port != nil, ingress: service.port != nil ? ingress : nil,
            hasHealth: health != nil, health: health,
            hasCommand: !command.isEmpty, command: TerraformListItem.list(command),
            // A named volume reaching a serverless cloud is scratch (`serverless: .scratch`): writable, not kept.
            writablePaths: TerraformListItem.list(Array(Set(service.writablePaths + instance.volumes.filter { $0.kind == .named && $0.serverless == .scratch }.map(\.target))).sorted()),
            hasEnvironment: !plain.isEmpty, environment: TerraformKeyValue.list(plain),
            connectEnvironment: TerraformEnvironmentMap(hasEnvironment: !connect.isEmpty, environment: TerraformKeyValue.list(connect)),
            hasServiceURLs: !serviceURLs.isEmpty, serviceURLs: serviceURLs,
            hasSecrets: !secrets.isEmpty, secrets: TerraformKeyValue.list(secrets))
        values.morePorts = service.extraPorts.enumerated().map { index, port in
            TerraformPortValues(name: port.name, number: port.number, transport: port.transport.rawValue, last: index == service.extraPorts.count - 1)
        }
        values.hasMorePorts = !values.morePorts.isEmpty
        if service.build != nil, let owner = service.imageOf {
            values.imageOf = owner
            values.hasImageOf = true
        }
        // The named volumes a cloud keeps live on its file storage: EFS, Cloud Storage, Azure Files.
        let mounts = instance.volumes.filter { $0.kind == .named && $0.serverless != .scratch }
        values.fileSystemMounts = mounts.enumerated().map { index, volume in
            TerraformFileSystemMount(name: volume.source, path: volume.target, uid: service.uid ?? 1000, last: index == mounts.count - 1)
        }
        values.hasFileSystemMounts = !mounts.isEmpty
        let files = instance.volumes.filter { $0.kind == .file }
        values.files = files.enumerated().map { index, volume in
            TerraformFileMount(secret: volume.cloudFileName, folder: volume.fileFolder, name: volume.targetName, last: index == files.count - 1)
        }
        values.hasFiles = !files.isEmpty
        // A path on a file system is writable already: no scratch volume on top of it.
        let mounted = Set(mounts.map(\.target))
        values.writablePaths = TerraformListItem.list(values.writablePaths.map(\.value).filter { !mounted.contains($0) })
        if let settings = service.processSettings {
            values.entrypoint = TerraformListItem.list(settings.entrypoint ?? [])
            values.hasEntrypoint = !(settings.entrypoint ?? []).isEmpty
            values.user = settings.user.map(String.init) ?? ""
            values.hasUser = settings.user != nil
            values.openFiles = settings.openFiles ?? 0
            values.hasOpenFiles = settings.openFiles != nil
        }
        if let lifecycle = service.lifecycle {
            values.run = lifecycle.rawValue
            values.isService = false
            values.isCron = lifecycle == .cron
            values.schedule = service.schedule ?? ""
            values.awsSchedule = service.schedule.flatMap(EventBridgeSchedule.expression) ?? ""
            values.taskTimeoutSeconds = service.timeoutSeconds
            values.taskRetries = service.retryLimit
        }
        return values
    }

    /// The tfvars entry of a managed backing service, or nil for a preset no cloud manages.
    static func managedValues(_ service: ResolvedService, preset: Preset, project: ResolvedProject, production: Bool) -> TerraformManagedValues? {
        let key = "\(service.name)-url"
        // Blueprint.swift may tune the user and database (POSTGRES_USER, POSTGRES_DB, ...).
        let tuned = PresetSpec.of(preset).parameters(service.instances.first?.variables ?? [], project: project.name)
        switch preset {
        case .postgres:
            return TerraformManagedValues(
                name: service.name, engine: "postgres", database: tuned.database, username: tuned.user, port: 5432,
                awsVersion: "16", awsSize: production ? "db.t4g.medium" : "db.t4g.micro",
                gcpVersion: "POSTGRES_16", gcpSize: production ? "db-custom-2-7680" : "db-custom-1-3840",
                azureVersion: "16", azureSize: production ? "GP_Standard_D2ds_v5" : "B_Standard_B1ms",
                secretKey: key)
        case .mysql:
            return TerraformManagedValues(
                name: service.name, engine: "mysql", database: tuned.database, username: tuned.user, port: 3306,
                awsVersion: "8.4", awsSize: "db.t4g.medium",  // MySQL needs medium for Performance Insights
                gcpVersion: "MYSQL_8_4", gcpSize: production ? "db-custom-2-7680" : "db-custom-1-3840",
                azureVersion: "8.0.21", azureSize: production ? "GP_Standard_D2ds_v4" : "B_Standard_B1ms",
                secretKey: key)
        case .redis:
            return TerraformManagedValues(
                name: service.name, engine: "redis", database: "", username: "", port: 6379,
                awsVersion: "7.1", awsSize: production ? "cache.t4g.small" : "cache.t4g.micro",
                gcpVersion: "REDIS_7_2", gcpSize: production ? "5" : "1",
                azureVersion: "6", azureSize: production ? "Standard" : "Basic",
                secretKey: key)
        default:
            return nil
        }
    }
}

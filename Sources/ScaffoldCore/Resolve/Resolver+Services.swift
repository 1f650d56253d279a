import BlueprintDescription

extension Resolver {
    /// The project's database name: the project name with `-` as `_`.
    static func databaseName(_ project: String) -> String {
        project.replacingOccurrences(of: "-", with: "_")
    }

    /// A secret store key for a variable name: `OPENAI_API_KEY` → `openai-api-key`.
    static func secretKey(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// `service` resolved in every environment; `declared` is the blueprint's services by name
    /// (built once, so a dependency is found without a scan of every service).
    func resolveService(_ service: Service, in blueprint: Blueprint, declared: [String: Service], environments: [ResolvedEnvironment],
                        sharedContext: Bool) -> ResolvedService {
        let spec = service.preset.map(PresetSpec.of)
        let database = Self.databaseName(blueprint.name)
        let port = service.port ?? (spec?.cloudOnly == true ? nil : spec?.port)
        var build: ResolvedBuild?
        var repository: String
        var tag: String?
        var digest: String?
        if service.kind == .app, let runtime = service.runtime {
            let context = Self.normalize(service.path ?? ".")
            let fileName = sharedContext ? "Dockerfile.\(service.name)" : "Dockerfile"
            let ignoreName = sharedContext ? "Dockerfile.\(service.name).dockerignore" : ".dockerignore"
            let prefix = context == "." ? "" : context + "/"
            build = ResolvedBuild(
                context: context, dockerfile: prefix + fileName, dockerfileInContext: fileName,
                dockerignore: prefix + ignoreName, runtime: runtime,
                command: RuntimeDefaults.command(runtime, port: port ?? 8080, override: service.command),
                // `.app(command:)` is the service's process in every environment: a worker built
                // from a web app's source runs as the worker in development too.
                devCommand: service.command ?? RuntimeDefaults.devCommand(runtime, port: port ?? 8080),
                testCommand: RuntimeDefaults.testCommand(runtime))
            repository = "\(blueprint.registry)/\(blueprint.name)-\(service.name)".lowercased()
        } else {
            let reference = service.image ?? "\(spec?.repository ?? ""):\(spec?.tag ?? "")"
            (repository, tag, digest) = Self.splitImage(reference)
        }
        let parameters = spec.map { Self.presetParameters(service, spec: $0, environment: environments.first?.name ?? "", project: blueprint.name) }
        let health = service.health ?? spec.flatMap { $0.cloudOnly ? nil : Self.substitute($0.health, user: parameters?.user ?? "app", database: parameters?.database ?? database) }
        var writable = service.writablePaths
        if let runtime = service.runtime { writable += RuntimeDefaults.writablePaths(runtime) }
        writable += spec?.writablePaths ?? []
        var volumes = service.volumes
        if let dataPath = spec?.dataPath, !volumes.contains(where: { $0.target == dataPath }) {
            volumes.append(.named("\(service.name)-data", at: dataPath, size: service.storage))
        }

        let instances = environments.compactMap { environment -> ServiceInstance? in
            guard service.environments?.contains(environment.name) ?? true else { return nil }
            return instance(of: service, spec: spec, in: environment, blueprint: blueprint, declared: declared, volumes: volumes)
        }
        var resolved = ResolvedService(
            name: service.name, kind: service.kind,
            summary: service.summary ?? Self.defaultSummary(service),
            build: build, preset: service.preset, imageRepository: repository, imageTag: tag, imageDigest: digest,
            port: port, injects: service.injects, hostPort: service.hostPort ?? port, hostPortRequested: service.hostPort != nil,
            command: service.command ?? (build == nil ? spec?.command : build?.command),
            health: health, volumes: volumes, writablePaths: Array(Set(writable)).sorted(),
            readOnlyRootFilesystem: true,
            uid: build != nil ? 10001 : spec?.uid,
            ingress: service.ingress, metricsPath: service.metricsPath, egress: service.egress,
            scrapeTargets: service.scrapeTargets,
            routes: service.routes.sorted { $0.key < $1.key }.map { Route(prefix: $0.key, service: $0.value) },
            testCommand: service.test ?? build?.testCommand,
            needsServiceAccountToken: service.needsServiceAccountToken,
            instances: instances, location: service.location)
        resolved.imageOf = service.imageOf
        resolved.ports = service.ports.isEmpty ? nil : service.ports
        resolved.processSettings = service.processSettings
        resolved.envFiles = service.envFiles.isEmpty ? nil : service.envFiles
        if let user = service.processSettings?.user { resolved.uid = user }
        resolved.lifecycle = service.lifecycle == .service ? nil : service.lifecycle
        resolved.schedule = service.schedule
        if service.lifecycle != .service {
            (resolved.taskTimeout, resolved.taskRetries) = (service.taskTimeout, service.taskRetries)
        }
        return resolved
    }

    private func instance(of service: Service, spec: PresetSpec?, in environment: ResolvedEnvironment, blueprint: Blueprint,
                          declared: [String: Service], volumes: [Volume]) -> ServiceInstance {
        let env = environment.name
        let database = Self.databaseName(blueprint.name)
        var variables: [String: Variable] = [:]
        // A preset's own settings and secrets.
        for (name, value) in spec?.settings ?? [:] {
            variables[name] = Variable(name: name, value: PresetSpec.fill(value, user: "app", database: database), interpolates: [], secret: nil, origin: .preset, description: nil)
        }
        for name in spec?.secrets ?? [] {
            variables[name] = Variable(name: name, value: nil, interpolates: [], secret: SecretReference(name: name, key: Self.secretKey(name), description: "\(service.name) credential"), origin: .preset, description: "\(service.name) credential")
        }
        // Connection settings from dependencies present here.
        var dependsOn: [String] = []
        for dependencyName in service.dependsOn {
            guard let dependency = declared[dependencyName],
                  dependency.environments?.contains(env) ?? true else { continue }
            let managed = dependency.managed.contains(env)
            if !managed { dependsOn.append(dependencyName) }
            guard let preset = dependency.preset else { continue }
            if preset == .queue {
                for variable in Self.queueVariables(dependency.name, project: blueprint.name, environment: environment, targets: blueprint.targets) {
                    variables[variable.name] = variable
                }
                continue
            }
            let dependencySpec = PresetSpec.of(preset)
            guard let (variable, format) = dependencySpec.injection(dependency.injects) else { continue }
            if managed {
                variables[variable] = Variable(name: variable, value: nil, interpolates: [], secret: SecretReference(name: variable, key: "\(dependency.name)-url", description: "connection to the managed \(preset.rawValue)"), origin: .connection, description: "connection to the managed \(preset.rawValue), provisioned by Terraform")
            } else {
                // The dependency's own user and database, when Blueprint.swift tunes them.
                let tuned = Self.presetParameters(dependency, spec: dependencySpec, environment: env, project: blueprint.name)
                if let prefix = dependency.injects?.prefix {
                    for part in Self.connectionParts(dependency, spec: dependencySpec, prefix: prefix, user: tuned.user, database: tuned.database) {
                        variables[part.name] = part
                    }
                    continue
                }
                let value = PresetSpec.fill(format.replacingOccurrences(of: "{host}", with: dependency.name), user: tuned.user, database: tuned.database)
                variables[variable] = Variable(name: variable, value: value, interpolates: dependencySpec.connectionSecrets, secret: nil, origin: .connection, description: "connection to \(dependency.name)")
                for secret in dependencySpec.connectionSecrets {
                    variables[secret] = Variable(name: secret, value: nil, interpolates: [], secret: SecretReference(name: secret, key: Self.secretKey(secret), description: "\(dependency.name) credential"), origin: .connection, description: "\(dependency.name) credential")
                }
            }
        }
        // The blueprint's own variables and secrets win.
        for (name, setting) in service.environment {
            if let url = setting.url {
                // Validated: the service exists, listens on a port and runs here.
                guard url.applies(in: env), let target = declared[url.service] else { continue }
                let reference = ServiceURLReference(service: target.name, port: Self.port(of: target) ?? 0, path: url.path)
                variables[name] = Variable(name: name, value: reference.networkURL, interpolates: [], secret: nil, origin: .blueprint,
                                           description: "the URL of \(target.name)", serviceURL: reference)
            } else if let value = setting.value(in: env) {
                variables[name] = Variable(name: name, value: value, interpolates: [], secret: nil, origin: .blueprint, description: nil,
                                           hostVariable: setting.hostVariable.map { $0.isEmpty ? name : $0 })
            } else if variables[name]?.origin == .connection {
                // An explicit `.only(...)` elsewhere means the user owns this name: leave the injected one.
            }
        }
        for secret in service.secrets where secret.environments?.contains(env) ?? true {
            variables[secret.name] = Variable(name: secret.name, value: nil, interpolates: [], secret: SecretReference(name: secret.name, key: secret.key ?? Self.secretKey(secret.name), description: secret.description), origin: .blueprint, description: secret.description)
        }
        let scale = service.autoscale[env]
        let host: String? = service.ingress.map { ingress in
            ingress.hosts[env] ?? (env == "production" ? ingress.host : "\(env).\(ingress.host)")
        }
        let mounted = volumes.filter { volume in
            if let environments = volume.environments { return environments.contains(env) }
            return volume.kind != .bind || environment.isDevelopment
        }
        return ServiceInstance(
            environment: env, managed: service.managed.contains(env),
            replicas: scale?.min ?? service.replicas[env] ?? 1, autoscale: scale,
            resources: service.resourcesPerEnvironment[env] ?? service.resources,
            variables: variables.values.sorted { $0.name < $1.name },
            dependsOn: dependsOn, host: host, volumes: mounted)
    }

    /// What a dependent of the queue `name` reads in `environment`: its cloud's name for it.
    /// Where one environment deploys to several clouds, the model carries the first one's values and
    /// each cloud's Terraform its own (`queueVariables(_:project:environment:target:)`).
    static func queueVariables(_ name: String, project: String, environment: ResolvedEnvironment, targets: [Target]) -> [Variable] {
        guard let target = targets.first(where: { $0.environments.contains(environment.name) && $0.platform != .kubernetes }) else { return [] }
        return queueVariables(name, project: project, environment: environment.name, target: target)
    }

    /// What a dependent of the queue `name` reads in `environment` on `target`.
    public static func queueVariables(_ name: String, project: String, environment: String, target: Target) -> [Variable] {
        let variable = queueVariable(name)
        let queue = queueName(name, project: project, environment: environment)
        func plain(_ name: String, _ value: String, _ description: String) -> Variable {
            Variable(name: name, value: value, interpolates: [], secret: nil, origin: .connection, description: description)
        }
        switch target.platform {
        case .cloudRun:
            return [plain(variable, "projects/\(target.project ?? project)/locations/\(target.region ?? "")/queues/\(queue)", "the Cloud Tasks queue \(name), provisioned by Terraform")]
        case .ecsFargate:
            return [plain(variable, queue, "the name of the SQS queue \(name), provisioned by Terraform (its URL: GetQueueUrl)")]
        case .containerApps:
            let account = azureQueueAccount(project: project, environment: environment)
            return [plain(variable, queue, "the Azure Storage queue \(name), provisioned by Terraform"),
                    plain(variable + "_URL", "https://\(account).queue.core.windows.net/\(queue)", "the URL of the Azure Storage queue \(name)")]
        case .kubernetes:
            return []
        }
    }

    /// The storage account holding an environment's Azure queues: letters and digits, at most 24.
    static func azureQueueAccount(project: String, environment: String) -> String {
        String("\(project)\(environment)".filter { $0.isLetter || $0.isNumber }.lowercased().prefix(19)) + "queue"
    }

    static func normalize(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    static func splitImage(_ reference: String) -> (String, String?, String?) {
        var rest = reference
        var digest: String?
        if let at = rest.range(of: "@") {
            digest = String(rest[at.upperBound...])
            rest = String(rest[..<at.lowerBound])
        }
        let slash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[slash...].lastIndex(of: ":") {
            return (String(rest[..<colon]), String(rest[rest.index(after: colon)...]), digest)
        }
        return (rest, nil, digest)
    }

    static func substitute(_ health: HealthCheck, user: String, database: String) -> HealthCheck {
        var copy = health
        copy.command = health.command?.map { PresetSpec.fill($0, user: user, database: database) }
        return copy
    }

    /// A preset's user and database in `environment`: what `environment:` sets for its user and
    /// database settings (`POSTGRES_USER`, `POSTGRES_DB`), else `app` and the project's database.
    static func presetParameters(_ service: Service, spec: PresetSpec, environment: String, project: String) -> (user: String, database: String) {
        let user = spec.userSetting.flatMap { service.environment[$0]?.value(in: environment) } ?? "app"
        let database = spec.databaseSetting.flatMap { service.environment[$0]?.value(in: environment) } ?? databaseName(project)
        return (user, database)
    }

    static func defaultSummary(_ service: Service) -> String {
        if let preset = service.preset { return "\(preset.rawValue) backing service" }
        if let runtime = service.runtime { return "\(runtime.language.rawValue) service" }
        return "service from image \(service.image ?? "")"
    }

    // MARK: - Checks that need the resolved model

    func validateResolved(_ project: ResolvedProject, blueprint: Blueprint, into errors: inout [ValidationError]) {
        for environment in project.environments {
            for queue in project.services where queue.preset == .queue && queue.instance(in: environment.name) != nil
                && !environment.platforms.contains(where: { $0 != .kubernetes }) {
                errors.append(.invalidValue(service: queue.name, field: "queue in \(environment.name)", problem: "is provisioned by a cloud, and no AWS, Google Cloud or Azure target deploys \(environment.name): limit it with `environments:` to cloud environments, and run a local broker such as `.redis(environments: [.\(environment.name)])` there", at: queue.location))
            }
            // Only ports Blueprint.swift asks for can clash; a default that another service
            // publishes stays unpublished (a compose note says so).
            var published: [Int: [ResolvedService]] = [:]
            var publishedExtra: [Int: [ResolvedService]] = [:]
            for service in project.runningServices(in: environment.name) where service.hostPortRequested {
                guard let hostPort = Self.publishedPort(service, in: environment) else { continue }
                published[hostPort, default: []].append(service)
            }
            for service in project.runningServices(in: environment.name) {
                for published in service.publishedExtraPorts(in: environment) {
                    publishedExtra[published.hostPort, default: []].append(service)
                }
            }
            for (port, services) in publishedExtra {
                published[port, default: []].append(contentsOf: services)
            }
            for (port, services) in published.sorted(by: { $0.key < $1.key }) where services.count > 1 {
                errors.append(.hostPortClash(port: port, environment: environment.name, services: services.map(\.name), at: services[1].location))
            }
            validateSharing(project, in: environment, into: &errors)
            let cloud = environment.platforms.filter { $0 != .kubernetes }
            guard let platform = cloud.first else { continue }
            for service in project.runningServices(in: environment.name) where service.kind == .backing {
                errors.append(.notDeployable(service: service.name, environment: environment.name, platform: platform.rawValue, at: service.location))
            }
            for service in project.runningServices(in: environment.name) where service.processSettings?.gpus != nil {
                errors.append(.invalidValue(service: service.name, field: "processSettings gpus in \(environment.name)", problem: "can't be reserved on \(platform.rawValue) (\(environment.name) deploys there): scaffold's serverless configurations run on CPUs only; run the service on Kubernetes (nvidia.com/gpu) or a compose host there", at: service.location))
            }
            // EventBridge Scheduler runs a day of the month or a day of the week, never "either".
            if environment.platforms.contains(.ecsFargate) {
                for service in project.runningServices(in: environment.name) where service.isCron {
                    guard let schedule = service.schedule, !EventBridgeSchedule.canExpress(schedule) else { continue }
                    errors.append(.invalidValue(service: service.name, field: "schedule \"\(schedule)\" in \(environment.name)", problem: "restricts both the day of the month and the day of the week, which cron runs on either but EventBridge Scheduler (\(environment.name) deploys to ECS) can't express: set one of them to `*`, or declare two `.cron` tasks", at: service.location))
                }
            }
            // A first deploy runs the one-shot jobs before any Cloud Run service exists, so a
            // job there has no service URL to read yet.
            if environment.platforms.contains(.cloudRun) {
                for service in project.runningServices(in: environment.name) where service.isJob {
                    for variable in service.instance(in: environment.name)?.variables ?? [] {
                        guard let url = variable.serviceURL else { continue }
                        errors.append(.invalidServiceURL(
                            service: service.name, variable: variable.name, target: url.service,
                            problem: "is read by a `.job`, which a first deploy to Cloud Run (\(environment.name) deploys there) runs before '\(url.service)' exists: call it from a service or a `.cron` task, or give the job its address another way",
                            at: service.location))
                    }
                }
            }
            // Cloud Run services read each other's URLs from the callee's resource, so a service
            // that reads a URL can't itself be one that another reads by URL there.
            if environment.platforms.contains(.cloudRun) {
                for service in project.runningServices(in: environment.name) where service.port != nil {
                    guard let instance = service.instance(in: environment.name) else { continue }
                    for variable in instance.variables {
                        guard let url = variable.serviceURL, let callee = project.service(named: url.service),
                              let next = callee.instance(in: environment.name)?.calls.first, callee.port != nil else { continue }
                        let at = blueprint.services.first { $0.name == service.name }?.environment[variable.name]?.url?.location ?? service.location
                        errors.append(.invalidServiceURL(
                            service: service.name, variable: variable.name, target: url.service,
                            problem: "'\(url.service)' itself reads the URL of '\(next)', and scaffold's Cloud Run configuration (\(environment.name) deploys there) wires one level of service URLs only: point \(variable.name) at a service that reads no other's URL, or pass '\(next)''s address to '\(url.service)' another way",
                            at: at))
                    }
                }
            }
            // Cloud container platforms give services no persistent disk: a named volume there would
            // be dropped. Shared volumes and `serverless: .fileSystem` live on the cloud's file
            // storage instead: EFS on ECS, a Cloud Storage bucket on Cloud Run, an Azure Files share
            // on Container Apps, each named after the volume.
            var cloudFileNames: [String: String] = [:]
            for service in project.runningServices(in: environment.name) where service.kind != .backing {
                for volume in service.instance(in: environment.name)?.volumes ?? [] where volume.kind == .named && volume.serverless != .scratch {
                    guard volume.isShared || volume.serverless == .fileSystem else {
                        errors.append(.volumeNotPersistable(service: service.name, volume: volume.source, environment: environment.name, platform: platform.rawValue, at: service.location))
                        continue
                    }
                    if let problem = Self.fileStorageNameProblem(volume.source, on: cloud) {
                        errors.append(.invalidValue(service: service.name, field: "volume '\(volume.source)'", problem: "\(problem) (\(environment.name) deploys there): rename the volume", at: service.location))
                    }
                }
                let files = (service.instance(in: environment.name)?.volumes ?? []).filter { $0.kind == .file }
                if let refusing = cloud.first(where: { $0 != .cloudRun }) {
                    for volume in files {
                        errors.append(.invalidValue(service: service.name, field: "file '\(volume.source)'", problem: "is mounted in \(environment.name), which deploys to \(refusing.rawValue), where scaffold mounts no files (Cloud Run does, from Secret Manager): copy it into the image in the Dockerfile (COPY), or pass its settings as `environment:`", at: service.location))
                    }
                } else if !files.isEmpty {
                    errors += Self.cloudRunFileProblems(files, of: service, in: environment, names: &cloudFileNames)
                }
            }
        }
    }

    /// What Cloud Run can't mount of `service`'s `.file` volumes in `environment`: it mounts each
    /// as a secret volume over the file's folder, so one file per folder, a folder of its own
    /// (not `/`, nor under /dev, /proc or /sys), and names that stay apart.
    /// `names`: the Secret Manager names of the environment's files so far, with their sources.
    static func cloudRunFileProblems(_ files: [Volume], of service: ResolvedService, in environment: ResolvedEnvironment, names: inout [String: String]) -> [ValidationError] {
        var errors: [ValidationError] = []
        var folders: [String: String] = [:]
        // The volumes Cloud Run mounts: those on Cloud Storage (scratch space is the container's own).
        let storage = (service.instance(in: environment.name)?.volumes ?? [])
            .filter { $0.kind == .named && ($0.isShared || $0.serverless == .fileSystem) }.map(\.target)
        for volume in files {
            let folder = volume.fileFolder
            func refuse(_ problem: String) {
                errors.append(.invalidValue(service: service.name, field: "file '\(volume.source)'", problem: "is mounted at \(volume.target) in \(environment.name), which deploys to Cloud Run, where \(problem)", at: service.location))
            }
            if folder == "/" || ["/dev", "/proc", "/sys"].contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) {
                refuse("a file is mounted over its whole folder and \(folder) can't be one: mount it in a folder of its own, like /etc/\(service.name)/\(volume.targetName)")
            } else if let other = folders[folder] {
                refuse("a file is mounted over its whole folder, and '\(other)' is mounted in \(folder) too: give each file a folder of its own")
            } else if storage.contains(where: { folder == $0 || folder.hasPrefix($0 + "/") || $0.hasPrefix(folder + "/") }) {
                refuse("a file is mounted over its whole folder, which would cross a volume mounted there: mount the file outside \(folder)")
            } else if let other = names[volume.cloudFileName], other != volume.source {
                refuse("its Secret Manager name \(volume.cloudFileName) is also '\(other)''s: rename one of the files")
            } else if volume.cloudFileName.isEmpty || volume.cloudFileName.count > 40 {
                refuse("its Secret Manager name is made of its path (letters and digits, at most 40): give the file a shorter path")
            }
            folders[folder] = folders[folder] ?? volume.source
            names[volume.cloudFileName] = volume.source
        }
        return errors
    }

    /// Why `name` can't name the file storage of a volume on `platforms`, or nil: a Cloud Storage
    /// bucket's name ends in it and an Azure Files share is called by it, so it must be a DNS
    /// label, and on Azure 3 characters at least with no `--`.
    static func fileStorageNameProblem(_ name: String, on platforms: [Target.Platform]) -> String? {
        let label = isDNSLabel(name)
        if platforms.contains(.containerApps) && (!label || name.count < 3 || name.contains("--")) {
            return "can't name an Azure Files share on Container Apps: use 3 to 63 lowercase letters, digits and single '-'"
        }
        if platforms.contains(.cloudRun) && !label {
            return "can't name a Cloud Storage bucket on Cloud Run: use lowercase letters, digits and '-'"
        }
        return nil
    }

    /// The host port `service` publishes in `environment`, if any: every service in development
    /// mode, only apps and image services in production mode.
    /// The host port `service` publishes in `environment`: in development every port (on
    /// 127.0.0.1); in production mode only a public service's, or one Blueprint.swift asked for
    /// with `hostPort:`. Internal services stay on the compose network.
    public static func publishedPort(_ service: ResolvedService, in environment: ResolvedEnvironment) -> Int? {
        guard let hostPort = service.hostPort, service.port != nil else { return nil }
        if environment.isDevelopment { return hostPort }
        guard service.kind != .backing else { return nil }
        return service.ingress != nil || service.hostPortRequested ? hostPort : nil
    }

    func resolveDevContainer(_ blueprint: Blueprint, services: [ResolvedService]) -> ResolvedDevContainer? {
        guard let devContainer = blueprint.devContainer else { return nil }
        let service = services.first { $0.name == devContainer.service } ?? services.first { $0.build != nil }
        let runtime = service?.build?.runtime
        let development = blueprint.environments.first { $0.mode == .development }?.name
        let ports = services.compactMap { candidate -> Int? in
            guard let development, candidate.instance(in: development) != nil else { return nil }
            return candidate.hostPort
        }
        return ResolvedDevContainer(
            service: service?.name ?? "", image: RuntimeDefaults.devContainerImage(runtime),
            features: devContainer.features, extensions: devContainer.extensions.sorted(),
            settings: devContainer.settings,
            postCreateCommand: devContainer.postCreateCommand ?? runtime.flatMap(RuntimeDefaults.devContainerSetup),
            environment: devContainer.environment, remoteEnvironment: devContainer.remoteEnvironment,
            remoteUser: devContainer.remoteUser, forwardPorts: Array(Set(ports)).sorted())
    }

    /// A named volume two services mount in an environment Kubernetes deploys: compose shares it,
    /// but Kubernetes would give each service its own claim and the services would silently stop
    /// sharing files, unless both declare it `.shared`.
    func validateSharing(_ project: ResolvedProject, in environment: ResolvedEnvironment, into errors: inout [ValidationError]) {
        var users: [String: [(service: ResolvedService, volume: Volume)]] = [:]
        for service in project.runningServices(in: environment.name) {
            for volume in service.instance(in: environment.name)?.volumes ?? [] where volume.kind == .named {
                users[volume.source, default: []].append((service, volume))
            }
        }
        for (name, mounts) in users.sorted(by: { $0.key < $1.key }) where mounts.count > 1 || mounts.contains(where: { $0.volume.isShared }) {
            let services = mounts.map(\.service.name)
            let plain = mounts.filter { !$0.volume.isShared }
            if !plain.isEmpty && mounts.count > plain.count {
                errors.append(.invalidValue(service: plain[0].service.name, field: "volume '\(name)'", problem: "is `.shared` in \(mounts.filter(\.volume.isShared).map { "'\($0.service.name)'" }.joined(separator: ", ")) but `.named` here: declare it `.shared(\"\(name)\", at:)` in every service that mounts it", at: plain[0].service.location))
            } else if !plain.isEmpty && environment.platforms.contains(.kubernetes) {
                errors.append(.invalidValue(service: mounts[1].service.name, field: "volume '\(name)'", problem: "is mounted by \(services.map { "'\($0)'" }.joined(separator: " and ")) in \(environment.name), where Kubernetes would give each its own claim and they would stop sharing files: declare it `.shared(\"\(name)\", at:)` in each (one ReadWriteMany claim), or give each service its own volume", at: mounts[1].service.location))
            }
            let sizes = Set(mounts.compactMap { $0.volume.size?.mebibytes })
            if sizes.count > 1 {
                errors.append(.invalidValue(service: mounts[1].service.name, field: "volume '\(name)'", problem: "has different sizes in \(services.map { "'\($0)'" }.joined(separator: " and ")): it is one claim, give it one size", at: mounts[1].service.location))
            }
        }
    }

    /// The separate connection variables `.parts(prefix:)` asks for: host and port, and the
    /// user, database name and password where the preset's connection has them.
    static func connectionParts(_ dependency: Service, spec: PresetSpec, prefix: String, user: String, database: String) -> [Variable] {
        spec.connectionParts(prefix: prefix, host: dependency.name, port: dependency.port ?? spec.port, user: user, database: database).map { part in
            let description = "\(dependency.name)'s \(part.name.dropFirst(prefix.count + 1).lowercased())"
            guard let value = part.value else {
                let secret = SecretReference(name: part.name, key: secretKey(spec.connectionSecrets[0]), description: "\(dependency.name) credential")
                return Variable(name: part.name, value: nil, interpolates: [], secret: secret, origin: .connection, description: "\(dependency.name) credential")
            }
            return Variable(name: part.name, value: value, interpolates: [], secret: nil, origin: .connection, description: description)
        }
    }
}

import BlueprintDescription

/// Decides what each compose service block says, in the base file and in each overlay.
struct ComposeServiceBuilder {
    var project: ResolvedProject
    /// The host port of each service that publishes one, by environment and service name,
    /// worked out once per environment rather than once per service.
    var publishedPorts: [String: [String: Int]]

    /// A builder for `project`'s services.
    init(project: ResolvedProject) {
        self.project = project
        publishedPorts = Dictionary(project.environments.map { ($0.name, project.publishedPorts(in: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Capabilities images that start as root and drop to their own user need in production.
    static let rootStartCapabilities = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"]

    /// The base block of a service that runs in every environment.
    func base(_ service: ResolvedService) -> ComposeServiceContext {
        var block = skeleton(service, full: true)
        let instances = runningInstances(service)
        block.environment = commonVariables(instances).map { ComposeServiceContext.KeyValue(key: $0.name, value: Self.composeValue($0)) }
        let common = instances.dropFirst().reduce(Set(instances.first?.dependsOn ?? [])) { $0.intersection($1.dependsOn) }
        block.dependsOn = (instances.first?.dependsOn ?? []).filter { common.contains($0) }.map(dependency)
        block.volumes = namedVolumes(service, instances: instances, commonOnly: true) + configMounts(service) + fileMounts(service)
        return finish(block)
    }

    /// The overlay block of a service in one environment; `inBase` says whether the base defines it.
    func overlay(_ service: ResolvedService, in environment: ResolvedEnvironment, inBase: Bool) -> ComposeServiceContext {
        guard let instance = service.instance(in: environment.name) else { return skeleton(service, full: false) }
        var block = skeleton(service, full: !inBase)
        let common = inBase ? Set(commonVariables(runningInstances(service)).map(\.name)) : []
        block.environment = instance.variables.filter { !common.contains($0.name) }.map { .init(key: $0.name, value: Self.composeValue($0)) }
        let baseDependencies = inBase ? Set(base(service).dependsOn.map(\.name)) : []
        block.dependsOn = instance.dependsOn.filter { !baseDependencies.contains($0) }.map(dependency)
        if !inBase {
            block.volumes = namedVolumes(service, instances: [instance], commonOnly: false) + configMounts(service) + fileMounts(service)
        } else {
            block.volumes = (instance.volumes.filter { $0.kind == .named && $0.environments != nil }).map { "\($0.source):\($0.target)" }
        }
        block.volumes += instance.volumes.filter { $0.kind == .bind }.map { "\(Self.relative($0.source)):\($0.target)" }
        if service.build != nil {
            block.hasBuild = true
            block.target = environment.isDevelopment ? "development" : "production"
        }
        if let hostPort = publishedPorts[environment.name]?[service.name], let port = service.port {
            if environment.isDevelopment {
                block.ports = ["127.0.0.1:\(hostPort):\(port)"]
            } else {
                // Only a public service's port, or one Blueprint.swift asks for with `hostPort:`.
                block.ports = [instance.replicas > 1 || instance.autoscale != nil ? "\(port)" : "\(hostPort):\(port)"]
            }
        }
        // Named ports: published on loopback or every interface where the blueprint says so
        // (by default loopback in development, nowhere in production-mode environments).
        let scaled = !environment.isDevelopment && (instance.replicas > 1 || instance.autoscale != nil)
        for published in service.publishedExtraPorts(in: environment) {
            let container = "\(published.port.number)\(published.port.transport == .udp ? "/udp" : "")"
            if scaled {
                block.ports.append(container)
            } else {
                block.ports.append(published.exposure == .loopback ? "127.0.0.1:\(published.hostPort):\(container)" : "\(published.hostPort):\(container)")
            }
        }
        if environment.isDevelopment, let build = service.build, !instance.volumes.contains(where: { $0.kind == .bind }) {
            block.volumes += Self.developmentSourceMounts(build)
            if !Self.reloadsFromMountedSource(build.runtime.language) {
                block.watch = [.init(action: "rebuild", path: Self.relative(build.context), target: nil, hasTarget: false)]
            }
        }
        if !environment.isDevelopment {
            block.production = true
            block.restart = true
            block.restartPolicy = Self.restartPolicy(service)
            block.replicas = instance.autoscale?.min ?? instance.replicas
            block.hasResources = true
            block.cpuLimit = Self.cpus(instance.resources.cpuLimitMillis)
            block.memoryLimit = "\(instance.resources.memoryLimitMiB)M"
            block.cpuReservation = Self.cpus(instance.resources.cpuMillis)
            block.memoryReservation = "\(instance.resources.memoryMiB)M"
            block.readOnly = service.build != nil
            // Scratch space only where no volume is mounted: a tmpfs over a volume would hide it.
            let mounted = Set(instance.volumes.filter { $0.kind != .scratch }.map(\.target))
            block.tmpfs = service.build != nil ? service.writablePaths.filter { !mounted.contains($0) } : []
            block.capAdd = service.build == nil && Self.startsAsRoot(service) ? Self.rootStartCapabilities : []
        }
        return finish(block)
    }

    private func skeleton(_ service: ResolvedService, full: Bool) -> ComposeServiceContext {
        var block = ComposeServiceContext(
            name: service.name, full: full, hasBuild: false, context: "", dockerfile: "", target: "production",
            hasImage: false, image: "", hasCommand: false, command: [], hasHealth: false, health: nil,
            environment: [], hasEnvironment: false, dependsOn: [], hasDependsOn: false, volumes: [], hasVolumes: false,
            ports: [], hasPorts: false, watch: [], hasWatch: false, production: false, restart: false, replicas: 1,
            cpuLimit: "", memoryLimit: "", cpuReservation: "", memoryReservation: "", readOnly: false,
            tmpfs: [], hasTmpfs: false, capAdd: [], hasCapAdd: false, hasResources: false)
        guard full else { return block }
        block.scheduled = service.isCron
        block.envFiles = service.extraEnvFiles.map { Self.relative($0) }
        block.hasEnvFiles = !block.envFiles.isEmpty
        if let settings = service.processSettings {
            block.entrypoint = ListItem.list((settings.entrypoint ?? []).map(Self.literal))
            block.hasEntrypoint = !block.entrypoint.isEmpty
            block.user = settings.user.map { "\($0):\($0)" } ?? ""
            block.hasUser = settings.user != nil
            block.shmSize = settings.shmSize.map { "\($0.mebibytes)m" } ?? ""
            block.hasShmSize = settings.shmSize != nil
            block.openFiles = settings.openFiles ?? 0
            block.hasOpenFiles = settings.openFiles != nil
            block.gpus = settings.gpus ?? 0
            block.hasGPUs = settings.gpus != nil
        }
        if let build = service.build {
            block.hasBuild = true
            block.context = Self.relative(build.context)
            block.dockerfile = build.dockerfileInContext
            block.image = "\(service.imageRepository):${IMAGE_TAG:-local}"
        }
        if service.imageOf != nil {
            // Another process of an app's image: the same build and image (BuildKit builds it once;
            // the second build is a cache hit), its own command in every environment, and its own
            // health check, never the web server's that the image carries.
            if service.build == nil { block.image = service.imageReference() }
            block.hasCommand = true
            block.command = ListItem.list((service.command ?? []).map(Self.literal))
            if let health = service.health {
                block.health = healthContext(health, port: service.port)
            } else if service.runsToCompletion {
                block.healthDisabled = true
            } else {
                block.health = runningCheck(service)
            }
        } else if service.build == nil {
            block.image = service.imageReference()
            if let command = service.command, !command.isEmpty {
                block.hasCommand = true
                block.command = ListItem.list(command.map(Self.literal))
            }
            if let health = service.health {
                block.health = healthContext(health, port: service.port)
            }
        }
        block.hasImage = true
        return block
    }

    private func finish(_ block: ComposeServiceContext) -> ComposeServiceContext {
        var block = block
        block.hasEnvironment = !block.environment.isEmpty
        block.hasDependsOn = !block.dependsOn.isEmpty
        block.hasVolumes = !block.volumes.isEmpty
        block.hasPorts = !block.ports.isEmpty
        block.hasWatch = !block.watch.isEmpty
        block.hasTmpfs = !block.tmpfs.isEmpty
        block.hasCapAdd = !block.capAdd.isEmpty
        block.hasHealth = block.health != nil
        return block
    }

    private func dependency(_ name: String) -> ComposeServiceContext.Dependency {
        let target = project.service(named: name)
        if target?.isJob == true { return .init(name: name, condition: "service_completed_successfully") }
        return .init(name: name, condition: target?.health != nil ? "service_healthy" : "service_started")
    }

    private func runningInstances(_ service: ResolvedService) -> [ServiceInstance] {
        service.instances.filter { !$0.managed }
    }

    /// Variables with the same definition in every environment the service runs in.
    private func commonVariables(_ instances: [ServiceInstance]) -> [Variable] {
        guard let first = instances.first else { return [] }
        return first.variables.filter { variable in instances.allSatisfy { $0.variables.contains(variable) } }
    }

    private func namedVolumes(_ service: ResolvedService, instances: [ServiceInstance], commonOnly: Bool) -> [String] {
        let volumes = instances.first?.volumes.filter { $0.kind == .named && (!commonOnly || $0.environments == nil) } ?? []
        return volumes.map { "\($0.source):\($0.target)" }
    }

    /// Project files the blueprint mounts read-only (`Volume.file`), in every environment.
    private func fileMounts(_ service: ResolvedService) -> [String] {
        service.volumes.filter { $0.kind == .file }.map { "\(Self.relative($0.source)):\($0.target):ro" }
    }

    /// Read-only configuration files presets mount (`monitoring/prometheus.yml`, `proxy/nginx.conf`, ...).
    private func configMounts(_ service: ResolvedService) -> [String] {
        ComposeCompanions.configFiles(for: service, in: project).map { "./\($0.path):\($0.mountPath):ro" }
    }

    /// The check of a process that declares none: it passes while the container runs. Compose
    /// before 5.0.2 fails `up --wait` on a container whose check is disabled ("has no healthcheck
    /// configured") instead of waiting for it to run, so the process gets the check an app with
    /// no health check has in its image: a program the image is known to carry, the static
    /// busybox scaffold copies into compiled runtimes' images, `true` in the Debian and Alpine
    /// based ones and, for an image scaffold doesn't build, `true` on its `PATH`.
    private func runningCheck(_ service: ResolvedService) -> ComposeServiceContext.Health {
        let test: [String]
        switch service.build?.runtime.language {
        case .go?, .rust?, .java?, .swift?, .custom?:
            test = ["CMD", "/busybox/busybox", "true"]
        case .python?, .node?, .staticSite?, nil:
            test = ["CMD", "true"]
        }
        return .init(test: ListItem.list(test.map(Self.literal)), interval: "5s", timeout: "3s", retries: 3, startPeriod: "0s")
    }

    private func healthContext(_ health: HealthCheck, port: Int?) -> ComposeServiceContext.Health {
        let test: [String]
        switch health.kind {
        case .command:
            test = ["CMD"] + (health.command ?? [])
        case .http:
            let url = "http://127.0.0.1:\(port ?? 80)\(health.livePath ?? health.path ?? "/")"
            test = ["CMD-SHELL", "wget --quiet --spider \(url) || curl --fail --silent --output /dev/null \(url) || exit 1"]
        case .tcp:
            test = ["CMD-SHELL", "nc -z 127.0.0.1 \(port ?? 80) || exit 1"]
        }
        return .init(test: ListItem.list(test.map(Self.literal)), interval: "\(health.interval)s", timeout: "\(health.timeout)s", retries: health.retries, startPeriod: "\(health.startPeriod)s")
    }

    /// Whether the development server of `language` reloads by itself when its source changes
    /// (uvicorn/gunicorn `--reload`, Node watch modes, dev servers), so mounting the source is the
    /// whole development loop; compiled runtimes are rebuilt by `docker compose watch` instead.
    static func reloadsFromMountedSource(_ language: Runtime.Language) -> Bool {
        switch language {
        case .python, .node, .staticSite: return true
        default: return false
        }
    }

    /// The source mounted over `/app` in development, so an edit reaches the running server without
    /// a rebuild or a `watch` process; Node keeps the image's `node_modules` in an anonymous volume,
    /// which the mount would otherwise hide.
    static func developmentSourceMounts(_ build: ResolvedBuild) -> [String] {
        guard reloadsFromMountedSource(build.runtime.language) else { return [] }
        let source = ["\(relative(build.context)):/app"]
        switch build.runtime.language {
        case .node, .staticSite: return source + ["/app/node_modules"]
        default: return source
        }
    }

    /// The production restart policy: the blueprint's, else `"no"` for what runs to completion
    /// and `unless-stopped` for the rest.
    static func restartPolicy(_ service: ResolvedService) -> String {
        switch service.processSettings?.restart {
        case .always: return "always"
        case .onFailure: return "on-failure"
        case .never: return "\"no\""
        case nil: return service.runsToCompletion ? "\"no\"" : "unless-stopped"
        }
    }

    static func startsAsRoot(_ service: ResolvedService) -> Bool {
        switch service.preset {
        case .redis, .postgres, .mysql, .mongodb, .rabbitmq: return true
        case nil: return service.kind == .image
        default: return false
        }
    }

    static func relative(_ path: String) -> String {
        path == "." ? "." : (path.hasPrefix("./") ? path : "./" + path)
    }

    static func cpus(_ millis: Int) -> String {
        let whole = millis / 1000, fraction = millis % 1000
        if fraction == 0 { return "\(whole).0" }
        var digits = String(format: "%03d", fraction)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// `text` as compose reads it literally: `$` is `$$`, so compose never interpolates the host's
    /// environment into a command or health check.
    static func literal(_ text: String) -> String {
        text.replacingOccurrences(of: "$", with: "$$")
    }

    /// A variable's compose value: secrets and interpolated secrets come from `.env` through
    /// compose interpolation (and fail fast when unset); a literal `$` is escaped as `$$`.
    static func composeValue(_ variable: Variable) -> String {
        if let secret = variable.secret { return "${\(secret.dotEnvName):?set \(secret.dotEnvName) in .env}" }
        var value = (variable.value ?? "").replacingOccurrences(of: "$", with: "$$")
        if let host = variable.hostVariable {
            // The shell or `.env` may override it; the blueprint's value is the default.
            return "${\(host):-\(value)}"
        }
        for name in variable.interpolates {
            value = value.replacingOccurrences(of: "$${\(name)}", with: "${\(name):?set \(name) in .env}")
        }
        return value
    }
}

import BlueprintDescription

extension KubernetesPlan {
    /// The size of each backing service's data volume claim.
    static let dataVolumeSize = "10Gi"

    /// A size as a Kubernetes quantity: whole GiB as `Gi`, else `Mi` (Blueprint.swift's `M` and
    /// `G` mean Mi and Gi, as compose reads them).
    static func quantity(_ size: Memory) -> String {
        size.mebibytes % 1024 == 0 ? "\(size.mebibytes / 1024)Gi" : "\(size.mebibytes)Mi"
    }

    /// The environment-independent part of `service`; its default resources are those of the first
    /// of `environments` it runs in.
    static func workload(_ service: ResolvedService, project: ResolvedProject, environments: [String], secretName: String, ingressClass: String) -> WorkloadContext {
        let port = port(service)
        let dataVolumes = Self.dataVolumes(service, project: project)
        let isStateful = !dataVolumes.isEmpty
        let isBuilt = service.build != nil
        let uid = service.uid ?? 10001
        // A built image runs its Dockerfile's command; a process of it (and any prebuilt image
        // given `command:`) runs its own.
        let args = isBuilt && service.imageOf == nil ? [] : (service.command ?? [])
        let probes = probeSet(service.health, port: port)
        let dataTargets = Set(dataVolumes.map(\.target))
        let sharedTargets = Set(sharedVolumes(service, project: project).map(\.target))
        var volumes = service.writablePaths.filter { !dataTargets.contains($0) && !sharedTargets.contains($0) }.map {
            VolumeContext(name: label($0, prefix: "writable"), path: $0, inMemory: false)
        }
        for volume in service.volumes where volume.kind == .scratch {
            volumes.append(VolumeContext(name: label(volume.target, prefix: "scratch"), path: volume.target, inMemory: true))
        }
        if let shm = service.processSettings?.shmSize {
            volumes.append(VolumeContext(name: "dshm", path: "/dev/shm", inMemory: true, sizeLimit: quantity(shm), hasSizeLimit: true))
        }
        for volume in sharedVolumes(service, project: project) {
            volumes.append(VolumeContext(name: claimName(volume), path: volume.target, inMemory: false, claim: claimName(volume), isClaim: true))
        }
        let data = dataVolumes.map {
            DataVolumeContext(name: label($0.source, prefix: "data"), path: $0.target, size: $0.size.map(quantity) ?? dataVolumeSize)
        }
        let configFiles = Self.configFiles(service)
        let readsSecrets = service.instances.contains { !$0.secrets.isEmpty }
        let skips = skipList(service, uid: uid, hasProbes: !probes.isEmpty, readsSecrets: readsSecrets)
        let image = isBuilt ? service.imageRepository : service.imageReference()
        let shape = WorkloadShape.of(service, isStateful: isStateful)
        var context = WorkloadContext(
            name: service.name, summary: service.summary, project: project.name,
            labels: labels(service, project: project.name),
            isStateful: isStateful, isBuilt: isBuilt, image: image, imageRepository: service.imageRepository,
            ports: ports(service), args: args, hasArgs: !args.isEmpty,
            probes: probes, uid: uid, automountServiceAccountToken: service.needsServiceAccountToken,
            volumes: volumes, data: data, configFiles: configFiles,
            hasVolumes: !volumes.isEmpty || !data.isEmpty || !configFiles.isEmpty,
            hasPodVolumes: !volumes.isEmpty || !configFiles.isEmpty,
            resources: resources(environments.lazy.compactMap { service.instance(in: $0) }.first?.resources ?? .default),
            secretName: secretName, skips: skips, hasSkips: !skips.isEmpty,
            isPublic: service.ingress != nil && port != nil, canAutoscale: !isStateful && shape.isLongRunning,
            isPrometheus: service.preset == .prometheus, isProxy: isProxy(service), isGrafana: service.preset == .grafana,
            listenPort: service.port ?? 8080, ingressClass: ingressClass)
        context.shape(shape)
        context.entrypoint = service.processSettings?.entrypoint ?? []
        context.hasEntrypoint = !context.entrypoint.isEmpty
        context.resources.gpus = service.processSettings?.gpus.map { [$0] } ?? []
        context.files = service.volumes.filter { $0.kind == .file }.map { volume in
            FileMountContext(key: volume.fileKey, path: volume.target, source: volume.source,
                             contents: project.configFileContents(volume.source), configMap: "\(service.name)-files")
        }
        context.hasFiles = !context.files.isEmpty
        context.hasVolumes = context.hasVolumes || context.hasFiles
        context.hasPodVolumes = context.hasPodVolumes || context.hasFiles
        context.hasPorts = !context.ports.isEmpty
        context.primaryPorts = port.map { [$0] } ?? []
        context.schedule = service.schedule ?? ""
        if service.runsToCompletion {
            context.backoffLimit = service.retryLimit
            context.podDeadlineSeconds = service.timeoutSeconds
            context.jobDeadlineSeconds = service.jobDeadlineSeconds
        }
        context.afterJobs = shape.isLongRunning && service.instances.contains { instance in
            instance.dependsOn.contains { project.service(named: $0)?.isJob == true }
        }
        return context
    }

    /// The generated configuration a preset mounts read-only, as in compose: Prometheus's scrape
    /// configuration, the nginx or Traefik routes, Grafana's data source (zero or one).
    static func configFiles(_ service: ResolvedService) -> [ConfigFileContext] {
        let configMap = "\(service.name)-config"
        switch service.preset {
        case .prometheus:
            return [ConfigFileContext(volume: "config", path: "/etc/prometheus", configMap: configMap, file: "prometheus.yml", template: "prometheus-config")]
        case .nginx:
            return [ConfigFileContext(volume: "config", path: "/etc/nginx/conf.d", configMap: configMap, file: "default.conf", template: "nginx-config")]
        case .traefik:
            return [ConfigFileContext(volume: "config", path: "/etc/traefik", configMap: configMap, file: "dynamic.yml", template: "traefik-config")]
        case .grafana:
            return [ConfigFileContext(volume: "config", path: "/etc/grafana/provisioning/datasources", configMap: configMap, file: "datasources.yaml", template: "grafana-config")]
        default:
            return []
        }
    }

    /// True for a reverse proxy preset (nginx or Traefik), which routes path prefixes to services.
    static func isProxy(_ service: ResolvedService) -> Bool {
        service.preset == .nginx || service.preset == .traefik
    }

    /// Startup, readiness and liveness probes from a health check; a service with a port but no
    /// health check gets TCP probes, one with neither gets none.
    static func probeSet(_ health: HealthCheck?, port: PortContext?) -> [ProbeSetContext] {
        let check = health ?? (port != nil ? .tcp() : nil)
        guard let check else { return [] }
        func probe(path: String?, period: Int, failures: Int) -> ProbeContext? {
            switch check.kind {
            case .http:
                guard let port else { return nil }
                return ProbeContext(isHTTP: true, isTCP: false, isExec: false, path: path ?? "/", port: port.name, command: [],
                                    periodSeconds: period, timeoutSeconds: check.timeout, failureThreshold: failures)
            case .tcp:
                guard let port else { return nil }
                return ProbeContext(isHTTP: false, isTCP: true, isExec: false, path: "", port: port.name, command: [],
                                    periodSeconds: period, timeoutSeconds: check.timeout, failureThreshold: failures)
            case .command:
                guard let command = check.command, !command.isEmpty else { return nil }
                return ProbeContext(isHTTP: false, isTCP: false, isExec: true, path: "", port: "", command: command,
                                    periodSeconds: period, timeoutSeconds: check.timeout, failureThreshold: failures)
            }
        }
        // The startup probe allows the start period plus the usual retries, polled every 5 seconds.
        let startupPeriod = 5
        let startupBudget = check.startPeriod + check.retries * check.interval
        let startupFailures = max(1, (startupBudget + startupPeriod - 1) / startupPeriod)
        guard let startup = probe(path: check.livePath ?? check.path, period: startupPeriod, failures: startupFailures),
              let readiness = probe(path: check.readyPath ?? check.path, period: check.interval, failures: check.retries),
              let liveness = probe(path: check.livePath ?? check.path, period: check.interval, failures: check.retries)
        else { return [] }
        return [ProbeSetContext(startup: startup, readiness: readiness, liveness: liveness)]
    }

    /// The checkov checks the workload cannot meet without a decision only the user can make.
    static func skipList(_ service: ResolvedService, uid: Int, hasProbes: Bool, readsSecrets: Bool) -> [SkipContext] {
        var skips: [(String, String)] = []
        if service.imageDigest == nil {
            if service.build != nil {
                skips.append(("CKV_K8S_43", "built by CI and deployed by its git SHA tag (overlay images, chart image.tag); the digest exists only after the push"))
            } else {
                skips.append(("CKV_K8S_43", "pinned by tag only; write the image in Blueprint.swift as repository@sha256:<digest> to pin its digest"))
            }
        }
        if uid < 10000 {
            skips.append(("CKV_K8S_40", "the image runs as its own user \(uid), owner of its data and runtime paths; another UID needs a rebuilt image"))
        }
        if readsSecrets {
            skips.append(("CKV_K8S_35", "secrets are env vars on every platform scaffold targets; URLs embed them as $(NAME), which only env supports"))
        }
        if service.runsToCompletion {
            skips.append(("CKV_K8S_8", "a \(service.isJob ? "job" : "scheduled task") runs to completion: there is nothing to probe"))
            skips.append(("CKV_K8S_9", "a \(service.isJob ? "job" : "scheduled task") runs to completion: there is nothing to probe"))
        } else if !hasProbes {
            skips.append(("CKV_K8S_8", "no health check or port: add health: to the service in Blueprint.swift"))
            skips.append(("CKV_K8S_9", "no health check or port: add health: to the service in Blueprint.swift"))
        }
        if service.needsServiceAccountToken {
            skips.append(("CKV_K8S_38", "needsServiceAccountToken is set in Blueprint.swift: the service calls the Kubernetes API"))
        }
        return skips.enumerated().map { SkipContext(index: $0.offset + 1, id: $0.element.0, reason: $0.element.1, value: "\($0.element.0)=\($0.element.1)") }
    }
}

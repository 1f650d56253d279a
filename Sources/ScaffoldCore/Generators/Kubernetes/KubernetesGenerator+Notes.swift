import BlueprintDescription

extension KubernetesGenerator {
    /// What the Kubernetes output can't express, said once for both forms (the kustomize
    /// manifests and the Helm chart read the same `KubernetesPlan`, so `HelmGenerator` reports
    /// nothing of its own). Only situations present in `project` are reported.
    public func notes(for project: ResolvedProject) -> [FidelityNote] {
        guard let plan = KubernetesPlan.memoized(project) else { return [] }
        let environments = plan.environments.map(\.name)
        var notes = HostSettingNotes.notes(project, family: family, platforms: [.kubernetes])
        for workload in plan.workloads {
            guard let service = project.service(named: workload.name) else { continue }
            let inCluster = environments.filter { service.instance(in: $0).map { !$0.managed } ?? false }
            notes += autoscalingNotes(service, workload: workload, environments: inCluster)
            notes += volumeNotes(service, project: project, environments: inCluster)
            notes += scrapeNotes(service, project: project, environments: inCluster)
            notes += routeNotes(service, project: project, environments: inCluster)
            let named = service.egress.compactMap { item in item.host.map { "\($0):\(item.port)" } }
            if !inCluster.isEmpty && !named.isEmpty {
                notes.append(note(service.name, nil, "egress to \(named.joined(separator: ", ")) is opened to every public address on \(named.count == 1 ? "that port" : "those ports"), because NetworkPolicies match addresses, not host names; use `.network(CIDR, port:)` when the addresses are known"))
            }
            for environment in inCluster {
                let publicPorts = service.extraPorts.filter { $0.exposure(in: environment, mode: project.environment(named: environment)?.mode ?? .production) == .public }
                if !publicPorts.isEmpty {
                    notes.append(note(service.name, environment, "the public ports \(publicPorts.map(\.name).joined(separator: ", ")) are reached inside the cluster only: the Ingress serves the main port's HTTP; add a Service of type LoadBalancer for them"))
                }
            }
            if !service.extraEnvFiles.isEmpty && !inCluster.isEmpty {
                notes.append(note(service.name, nil, "envFiles \(service.extraEnvFiles.joined(separator: ", ")) are read by compose only: their variables are not set in the cluster; declare them in `environment:` or `secrets:`"))
            }
            if let settings = service.processSettings, !inCluster.isEmpty {
                if let files = settings.openFiles {
                    notes.append(note(service.name, nil, "openFiles \(files) is not set: Kubernetes has no per-container ulimit, so the node's container runtime limit applies"))
                }
                if let restart = settings.restart, restart != .always, !service.runsToCompletion {
                    notes.append(note(service.name, nil, "restart \(restart.rawValue) is not kept: a Deployment or StatefulSet restarts its pods always"))
                }
            }
            // Helm applies a release at once and runs jobs as hooks after it: dependents start first.
            let jobs = Set(inCluster.flatMap { environment in
                (service.instance(in: environment)?.dependsOn ?? []).filter { project.service(named: $0)?.isJob == true }
            }).sorted()
            if !jobs.isEmpty && !service.runsToCompletion {
                notes.append(FidelityNote(family: family, service: service.name, environment: nil, message: "the Helm chart runs \(jobs.joined(separator: ", ")) as a post-install/post-upgrade hook, once the release's workloads are applied: \(service.name) starts before \(jobs.count == 1 ? "it completes" : "they complete") and must retry until then (the kustomize deploy in deploy.yml starts \(service.name) only after)."))
            }
            if service.ingress != nil && service.port == nil {
                notes.append(note(service.name, nil, "asks for an ingress but has no port, so no Ingress is rendered"))
            }
        }
        return Array(Set(notes)).sorted()
    }

    /// One note, saying that it holds for both forms.
    func note(_ service: String, _ environment: String?, _ message: String) -> FidelityNote {
        FidelityNote(family: family, service: service, environment: environment, message: "\(message) (kustomize and Helm).")
    }

    /// A StatefulSet asked to autoscale runs its minimum as a fixed count.
    func autoscalingNotes(_ service: ResolvedService, workload: WorkloadContext, environments: [String]) -> [FidelityNote] {
        guard workload.isStateful else { return [] }
        return environments.compactMap { environment in
            guard let instance = service.instance(in: environment), let scale = instance.autoscale else { return nil }
            return note(service.name, environment, "asks for autoscaling (\(scale.min)–\(scale.max) replicas) but runs \(instance.replicas) fixed replicas; a StatefulSet with a volume per replica is not autoscaled")
        }
    }

    /// Volumes limited to some environments and bind mounts. (A claim's size is the volume's
    /// `size:`, or the preset's `storage:`, 10Gi by default: nothing to note.)
    func volumeNotes(_ service: ResolvedService, project: ResolvedProject, environments: [String]) -> [FidelityNote] {
        var notes: [FidelityNote] = []
        let dataVolumes = KubernetesPlan.dataVolumes(service, project: project)
        for volume in service.volumes.sorted(by: { $0.target < $1.target }) {
            let mountedIn = environments.filter { environment in
                service.instance(in: environment)?.volumes.contains { $0.kind == volume.kind && $0.target == volume.target } ?? false
            }
            switch volume.kind {
            case .named:
                guard dataVolumes.contains(where: { $0.target == volume.target }), mountedIn.count < environments.count else { continue }
                notes.append(note(service.name, nil, "volume \(volume.source) (\(volume.target)) is mounted only in \(mountedIn.joined(separator: ", ")) but the StatefulSet claims it in every Kubernetes environment (\(environments.joined(separator: ", ")))"))
            case .scratch:
                guard mountedIn.count < environments.count else { continue }
                let only = mountedIn.isEmpty ? "is mounted in no Kubernetes environment" : "is mounted only in \(mountedIn.joined(separator: ", "))"
                notes.append(note(service.name, nil, "scratch volume \(volume.target) \(only) but the workload mounts it as an in-memory emptyDir in every Kubernetes environment (\(environments.joined(separator: ", ")))"))
            case .file:
                continue
            case .bind:
                for environment in mountedIn {
                    notes.append(note(service.name, environment, "bind mount \(volume.source) (\(volume.target)) is a project folder, which doesn't exist in the cluster, so it is not mounted; the image's own files are used"))
                }
            }
        }
        return notes
    }

    /// Prometheus scrape targets that are not scraped in the cluster.
    func scrapeNotes(_ service: ResolvedService, project: ResolvedProject, environments: [String]) -> [FidelityNote] {
        guard service.preset == .prometheus else { return [] }
        var notes: [FidelityNote] = []
        for name in service.scrapeTargets {
            guard let target = project.service(named: name) else { continue }
            if target.port == nil {
                notes.append(note(service.name, nil, "scrape target \(name) has no port, so it is not scraped"))
                continue
            }
            for environment in environments where !project.runningServices(in: environment).contains(where: { $0.name == name }) {
                notes.append(note(service.name, environment, "scrape target \(name) doesn't run in the cluster here, so it is not scraped"))
            }
        }
        return notes
    }

    /// Proxy routes left out of the generated nginx or Traefik configuration.
    func routeNotes(_ service: ResolvedService, project: ResolvedProject, environments: [String]) -> [FidelityNote] {
        guard KubernetesPlan.isProxy(service) else { return [] }
        var notes: [FidelityNote] = []
        for route in service.routes {
            guard let target = project.service(named: route.service) else { continue }
            if target.port == nil {
                notes.append(note(service.name, nil, "route \(route.prefix) to \(route.service) is left out: \(route.service) has no port"))
                continue
            }
            for environment in environments where !project.runningServices(in: environment).contains(where: { $0.name == route.service }) {
                notes.append(note(service.name, environment, "route \(route.prefix) to \(route.service) is left out: \(route.service) doesn't run in the cluster here"))
            }
        }
        return notes
    }
}

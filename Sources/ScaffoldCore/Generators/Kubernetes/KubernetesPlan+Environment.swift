import BlueprintDescription

extension KubernetesPlan {
    /// The namespace of the ingress controller for an ingress class: `ingress-nginx` for `nginx`,
    /// otherwise a namespace named after the class.
    static func ingressControllerNamespace(_ ingressClass: String) -> String {
        ingressClass == "nginx" ? "ingress-nginx" : ingressClass
    }

    /// The services running in the cluster in `environment`, with what differs there.
    static func environment(_ environment: String, project: ResolvedProject, secretName: String, ingressClass: String) -> KubernetesEnvironmentPlan {
        let running = project.runningServices(in: environment)
        let managed = project.services.filter { $0.instance(in: environment)?.managed == true }
        let peers = Peers(running: running, environment: environment)
        let instances = running.compactMap { service -> WorkloadInstanceContext? in
            guard let instance = service.instance(in: environment) else { return nil }
            return self.instance(service, instance, project: project, peers: peers, managed: managed, secretName: secretName, ingressClass: ingressClass)
        }
        var plan = KubernetesEnvironmentPlan(
            name: environment, namespace: "\(project.name)-\(environment)", instances: instances,
            managed: managed.map(\.name), hasManaged: !managed.isEmpty)
        plan.sharedClaims = sharedClaims(in: environment, project: project)
        plan.hasSharedClaims = !plan.sharedClaims.isEmpty
        return plan
    }

    /// `service` in one environment.
    static func instance(_ service: ResolvedService, _ instance: ServiceInstance, project: ResolvedProject, peers: Peers, managed: [ResolvedService], secretName: String, ingressClass: String) -> WorkloadInstanceContext {
        let running = peers.running
        let port = port(service)
        let config = instance.plain.filter { $0.interpolates.isEmpty }.map { KeyValueContext(name: $0.name, value: $0.value ?? "") }
        let dependent = instance.plain.filter { !$0.interpolates.isEmpty }.map {
            KeyValueContext(name: $0.name, value: dependentValue($0.value ?? "", interpolates: $0.interpolates))
        }
        let secretEnv = instance.secrets.compactMap { variable in
            variable.secret.map { SecretEnvContext(name: variable.name, key: $0.key, secretName: secretName) }
        }
        let ingress: [IngressContext]
        if service.ingress != nil, let host = instance.host, let port {
            ingress = [IngressContext(host: host, path: service.ingress?.path ?? "/", className: ingressClass, tlsSecret: "\(service.name)-tls", port: port.name)]
        } else {
            ingress = []
        }
        let scrape = service.preset == .prometheus ? scrapeTargets(service, running: running) : []
        let routes = routes(service, running: running)
        let autoscale = instance.autoscale.map { AutoscaleContext(min: $0.min, max: $0.max, cpuPercent: $0.cpuPercent) }
        let isStateful = Self.isStateful(service, project: project)
        let shape = WorkloadShape.of(service, isStateful: isStateful)
        var context = WorkloadInstanceContext(
            name: service.name, labels: labels(service, project: project.name), isStateful: isStateful,
            isBuilt: service.build != nil, imageRepository: service.imageRepository, imageTag: project.branchTag(for: instance.environment),
            replicas: instance.replicas, fixedReplicas: autoscale == nil || isStateful,
            autoscale: isStateful ? [] : (autoscale.map { [$0] } ?? []), isAutoscaled: autoscale != nil && !isStateful,
            resources: resources(instance.resources), config: config, secretEnv: secretEnv, dependentEnv: dependent,
            hasConfig: !config.isEmpty, hasEnv: !secretEnv.isEmpty || !dependent.isEmpty, ingress: ingress, isPublic: !ingress.isEmpty,
            networkPolicy: networkPolicy(service, instance, project: project, peers: peers, managed: managed, scrape: scrape, ingressClass: ingressClass, isPublic: !ingress.isEmpty),
            scrapeTargets: scrape, hasScrapeTargets: !scrape.isEmpty, isPrometheus: service.preset == .prometheus,
            configFiles: configFiles(service), routes: routes, hasRoutes: !routes.isEmpty, listenPort: service.port ?? 8080,
            prometheusURL: service.preset == .grafana ? prometheusURL(service, instance, project: project) : "")
        context.resources.gpus = service.processSettings?.gpus.map { [$0] } ?? []
        context.shape(shape)
        return context
    }

    /// A proxy's routes here: each route whose service runs here and has a port, to its
    /// in-cluster `service:port`. Compose drops the same routes.
    static func routes(_ service: ResolvedService, running: [ResolvedService]) -> [RouteContext] {
        isProxy(service) ? RouteContext.routes(of: service, reachable: running) : []
    }

    /// Grafana's data source: its first dependency (else `prometheus`) at its in-cluster port
    /// (9090 when unknown), as in compose.
    static func prometheusURL(_ service: ResolvedService, _ instance: ServiceInstance, project: ResolvedProject) -> String {
        let prometheus = instance.dependsOn.first ?? service.instances.first?.dependsOn.first ?? "prometheus"
        return "http://\(prometheus):\(project.service(named: prometheus)?.port ?? 9090)"
    }

    /// A value with `${SECRET}` placeholders as a Kubernetes dependent variable: `$(SECRET)`.
    /// A literal `$(` in the value is escaped as `$$(` first, so Kubernetes leaves it alone.
    static func dependentValue(_ value: String, interpolates: [String]) -> String {
        var result = value.replacingOccurrences(of: "$(", with: "$$(")
        for name in interpolates {
            result = result.replacingOccurrences(of: "${\(name)}", with: "$(\(name))")
        }
        return result
    }

    /// Prometheus's scrape jobs here: each scraped service that runs here and has a port.
    static func scrapeTargets(_ service: ResolvedService, running: [ResolvedService]) -> [ScrapeTargetContext] {
        ScrapeTargetContext.targets(of: service, running: running)
    }

    /// The services running in one environment, indexed for the network policies: by name, and
    /// who reaches each one (so a policy costs its own peers, not a pass over every service).
    struct Peers {
        /// The running services, in declaration order.
        var running: [ResolvedService]
        /// The running services by name.
        var byName: [String: ResolvedService]
        /// For each service name, the running services whose instance here depends on it, calls
        /// it (`.url(of:)`) or scrapes it, in declaration order, each once.
        var callers: [String: [String]]

        init(running: [ResolvedService], environment: String) {
            self.running = running
            byName = Dictionary(running.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            callers = [:]
            for other in running {
                guard let instance = other.instance(in: environment) else { continue }
                let scraped = other.preset == .prometheus ? other.scrapeTargets : []
                for name in instance.dependsOn + instance.calls + scraped where name != other.name && callers[name]?.last != other.name {
                    callers[name, default: []].append(other.name)
                }
            }
        }
    }

    /// Only declared traffic: in from dependents, callers (`.url(of:)`) and scrapers (and the
    /// ingress controller when public), out to dependencies, called services, scrape targets,
    /// managed services' ports, declared egress and DNS.
    static func networkPolicy(_ service: ResolvedService, _ instance: ServiceInstance, project: ResolvedProject, peers: Peers, managed: [ResolvedService], scrape: [ScrapeTargetContext], ingressClass: String, isPublic: Bool) -> NetworkPolicyContext {
        let port = port(service)
        let allPorts = ports(service)
        // `port` is what the peer entries name; the policy opens every port in `allPorts`.
        let from = allPorts.first.map { first in
            (peers.callers[service.name] ?? []).map { PeerContext(name: $0, instance: project.name, port: first.number) }
        } ?? []
        var to: [PeerContext] = []
        for name in instance.dependsOn + instance.calls + scrape.map(\.name) where !to.contains(where: { $0.name == name }) {
            guard let dependency = peers.byName[name], let dependencyPort = dependency.port else { continue }
            let more = extraPorts(dependency)
            to.append(PeerContext(name: name, instance: project.name, port: dependencyPort, extraPorts: more, hasExtraPorts: !more.isEmpty))
        }
        // A cloud-managed dependency is known by the connection secret the resolver gives its
        // dependents (key `<service>-url`); its address is outside the cluster, so only the port is opened.
        let connectionKeys = Set(instance.variables.filter { $0.origin == .connection }.compactMap { $0.secret?.key })
        let external = Array(Set(managed.filter { connectionKeys.contains("\($0.name)-url") }.compactMap(\.port))).sorted()
        var policy = NetworkPolicyContext(
            from: from, hasFrom: !from.isEmpty,
            ingressController: isPublic ? [ingressControllerNamespace(ingressClass)] : [],
            port: allPorts, to: to, external: external, egress: EgressRuleContext.rules(service.egress),
            hasIngress: !from.isEmpty || isPublic, hasExternal: !external.isEmpty)
        policy.ingressPort = port.map { [$0] } ?? []
        return policy
    }
}

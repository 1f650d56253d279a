import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// There is no API server here, so the NetworkPolicies are evaluated over the rendered objects
/// (`kubectl kustomize` and `helm template`): for every Kubernetes environment, which pod may reach
/// which pod and port, and what outside the cluster. Every declared dependency, every Prometheus
/// scrape, the ingress controller's traffic to public services, declared egress, managed services'
/// ports and DNS must be allowed, and nothing else.
@Suite("Kubernetes network connectivity")
struct NetworkConnectivityTests {
    @Test("NetworkPolicies allow exactly the declared traffic", arguments: try KubernetesRender.kubernetesPresets())
    func declaredTrafficOnly(_ preset: String) throws {
        let (project, root, _) = try KubernetesRender.render(preset)
        let plan = try #require(KubernetesPlan(project: project))
        guard let helm = KubernetesTools.helmOrSkip("the network connectivity test") else { return }
        for environment in plan.environments {
            let objects = try KubernetesTools.objects(root: root, project: plan.project, environment: environment.name,
                                                      namespace: environment.namespace, helm: helm)
            for (form, list) in [("kustomize", objects.kustomize), ("helm", objects.helm)] {
                let cluster = Cluster(objects: list, namespace: environment.namespace)
                let problems = Self.check(cluster, project: project, environment: environment.name)
                for problem in problems { Issue.record("\(preset) \(environment.name) (\(form)): \(problem)") }
            }
        }
    }

    @Test("the evaluator itself: isolation, peers, ports and ipBlock exceptions")
    func evaluator() throws {
        let policy: [String: Any] = [
            "kind": "NetworkPolicy", "metadata": ["name": "a"],
            "spec": [
                "podSelector": ["matchLabels": ["app.kubernetes.io/name": "a"]],
                "policyTypes": ["Ingress", "Egress"],
                "ingress": [],
                "egress": [
                    ["to": [["podSelector": ["matchLabels": ["app.kubernetes.io/name": "b"]]]], "ports": [["port": 80, "protocol": "TCP"]]],
                    ["to": [["ipBlock": ["cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]]]], "ports": [["port": 443]]],
                ],
            ] as [String: Any],
        ]
        let deployment = { (name: String) -> [String: Any] in
            ["kind": "Deployment", "metadata": ["name": name],
             "spec": ["template": ["metadata": ["labels": ["app.kubernetes.io/name": name]],
                                   "spec": ["containers": [["name": name, "ports": [["containerPort": 80]]]]]]]]
        }
        let cluster = Cluster(objects: [policy, deployment("a"), deployment("b")], namespace: "n")
        let a = try #require(cluster.pods.first { $0.name == "a" }), b = try #require(cluster.pods.first { $0.name == "b" })
        #expect(cluster.allows(from: .pod(a), to: .pod(b), port: 80))
        #expect(!cluster.allows(from: .pod(a), to: .pod(b), port: 81))
        #expect(!cluster.allows(from: .pod(b), to: .pod(a), port: 80), "a isolates its ingress with an empty list")
        #expect(cluster.allows(from: .pod(a), to: .address("203.0.113.10"), port: 443))
        #expect(!cluster.allows(from: .pod(a), to: .address("10.1.2.3"), port: 443))
        #expect(!cluster.allows(from: .pod(a), to: .address("203.0.113.10"), port: 80))
        #expect(cluster.allows(from: .pod(b), to: .address("203.0.113.10"), port: 1234), "b is not isolated")
    }

    /// Everything wrong with `cluster` in `environment`.
    static func check(_ cluster: Cluster, project: ResolvedProject, environment: String) -> [String] {
        var problems: [String] = []
        let running = cluster.pods
        func service(_ pod: Cluster.Pod) -> ResolvedService? { project.service(named: pod.name) }
        // Expected in-cluster traffic: (from, to, port).
        var expected = Set<[String]>()
        for pod in running {
            guard let svc = service(pod), let instance = svc.instance(in: environment) else { continue }
            var targets = instance.dependsOn
            if svc.preset == .prometheus { targets += svc.scrapeTargets }
            for name in targets {
                guard let target = running.first(where: { $0.name == name }), let port = project.service(named: name)?.port else { continue }
                expected.insert([pod.name, target.name, String(port)])
            }
        }
        let controller = Cluster.Endpoint.foreign(namespace: "ingress-nginx")
        for source in running {
            for target in running where target.name != source.name {
                for port in target.ports {
                    let allowed = cluster.allows(from: .pod(source), to: .pod(target), port: port)
                    let wanted = expected.contains([source.name, target.name, String(port)])
                    if allowed != wanted {
                        problems.append("\(source.name) → \(target.name):\(port) is \(allowed ? "allowed" : "blocked") but \(wanted ? "declared" : "not declared")")
                    }
                }
            }
            // DNS always.
            for transport in ["UDP", "TCP"] where !cluster.allows(from: .pod(source), to: .foreign(namespace: "kube-system", labels: ["k8s-app": "kube-dns"]), port: 53, transport: transport) {
                problems.append("\(source.name) can't reach DNS over \(transport)")
            }
            guard let svc = service(source), let instance = svc.instance(in: environment) else { continue }
            // The ingress controller reaches public services only.
            if let port = svc.port {
                let isPublic = svc.ingress != nil && instance.host != nil
                let allowed = cluster.allows(from: controller, to: .pod(source), port: port)
                if allowed != isPublic {
                    problems.append("the ingress controller → \(source.name):\(port) is \(allowed ? "allowed" : "blocked") but the service is \(isPublic ? "public" : "internal")")
                }
            }
            // Declared egress, to a sample address of each destination.
            var openExternal = Set<Int>()
            for egress in svc.egress {
                let address = egress.network.map(Self.sampleAddress) ?? "203.0.113.10"
                if !cluster.allows(from: .pod(source), to: .address(address), port: egress.port, transport: egress.transport.rawValue.uppercased()) {
                    problems.append("\(source.name) can't reach its declared egress \(egress.host ?? egress.network ?? ""):\(egress.port)")
                }
                if egress.network == nil { openExternal.insert(egress.port) }
            }
            // Managed dependencies live outside the cluster: their ports are open.
            let managed = project.services.filter { dependency in
                svc.instance(in: environment)?.variables.contains { $0.origin == .connection && $0.secret?.key == "\(dependency.name)-url" } ?? false
            }
            for dependency in managed {
                guard let port = dependency.port else { continue }
                openExternal.insert(port)
                if !cluster.allows(from: .pod(source), to: .address("10.100.0.5"), port: port) {
                    problems.append("\(source.name) can't reach its managed \(dependency.name) on \(port)")
                }
            }
            // Nothing else leaves the cluster.
            for port in [80, 443, 5432, 6379, 8080] where !openExternal.contains(port) {
                if cluster.allows(from: .pod(source), to: .address("198.51.100.7"), port: port) {
                    problems.append("\(source.name) may reach any public address on \(port), which nothing declares")
                }
            }
        }
        return problems
    }

    /// An address inside `cidr`: its network address plus one.
    static func sampleAddress(_ cidr: String) -> String {
        let base = cidr.split(separator: "/")[0]
        var octets = base.split(separator: ".").compactMap { Int($0) }
        guard octets.count == 4 else { return String(base) }
        octets[3] += 1
        return octets.map(String.init).joined(separator: ".")
    }
}

/// The pods and NetworkPolicies of one namespace, with Kubernetes' policy semantics: a pod selected
/// by a policy of a type is isolated for that direction and only the union of its rules passes;
/// traffic needs the sender's egress and the receiver's ingress.
struct Cluster {
    struct Pod {
        var name: String
        var labels: [String: String]
        var ports: [Int]
        var address: String
    }

    enum Endpoint {
        case pod(Pod)
        case foreign(namespace: String, labels: [String: String] = [:])
        case address(String)
    }

    var namespace: String
    var pods: [Pod] = []
    var policies: [[String: Any]] = []

    init(objects: [[String: Any]], namespace: String) {
        self.namespace = namespace
        for object in objects {
            let annotations = (object["metadata"] as? [String: Any])?["annotations"] as? [String: Any]
            if annotations?["helm.sh/hook"] != nil { continue }
            switch object["kind"] as? String {
            case "NetworkPolicy":
                policies.append(object)
            case "Deployment", "StatefulSet":
                let template = ((object["spec"] as? [String: Any])?["template"] as? [String: Any]) ?? [:]
                let labels = ((template["metadata"] as? [String: Any])?["labels"] as? [String: String]) ?? [:]
                let containers = ((template["spec"] as? [String: Any])?["containers"] as? [[String: Any]]) ?? []
                let ports = containers.flatMap { ($0["ports"] as? [[String: Any]] ?? []).compactMap { $0["containerPort"] as? Int } }
                pods.append(Pod(name: labels["app.kubernetes.io/name"] ?? "", labels: labels, ports: ports, address: "10.244.0.\(pods.count + 2)"))
            default:
                break
            }
        }
    }

    /// Whether `source` may open a connection to `destination` on `port`.
    func allows(from source: Endpoint, to destination: Endpoint, port: Int, transport: String = "TCP") -> Bool {
        if case let .pod(pod) = source, !passes(pod, direction: "Egress", peer: destination, port: port, transport: transport) { return false }
        if case let .pod(pod) = destination, !passes(pod, direction: "Ingress", peer: source, port: port, transport: transport) { return false }
        return true
    }

    private func passes(_ pod: Pod, direction: String, peer: Endpoint, port: Int, transport: String) -> Bool {
        let selecting = policies.filter { policy in
            let spec = policy["spec"] as? [String: Any] ?? [:]
            let types = spec["policyTypes"] as? [String] ?? ["Ingress"]
            return types.contains(direction) && Self.matches(spec["podSelector"] as? [String: Any], pod.labels)
        }
        if selecting.isEmpty { return true }
        let key = direction == "Egress" ? "egress" : "ingress"
        let peersKey = direction == "Egress" ? "to" : "from"
        return selecting.contains { policy in
            let rules = (policy["spec"] as? [String: Any])?[key] as? [[String: Any]] ?? []
            return rules.contains { rule in
                let ports = rule["ports"] as? [[String: Any]] ?? []
                let portOK = ports.isEmpty || ports.contains { ($0["port"] as? Int) == port && (($0["protocol"] as? String) ?? "TCP") == transport }
                let peers = rule[peersKey] as? [[String: Any]] ?? []
                return portOK && (peers.isEmpty || peers.contains { matches(peer: $0, peer) })
            }
        }
    }

    private func matches(peer rule: [String: Any], _ endpoint: Endpoint) -> Bool {
        if let block = rule["ipBlock"] as? [String: Any] {
            let address: String
            switch endpoint {
            case let .pod(pod): address = pod.address
            case .foreign: address = "10.244.9.9"
            case let .address(value): address = value
            }
            guard let cidr = block["cidr"] as? String, Self.contains(cidr, address) else { return false }
            return !(block["except"] as? [String] ?? []).contains { Self.contains($0, address) }
        }
        let podSelector = rule["podSelector"] as? [String: Any]
        let namespaceSelector = rule["namespaceSelector"] as? [String: Any]
        switch endpoint {
        case let .pod(pod):
            if let namespaceSelector, !Self.matches(namespaceSelector, ["kubernetes.io/metadata.name": namespace]) { return false }
            return podSelector == nil || Self.matches(podSelector, pod.labels)
        case let .foreign(name, labels):
            guard let namespaceSelector, Self.matches(namespaceSelector, ["kubernetes.io/metadata.name": name]) else { return false }
            return podSelector == nil || Self.matches(podSelector, labels)
        case .address:
            return false
        }
    }

    /// `matchLabels` semantics; an empty or missing selector matches everything.
    static func matches(_ selector: [String: Any]?, _ labels: [String: String]) -> Bool {
        let wanted = selector?["matchLabels"] as? [String: String] ?? [:]
        return wanted.allSatisfy { labels[$0.key] == $0.value }
    }

    /// Whether an IPv4 `address` is inside `cidr` (IPv6 blocks match no IPv4 address).
    static func contains(_ cidr: String, _ address: String) -> Bool {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let bits = UInt32(parts[1]), let network = ipv4(String(parts[0])), let value = ipv4(address) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return network & mask == value & mask
    }

    static func ipv4(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        return octets.reduce(0) { $0 << 8 | $1 }
    }
}

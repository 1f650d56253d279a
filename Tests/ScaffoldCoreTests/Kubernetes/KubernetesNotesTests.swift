import BlueprintDescription
@testable import ScaffoldCore
import Testing

/// What the Kubernetes output can't express is reported as fidelity notes, once (from the
/// kubernetes family, for kustomize and Helm alike), and only when the blueprint has the situation.
@Suite("Kubernetes fidelity notes")
struct KubernetesNotesTests {
    /// A blueprint with every situation: a stateful app autoscaled in production whose volume is
    /// mounted only in staging, a port-less worker that Prometheus scrapes and nginx routes to.
    static func triggering() throws -> ResolvedProject {
        try Resolver().resolve(Blueprint(
            name: "notes", registry: "ghcr.io/acme", environments: [.development, .staging, .production],
            services: [
                .app("wiki", path: "wiki", runtime: .node("22", packages: .npm, entry: "server.js"), port: 3000,
                     health: .http("/health"), volumes: [.named("uploads", at: "/data", environments: [.staging])],
                     autoscale: [.production: .cpu(min: 2, max: 5)]),
                .app("worker", path: "worker", runtime: .python("3.12", packages: .uv, server: .command(["python", "-m", "worker"]))),
                .prometheus(scrape: ["wiki", "worker"]),
                .proxy(.nginx, name: "edge", routes: ["/wiki/": "wiki", "/jobs/": "worker"]),
            ],
            targets: [.kubernetes(environments: [.staging, .production])]))
    }

    /// A blueprint Kubernetes expresses fully: a stateless app behind nginx.
    static func clean() throws -> ResolvedProject {
        try Resolver().resolve(Blueprint(
            name: "clean", registry: "ghcr.io/acme", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .node("22", packages: .npm, entry: "server.js"), port: 3000,
                     health: .http("/health"), autoscale: [.production: .cpu(min: 2, max: 5)]),
                .proxy(.nginx, name: "edge", routes: ["/": "api"], hostPort: 8080),
            ],
            targets: [.kubernetes(environments: [.production])]))
    }

    static func messages(_ notes: [FidelityNote], service: String, environment: String? = nil) -> [String] {
        notes.filter { $0.service == service && $0.environment == environment }.map(\.message)
    }

    @Test("each situation the blueprint has is reported, for both forms, from the kubernetes family only")
    func triggeringBlueprint() throws {
        let project = try Self.triggering()
        let notes = KubernetesGenerator().notes(for: project)
        #expect(HelmGenerator().notes(for: project).isEmpty)
        #expect(notes.allSatisfy { $0.family == "kubernetes" && $0.message.contains("kustomize and Helm") })
        #expect(notes == notes.sorted() && Set(notes).count == notes.count)

        let autoscale = Self.messages(notes, service: "wiki", environment: "production")
        #expect(autoscale.contains { $0.contains("runs 2 fixed replicas") && $0.contains("StatefulSet") && $0.contains("not autoscaled") })
        #expect(Self.messages(notes, service: "wiki", environment: "staging").isEmpty)

        let wiki = Self.messages(notes, service: "wiki")
        #expect(wiki.contains { $0.contains("uploads") && $0.contains("mounted only in staging") && $0.contains("staging, production") })
        // A claim's size is an option now (`size:`, a preset's `storage:`): nothing to note.
        #expect(!wiki.contains { $0.contains("10Gi") })

        #expect(Self.messages(notes, service: "prometheus").contains { $0.contains("scrape target worker has no port") })
        #expect(!Self.messages(notes, service: "prometheus").contains { $0.contains("scrape target wiki") })
        #expect(Self.messages(notes, service: "edge").contains { $0.contains("route /jobs/ to worker is left out") })
        #expect(!Self.messages(notes, service: "edge").contains { $0.contains("/wiki/") })
        #expect(notes.allSatisfy { !$0.message.lowercased().contains("hostport") })
    }

    @Test("a blueprint Kubernetes expresses fully gets no notes")
    func cleanBlueprint() throws {
        #expect(KubernetesGenerator().notes(for: try Self.clean()).isEmpty)
    }

    @Test("a project without a Kubernetes target gets no notes")
    func noKubernetes() throws {
        let project = try Resolver().resolve(Blueprint(
            name: "local", registry: "ghcr.io/acme", environments: [.development],
            services: [.postgres()], targets: []))
        #expect(KubernetesGenerator().notes(for: project).isEmpty)
    }

    @Test("proxies and Grafana get their generated configuration, mounted read-only like Prometheus's")
    func presetConfiguration() throws {
        let plan = try #require(KubernetesPlan(project: try Self.triggering()))
        let edge = try #require(plan.workloads.first { $0.name == "edge" })
        #expect(edge.configFiles.map(\.path) == ["/etc/nginx/conf.d"] && edge.configFiles.map(\.file) == ["default.conf"])
        let production = try #require(plan.environments.last?.instances.first { $0.name == "edge" })
        #expect(production.routes == [RouteContext(name: "wiki", prefix: "/wiki/", address: "wiki:3000")])
    }
}

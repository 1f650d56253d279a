import BlueprintDescription
@testable import ScaffoldCore
import Testing

/// The decisions both Kubernetes forms share, checked on the plan itself (the rendered objects are
/// checked with kubectl and helm in ScaffoldTests/Kubernetes).
@Suite("Kubernetes plan")
struct KubernetesPlanTests {
    static func plan() throws -> KubernetesPlan {
        let project = try Resolver().resolve(Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .staging, .production],
            services: [
                .app("api", path: "api", runtime: .python("3.12", packages: .uv, server: .uvicorn("app.main:app")), port: 8000,
                     health: .http("/health", ready: "/ready"), secrets: ["SESSION_SECRET"], dependsOn: ["postgres", "mailpit"],
                     replicas: [.staging: 2], autoscale: [.production: .cpu(min: 3, max: 10, target: 70)],
                     ingress: .host("shop.example.com")),
                .image("mailpit", "axllent/mailpit:v1.21.8", port: 8025, environments: [.development]),
                .postgres(managed: [.production]),
            ],
            targets: [.kubernetes(environments: [.staging, .production])]))
        return try #require(KubernetesPlan(project: project))
    }

    @Test("only Kubernetes environments get overlays, and a development-only service is nowhere")
    func developmentOnlyServiceIsAbsent() throws {
        let plan = try Self.plan()
        #expect(plan.environments.map(\.name) == ["staging", "production"])
        #expect(!plan.workloads.contains { $0.name == "mailpit" })
        #expect(plan.environments.allSatisfy { environment in !environment.instances.contains { $0.name == "mailpit" } })
        let production = try #require(plan.environments.last)
        #expect(production.instances.map(\.name) == ["api"])
        #expect(production.managed == ["postgres"])
        #expect(production.namespace == "shop-production")
    }

    @Test("autoscaling replaces the replica count")
    func autoscaling() throws {
        let plan = try Self.plan()
        let staging = try #require(plan.environments.first?.instances.first { $0.name == "api" })
        let production = try #require(plan.environments.last?.instances.first { $0.name == "api" })
        #expect(staging.fixedReplicas && staging.replicas == 2 && staging.autoscale.isEmpty)
        #expect(!production.fixedReplicas && production.autoscale == [AutoscaleContext(min: 3, max: 10, cpuPercent: 70)])
    }

    @Test("readiness uses the ready path, liveness the health path")
    func probes() throws {
        let api = try #require(try Self.plan().workloads.first { $0.name == "api" })
        let probes = try #require(api.probes.first)
        #expect(probes.readiness.path == "/ready")
        #expect(probes.liveness.path == "/health")
        #expect(probes.startup.path == "/health")
        #expect(api.uid == 10001)
        #expect(!api.automountServiceAccountToken)
    }

    @Test("a connection URL embedding a secret becomes a dependent variable after it")
    func dependentVariables() throws {
        let staging = try #require(try Self.plan().environments.first?.instances.first { $0.name == "api" })
        #expect(staging.dependentEnv == [KeyValueContext(name: "DATABASE_URL", value: "postgresql://app:$(POSTGRES_PASSWORD)@postgres:5432/shop")])
        #expect(staging.secretEnv.map(\.name) == ["POSTGRES_PASSWORD", "SESSION_SECRET"])
        #expect(staging.secretEnv.allSatisfy { $0.secretName == "shop-secrets" })
        #expect(!staging.config.contains { $0.name == "DATABASE_URL" })
        // Production's managed database: the URL is a secret key, and only its port is opened.
        let production = try #require(try Self.plan().environments.last?.instances.first { $0.name == "api" })
        #expect(production.secretEnv.contains(SecretEnvContext(name: "DATABASE_URL", key: "postgres-url", secretName: "shop-secrets")))
        #expect(production.networkPolicy.external == [5432])
        #expect(production.networkPolicy.to.isEmpty)
    }

    @Test("the plan is the same on every run")
    func deterministic() throws {
        #expect(try Self.plan() == Self.plan())
    }
}

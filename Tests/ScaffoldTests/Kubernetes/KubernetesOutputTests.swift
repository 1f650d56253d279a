import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// What the rendered manifests and chart must guarantee, checked on the objects `kubectl kustomize`
/// and `helm template` produce for a blueprint with a development-only service, a service absent
/// from production, a database managed in production, autoscaling and a ready endpoint.
@Suite("Kubernetes output")
struct KubernetesOutputTests {
    static func project() throws -> ResolvedProject {
        try Resolver().resolve(Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .staging, .production],
            services: [
                .app("api", path: "api", runtime: .python("3.12", packages: .uv, server: .uvicorn("app.main:app")), port: 8000,
                     health: .http("/health", ready: "/ready"), environment: ["LOG_LEVEL": .per([.development: "debug"], default: "info")],
                     secrets: ["SESSION_SECRET"], dependsOn: ["postgres", "redis", "mailpit"],
                     replicas: [.staging: 2], autoscale: [.production: .cpu(min: 3, max: 10, target: 70)],
                     ingress: .host("shop.example.com")),
                .image("mailpit", "axllent/mailpit:v1.21.8", port: 8025, environments: [.development]),
                .redis(environments: [.development, .staging]),
                .postgres(managed: [.production]),
                .prometheus(scrape: ["api"]),
            ],
            targets: [.kubernetes(environments: [.staging, .production])]))
    }

    /// Both outputs of `environment`, or nil when helm is missing (skipped or failed by `helmOrSkip`).
    static func objects(_ environment: String, _ what: String) throws -> (root: URL, kustomize: [[String: Any]], helm: [[String: Any]])? {
        guard let helm = KubernetesTools.helmOrSkip(what) else { return nil }
        let (root, _) = try KubernetesRender.render(try project(), folder: "shop")
        let objects = try KubernetesTools.objects(root: root, project: "shop", environment: environment, namespace: "shop-\(environment)", helm: helm)
        return (root, objects.kustomize, objects.helm)
    }

    static func named(_ objects: [[String: Any]], _ kind: String, _ name: String) -> [String: Any]? {
        objects.first { $0["kind"] as? String == kind && ($0["metadata"] as? [String: Any])?["name"] as? String == name }
    }

    static func podSpec(_ object: [String: Any]) -> [String: Any]? {
        if object["kind"] as? String == "Pod" { return object["spec"] as? [String: Any] }
        return ((object["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any]
    }

    static func json(_ value: Any) -> String {
        (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test("development-only and staging-only services never appear in production output")
    func nothingDevelopmentOnlyInProduction() throws {
        guard let (root, kustomize, helm) = try Self.objects("production", "the production-output test") else { return }
        for (tool, objects) in [("kustomize", kustomize), ("helm", helm)] {
            let text = Self.json(objects)
            #expect(!text.contains("mailpit"), "\(tool) production output mentions the development-only service mailpit")
            #expect(!text.contains("redis"), "\(tool) production output mentions redis, which doesn't run in production")
            // The managed database: no workload, only the connection secret reference.
            #expect(Self.named(objects, "StatefulSet", "postgres") == nil, "\(tool) runs postgres although production uses the managed one")
        }
        let productionFiles = TestPaths.files(in: root.appendingPathComponent("deploy/kubernetes/overlays/production"))
        #expect(!productionFiles.contains { $0.contains("mailpit") || $0.contains("redis") || $0.contains("postgres") })
        let everything = TestPaths.files(in: root)
        #expect(!everything.contains { $0.contains("mailpit") }, "the development-only service has Kubernetes files")
    }

    @Test("the managed database is reached through a secret reference and an egress port")
    func managedDatabase() throws {
        guard let (_, kustomize, helm) = try Self.objects("production", "the managed-database test") else { return }
        for objects in [kustomize, helm] {
            let api = try #require(Self.named(objects, "Deployment", "api"))
            let container = try #require((Self.podSpec(api)?["containers"] as? [[String: Any]])?.first)
            let env = container["env"] as? [[String: Any]] ?? []
            let url = try #require(env.first { $0["name"] as? String == "DATABASE_URL" })
            let reference = (url["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: Any]
            #expect(reference?["key"] as? String == "postgres-url")
            #expect(reference?["name"] as? String == "shop-secrets")
            let policy = try #require(Self.named(objects, "NetworkPolicy", "api"))
            let egress = (policy["spec"] as? [String: Any])?["egress"] as? [[String: Any]] ?? []
            let external = egress.filter { $0["to"] == nil }
            #expect(external.count == 1 && Self.json(external[0]["ports"] ?? []).contains("5432"), "api may reach the managed database's port")
        }
    }

    @Test("an autoscaled Deployment has no replicas; a fixed one has them and no HPA")
    func autoscalingReplacesReplicas() throws {
        guard let (_, prodK, prodH) = try Self.objects("production", "the autoscaling test"),
              let (_, stageK, stageH) = try Self.objects("staging", "the autoscaling test") else { return }
        for objects in [prodK, prodH] {
            let deployment = try #require(Self.named(objects, "Deployment", "api"))
            #expect((deployment["spec"] as? [String: Any])?["replicas"] == nil, "an autoscaled Deployment must leave replicas to the HPA")
            let hpa = try #require(Self.named(objects, "HorizontalPodAutoscaler", "api"))
            #expect((hpa["spec"] as? [String: Any])?["minReplicas"] as? Int == 3)
        }
        for objects in [stageK, stageH] {
            let deployment = try #require(Self.named(objects, "Deployment", "api"))
            #expect((deployment["spec"] as? [String: Any])?["replicas"] as? Int == 2)
            #expect(Self.named(objects, "HorizontalPodAutoscaler", "api") == nil)
        }
    }

    @Test("readiness and liveness differ where the blueprint names a ready endpoint")
    func readinessDiffersFromLiveness() throws {
        guard let (_, kustomize, helm) = try Self.objects("staging", "the probe test") else { return }
        for objects in [kustomize, helm] {
            let api = try #require(Self.named(objects, "Deployment", "api"))
            let container = try #require((Self.podSpec(api)?["containers"] as? [[String: Any]])?.first)
            let readiness = (container["readinessProbe"] as? [String: Any])?["httpGet"] as? [String: Any]
            let liveness = (container["livenessProbe"] as? [String: Any])?["httpGet"] as? [String: Any]
            #expect(readiness?["path"] as? String == "/ready")
            #expect(liveness?["path"] as? String == "/health")
            #expect(container["startupProbe"] != nil)
        }
    }

    @Test("every pod and container meets the restricted Pod Security Standard", arguments: ["staging", "production"])
    func restrictedEverywhere(_ environment: String) throws {
        guard let (_, kustomize, helm) = try Self.objects(environment, "the security-context test") else { return }
        var pods = 0
        for (tool, objects) in [("kustomize", kustomize), ("helm", helm)] {
            for object in objects {
                guard let spec = Self.podSpec(object), let containers = spec["containers"] as? [[String: Any]] else { continue }
                pods += 1
                let where_ = "\(tool) \(object["kind"] ?? "")/\((object["metadata"] as? [String: Any])?["name"] ?? "")"
                let pod = spec["securityContext"] as? [String: Any] ?? [:]
                #expect(pod["runAsNonRoot"] as? Bool == true, "\(where_): pod runAsNonRoot")
                #expect((pod["seccompProfile"] as? [String: Any])?["type"] as? String == "RuntimeDefault", "\(where_): pod seccompProfile")
                #expect(spec["automountServiceAccountToken"] as? Bool == false, "\(where_): service account token mounted")
                #expect(spec["hostNetwork"] == nil && spec["hostPID"] == nil && spec["hostIPC"] == nil, "\(where_): host namespaces")
                for container in containers + (spec["initContainers"] as? [[String: Any]] ?? []) {
                    let context = container["securityContext"] as? [String: Any] ?? [:]
                    #expect(context["allowPrivilegeEscalation"] as? Bool == false, "\(where_): allowPrivilegeEscalation")
                    #expect(context["readOnlyRootFilesystem"] as? Bool == true, "\(where_): readOnlyRootFilesystem")
                    #expect(context["runAsNonRoot"] as? Bool == true, "\(where_): container runAsNonRoot")
                    #expect(context["privileged"] as? Bool != true, "\(where_): privileged")
                    #expect((context["capabilities"] as? [String: Any])?["drop"] as? [String] == ["ALL"], "\(where_): capabilities drop ALL")
                    #expect((context["capabilities"] as? [String: Any])?["add"] == nil, "\(where_): capabilities added")
                    #expect((context["seccompProfile"] as? [String: Any])?["type"] as? String == "RuntimeDefault", "\(where_): container seccompProfile")
                    let uid = context["runAsUser"] as? Int ?? pod["runAsUser"] as? Int
                    #expect((uid ?? 0) > 0, "\(where_): numeric non-root user")
                    if (container["image"] as? String)?.hasPrefix("ghcr.io/acme/") == true {
                        #expect((uid ?? 0) >= 10000, "\(where_): images scaffold builds run as a UID of 10000 or more")
                    }
                }
            }
        }
        #expect(pods >= 4)
    }
}

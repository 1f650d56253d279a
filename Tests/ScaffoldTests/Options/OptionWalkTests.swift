import BlueprintDescription
import Foundation
import ScaffoldCore
import ScaffoldKit
import Testing

/// Nothing is ignored in silence: every option of the DSL, set on a base blueprint, changes a
/// generated file, or a warning or a validation error names it.
@Suite("Every DSL option is heard")
struct OptionWalkTests {
    /// What setting one option did.
    enum Outcome: Equatable, CustomStringConvertible {
        case changed([String])
        case noted(String)
        case refused(String)
        case ignored

        var description: String {
            switch self {
            case let .changed(paths): return "changed \(paths.prefix(3).joined(separator: ", "))\(paths.count > 3 ? ", …" : "")"
            case let .noted(line): return "noted: \(line)"
            case let .refused(message): return "refused: \(message)"
            case .ignored: return "IGNORED"
            }
        }
    }

    /// A small project that every family renders: an app, an image, two backing services,
    /// Kubernetes for staging and AWS for production.
    static func base() -> Blueprint {
        var api = Service.app(
            "api", path: "api", runtime: .python(packages: .uv, server: .uvicorn("app.main:app")), port: 8000,
            health: .http("/health"), environment: ["LOG_LEVEL": "info"], secrets: ["SESSION_SECRET"],
            dependsOn: ["postgres", "redis"], autoscale: [.production: .cpu(min: 2, max: 4)])
        api.summary = "The API"
        return Blueprint(
            name: "walk", registry: "ghcr.io/acme", environments: [.development, .staging, .production],
            services: [api, .image("web", "ghcr.io/acme/web:1.0.0", port: 8080, ingress: .host("web.walk.example.com")), .postgres(managed: [.production]), .redis(managed: [.production])],
            targets: [.kubernetes(environments: [.staging]), .aws(region: "eu-west-1", environments: [.production])])
    }

    /// One option set on the base blueprint. `keyword` is what a note or error about it must name.
    struct Mutation: Sendable, CustomStringConvertible {
        var option: String
        var keyword: String
        var apply: @Sendable (inout Blueprint) -> Void
        var description: String { option }
    }

    static func onService(_ name: String, _ option: String, keyword: String? = nil, _ change: @escaping @Sendable (inout Service) -> Void) -> Mutation {
        Mutation(option: option, keyword: keyword ?? option) { blueprint in
            guard let index = blueprint.services.firstIndex(where: { $0.name == name }) else { return }
            change(&blueprint.services[index])
        }
    }

    /// Every stored property of `Service` and `Blueprint`, each set once.
    static let serviceMutations: [Mutation] = [
        onService("api", "name") { $0.name = "backend" },
        onService("api", "kind") { $0.kind = .image; $0.image = "ghcr.io/acme/api:2.0.0"; $0.runtime = nil; $0.path = nil },
        onService("api", "path") { $0.path = "services/api" },
        onService("api", "runtime") { $0.runtime = .node() },
        onService("web", "image") { $0.image = "ghcr.io/acme/web:1.1.0" },
        onService("postgres", "preset") { $0.preset = .mysql },
        onService("api", "port") { $0.port = 8001 },
        onService("api", "hostPort") { $0.hostPort = 18000 },
        onService("api", "command") { $0.command = ["python", "-m", "app"] },
        onService("api", "health") { $0.health = .http("/healthz") },
        onService("api", "environment") { $0.environment["FEATURE_FLAG"] = "on" },
        onService("api", "secrets") { $0.secrets.append("API_TOKEN") },
        onService("web", "volumes", keyword: "cache") { $0.volumes = [.named("cache", at: "/cache")] },
        onService("api", "dependsOn") { $0.dependsOn = ["postgres"] },
        onService("api", "resources") { $0.resources = Resources(cpu: 0.5, memory: "512Mi") },
        onService("api", "resourcesPerEnvironment") { $0.resourcesPerEnvironment = ["staging": Resources(cpu: 1, memory: "1Gi")] },
        onService("api", "replicas") { $0.replicas = ["staging": 3] },
        onService("api", "autoscale") { $0.autoscale["staging"] = .cpu(min: 2, max: 6) },
        onService("api", "environments") { $0.environments = ["development", "production"] },
        onService("postgres", "managed") { $0.managed = [] },
        onService("api", "ingress") { $0.ingress = .host("api.walk.example.com") },
        onService("api", "test") { $0.test = ["pytest", "-q"] },
        onService("api", "summary") { $0.summary = "The walk's API" },
        onService("api", "writablePaths") { $0.writablePaths = ["/var/cache/api"] },
        onService("api", "needsServiceAccountToken") { $0.needsServiceAccountToken = true },
        onService("api", "metricsPath") { $0.metricsPath = "/metrics" },
        onService("api", "egress") { $0.egress = [.https("api.example.org")] },
        onService("api", "scrapeTargets") { $0.scrapeTargets = ["web"] },
        onService("api", "routes") { $0.routes = ["/web/": "web"] },
        onService("redis", "storage") { $0.storage = "20Gi" },
        onService("redis", "injects") { $0.injects = .url("CACHE_URL") },
        onService("api", "ports") { $0.ports = [.tcp("grpc", 9000)] },
        onService("api", "envFiles") { $0.envFiles = ["config/api.env"] },
        onService("api", "processSettings") { $0.processSettings = ProcessSettings(shmSize: "1Gi") },
        // A process of the API's image: its own command and workload everywhere.
        onService("web", "imageOf") { $0.kind = .process; $0.imageOf = "api"; $0.image = nil; $0.command = ["python", "-m", "web"] },
        // Kubernetes runs a job as a Job, and AWS (production) refuses it by name.
        onService("web", "lifecycle", keyword: "job") { $0.kind = .process; $0.imageOf = "api"; $0.image = nil; $0.command = ["python", "-m", "seed"]; $0.lifecycle = .job; $0.ingress = nil; $0.port = nil },
        onService("web", "taskTimeout", keyword: "activeDeadlineSeconds") { $0.kind = .process; $0.imageOf = "api"; $0.image = nil; $0.command = ["python", "-m", "seed"]; $0.lifecycle = .job; $0.ingress = nil; $0.port = nil; $0.taskTimeout = 900 },
        onService("web", "taskRetries", keyword: "backoffLimit") { $0.kind = .process; $0.imageOf = "api"; $0.image = nil; $0.command = ["python", "-m", "seed"]; $0.lifecycle = .job; $0.ingress = nil; $0.port = nil; $0.taskRetries = 2 },
        onService("web", "schedule") { $0.kind = .process; $0.imageOf = "api"; $0.image = nil; $0.command = ["python", "-m", "report"]; $0.lifecycle = .cron; $0.schedule = "0 3 * * *"; $0.ingress = nil; $0.port = nil; $0.environments = ["development", "staging"] },
        // `.completed` on a service that runs until stopped is an error naming it.
        onService("api", "completedDependencies", keyword: "completed") { $0.completedDependencies = ["postgres"] },
    ]

    static let blueprintMutations: [Mutation] = [
        Mutation(option: "name", keyword: "name") { $0.name = "walk2" },
        Mutation(option: "registry", keyword: "registry") { $0.registry = "ghcr.io/other" },
        Mutation(option: "summary", keyword: "summary") { $0.summary = "A walk through every option" },
        Mutation(option: "environments", keyword: "qa") { $0.environments.insert(.custom("qa", branch: "qa"), at: 2) },
        Mutation(option: "services", keyword: "worker") { $0.services.append(.app("worker", path: "worker", runtime: .go())) },
        Mutation(option: "targets", keyword: "targets") { $0.targets[0] = .kubernetes(ingressClass: "traefik", environments: [.staging]) },
        Mutation(option: "devContainer", keyword: "devcontainer") { $0.devContainer = DevContainer(service: "api") },
        Mutation(option: "mainBranch", keyword: "mainBranch") { $0.mainBranch = "trunk" },
        Mutation(option: "architectures", keyword: "arm64") { $0.architectures = [.amd64, .arm64] },
        Mutation(option: "notify", keyword: "DEPLOY_WEBHOOK") { $0.notify = [.webhook(secret: "DEPLOY_WEBHOOK")] },
    ]

    /// Properties that are not options: where a declaration is, for messages only.
    static let notOptions: Set<String> = ["location"]

    static func rendered(_ blueprint: Blueprint) throws -> (files: [String: String], notes: [String]) {
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        let templates = try TemplateLoader.templateSet(installation: installation, overrides: nil)
        let project = try Resolver().resolve(blueprint)
        let pipeline = Pipeline()
        let files = try pipeline.render(project, templates: templates).filter { $0.path != ".scaffold/resolved.json" }
        return (Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }), pipeline.notes(for: project).map(\.line))
    }

    static func outcome(of mutation: Mutation, baseline: (files: [String: String], notes: [String])) throws -> Outcome {
        var blueprint = base()
        mutation.apply(&blueprint)
        do {
            let result = try rendered(blueprint)
            let changed = Set(result.files.keys).union(baseline.files.keys).filter { result.files[$0] != baseline.files[$0] }.sorted()
            if !changed.isEmpty { return .changed(changed) }
            if let note = Set(result.notes).subtracting(baseline.notes).first(where: { $0.localizedCaseInsensitiveContains(mutation.keyword) }) { return .noted(note) }
            return .ignored
        } catch let failure as ValidationFailure {
            let message = failure.description
            return message.localizedCaseInsensitiveContains(mutation.keyword) ? .refused(message) : .ignored
        }
    }

    @Test("the walk covers every stored property of Service and Blueprint")
    func complete() {
        let service = Set(Mirror(reflecting: Self.base().services[0]).children.compactMap(\.label)).subtracting(Self.notOptions)
        let blueprint = Set(Mirror(reflecting: Self.base()).children.compactMap(\.label)).subtracting(Self.notOptions)
        #expect(service == Set(Self.serviceMutations.map(\.option)), "walk the new Service options: \(service.symmetricDifference(Self.serviceMutations.map(\.option)).sorted())")
        #expect(blueprint == Set(Self.blueprintMutations.map(\.option)), "walk the new Blueprint options: \(blueprint.symmetricDifference(Self.blueprintMutations.map(\.option)).sorted())")
    }

    @Test("every Service option changes the output or is named by a warning or an error", arguments: serviceMutations)
    func serviceOption(_ mutation: Mutation) throws {
        let outcome = try Self.outcome(of: mutation, baseline: try Self.rendered(Self.base()))
        #expect(outcome != .ignored, "Service.\(mutation.option) was set and nothing said so")
    }

    @Test("every Blueprint option changes the output or is named by a warning or an error", arguments: blueprintMutations)
    func blueprintOption(_ mutation: Mutation) throws {
        let outcome = try Self.outcome(of: mutation, baseline: try Self.rendered(Self.base()))
        #expect(outcome != .ignored, "Blueprint.\(mutation.option) was set and nothing said so")
    }

    @Test("replicas next to autoscale in one environment is an error naming both")
    func replicasWithAutoscale() throws {
        var blueprint = Self.base()
        blueprint.services[0].replicas = ["production": 5]
        #expect {
            _ = try Resolver().resolve(blueprint)
        } throws: { error in
            let text = "\(error)"
            return text.contains("replicas") && text.contains("autoscale") && text.contains("production")
        }
    }
}

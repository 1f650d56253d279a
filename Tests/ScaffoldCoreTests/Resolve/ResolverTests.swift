import BlueprintDescription
import ScaffoldCore
import Testing

/// Every validation rule reports an error at the declaring line, and nothing resolves when one fails.
@Suite("Resolver validation")
struct ResolverTests {
    func api(_ name: String = "api", port: Int? = 8000, hostPort: Int? = nil, environment: [String: Setting] = [:], secrets: [Secret] = [], volumes: [Volume] = [], dependsOn: [Dependency] = [], path: String = "api", environments: [Environment]? = nil, line: Int = #line) -> Service {
        .app(name, path: path, runtime: .python(server: .uvicorn("app:app")), port: port, hostPort: hostPort,
             environment: environment, secrets: secrets, volumes: volumes, dependsOn: dependsOn, environments: environments, line: line)
    }

    func errors(_ blueprint: Blueprint) -> [ValidationError] {
        do {
            _ = try Resolver().resolve(blueprint)
            return []
        } catch let failure as ValidationFailure {
            return failure.errors
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test("a valid blueprint resolves per environment")
    func valid() throws {
        let project = try Resolver().resolve(Blueprint(name: "shop", services: [api(dependsOn: ["redis"]), .redis(environments: [.development])]))
        #expect(project.environments.map(\.name) == ["development", "production"])
        let service = try #require(project.service(named: "api"))
        #expect(service.instance(in: "development")?.variables.contains { $0.name == "REDIS_URL" } == true)
        #expect(service.instance(in: "production")?.variables.contains { $0.name == "REDIS_URL" } == false)
        #expect(service.instance(in: "production")?.dependsOn == [])
    }

    @Test("invalid and duplicate names point at the line")
    func names() {
        let line = #line + 1
        let found = errors(Blueprint(name: "Shop_1", services: [api("api"), api("api", line: line), api("Bad_Name", path: "b")]))
        #expect(found.contains { if case .invalidName("project", "Shop_1", _) = $0 { return true }; return false })
        #expect(found.contains { if case .invalidName("service", "Bad_Name", _) = $0 { return true }; return false })
        let duplicate = found.first { if case .duplicateName("service", "api", _, _) = $0 { return true }; return false }
        #expect(duplicate?.location?.line == line)
        #expect(duplicate?.rendered(file: "Blueprint.swift").hasPrefix("Blueprint.swift:\(line): error: duplicate service name 'api'") == true)
    }

    @Test("unknown and cyclic dependsOn")
    func dependencies() {
        let found = errors(Blueprint(name: "shop", services: [
            api("a", dependsOn: ["b"]), api("b", port: 8001, dependsOn: ["a"], path: "b"), api("c", port: 8002, dependsOn: ["nope"], path: "c"),
        ]))
        #expect(found.contains { if case .unknownDependency("c", "nope", _, _) = $0 { return true }; return false })
        #expect(found.contains { if case .dependencyCycle = $0 { return true }; return false })
    }

    @Test("unknown environments")
    func unknownEnvironment() {
        let found = errors(Blueprint(name: "shop", environments: [.development], services: [api(environment: ["X": .only(.production, "1")])]))
        #expect(found.contains { if case .unknownEnvironment("production", _, _) = $0 { return true }; return false })
    }

    @Test("host port clashes within one environment: only between ports asked for with hostPort:")
    func hostPorts() {
        let found = errors(Blueprint(name: "shop", services: [api("a", port: 7000, hostPort: 8000), api("b", port: 9000, hostPort: 8000, path: "b")]))
        #expect(found.contains { if case .hostPortClash(8000, "development", ["a", "b"], _) = $0 { return true }; return false })
        // A default host port (the container port) yields to one asked for: no error, a compose note.
        let yielding = errors(Blueprint(name: "shop", services: [api("a", port: 8000), api("b", port: 9000, hostPort: 8000, path: "b")]))
        #expect(!yielding.contains { if case .hostPortClash = $0 { return true }; return false })
    }

    @Test("credentials given as values, and secrets that are not names")
    func secrets() {
        let found = errors(Blueprint(name: "shop", services: [api(
            environment: ["DATABASE_URL": "postgres://user:pass@db/app", "API_TOKEN": "abc123"],
            secrets: ["sk-live abc"])]))
        #expect(found.contains { if case .secretGivenAsValue(_, "DATABASE_URL", _) = $0 { return true }; return false })
        #expect(found.contains { if case .secretGivenAsValue(_, "API_TOKEN", _) = $0 { return true }; return false })
        #expect(found.contains { if case .secretNameInvalid(_, "sk-live abc", _) = $0 { return true }; return false })
        #expect(found.first?.message.contains("secrets") == true)
    }

    @Test("paths that escape the project")
    func paths() {
        let found = errors(Blueprint(name: "shop", services: [api(volumes: [.bind("../../etc", at: "/etc")], path: "../outside")]))
        #expect(found.filter { if case .pathEscapesProject = $0 { return true }; return false }.count == 2)
    }

    @Test("unpinned images are rejected")
    func images() {
        let found = errors(Blueprint(name: "shop", services: [.image("ui", "ghcr.io/acme/ui:latest", port: 80), .image("db", "postgres", port: 5432)]))
        #expect(found.filter { if case .unpinnedImage = $0 { return true }; return false }.count == 2)
    }

    @Test("environment names and aliases are unique together")
    func aliases() {
        let found = errors(Blueprint(name: "shop", environments: [.development, .custom("local", mode: .development, alias: "dev")], services: [api()]))
        #expect(found.contains { if case .duplicateName(_, "dev", _, _) = $0 { return true }; return false })
    }

    @Test("a backing container in a cloud-deployed environment must be managed")
    func cloudBacking() {
        let found = errors(Blueprint(name: "shop", services: [api(dependsOn: ["postgres"]), .postgres()],
                                     targets: [.aws(region: "eu-west-1", environments: [.production])]))
        #expect(found.contains { if case .notDeployable("postgres", "production", _, _) = $0 { return true }; return false })
        #expect(errors(Blueprint(name: "shop", services: [api(dependsOn: ["postgres"]), .postgres(managed: [.production])],
                                 targets: [.aws(region: "eu-west-1", environments: [.production])])).isEmpty)
    }

    @Test("a named volume in a cloud-deployed environment is an error, not a silent drop")
    func cloudVolume() {
        let found = errors(Blueprint(name: "shop", services: [api(volumes: [.named("data", at: "/data")])],
                                     targets: [.gcp(project: "p", region: "us-west4", environments: [.production])]))
        #expect(found.contains { if case .volumeNotPersistable("api", "data", "production", _, _) = $0 { return true }; return false })
        #expect(errors(Blueprint(name: "shop", services: [api(volumes: [.named("data", at: "/data", environments: [.development])])],
                                 targets: [.gcp(project: "p", region: "us-west4", environments: [.production])])).isEmpty)
        #expect(found.first { if case .volumeNotPersistable = $0 { return true }; return false }?.message.contains("serverless: .scratch") == true)
    }

    @Test("serverless: .scratch accepts a folder emptied on serverless clouds, and keeps the volume elsewhere")
    func scratchOnServerless() throws {
        let blueprint = Blueprint(name: "shop", environments: [.development, .staging, .production],
                                  services: [api(volumes: [.named("data", at: "/data", serverless: .scratch)])],
                                  targets: [.kubernetes(environments: [.staging]), .gcp(project: "p", region: "us-west4", environments: [.production])])
        let project = try Resolver().resolve(blueprint)
        for environment in ["development", "staging", "production"] {
            #expect(project.service(named: "api")?.instance(in: environment)?.volumes.map(\.target) == ["/data"], "\(environment)")
        }
    }

    @Test("services reading one store key under different names share one .env entry")
    func sharedSecretKey() throws {
        let project = try Resolver().resolve(Blueprint(name: "shop", services: [
            api(secrets: [.secret("BRIDGE_KEY", key: "bridge-key")]),
            .image("ui", "ghcr.io/acme/ui:1.0.0", port: 8080, secrets: [.secret("OPENAI_API_KEY", key: "bridge-key"), "SESSION_SECRET"]),
        ]))
        let ui = try #require(project.service(named: "ui")?.instance(in: "production")?.variables)
        #expect(ui.first { $0.name == "OPENAI_API_KEY" }?.secret?.dotEnvName == "BRIDGE_KEY")
        #expect(ui.first { $0.name == "SESSION_SECRET" }?.secret?.dotEnvName == "SESSION_SECRET")
        #expect(project.service(named: "api")?.instance(in: "production")?.variables.first { $0.name == "BRIDGE_KEY" }?.secret?.envName == nil)
    }

    @Test("egress destinations must be DNS names or CIDR blocks with a valid port")
    func egress() throws {
        let line = #line + 1
        let bad = Service.app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, egress: [.https("not a host"), .network("10.0.0.0/33", port: 5432), .host("smtp.example.com", port: 70000)], line: line)
        let found = errors(Blueprint(name: "shop", services: [bad]))
        let messages = found.map(\.message)
        #expect(messages.contains { $0.contains("egress host 'not a host'") && $0.contains("is not a DNS name") }, "\(messages)")
        #expect(messages.contains { $0.contains("egress network '10.0.0.0/33'") }, "\(messages)")
        #expect(messages.contains { $0.contains("egress to smtp.example.com") && $0.contains("outside 1-65535") }, "\(messages)")
        #expect(found.allSatisfy { $0.location?.line == line })
        let good = try Resolver().resolve(Blueprint(name: "shop", services: [
            .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, egress: [.https("api.openai.com"), .network("203.0.113.0/24", port: 5432)]),
        ]))
        #expect(good.service(named: "api")?.egress.count == 2)
    }

    /// Real-looking samples of every credential format (none is a live key).
    static let credentialSamples: [(format: String, value: String)] = [
        ("an AWS access key id", "AKIAIOSFODNN7EXAMPLE"),
        ("an AWS access key id", "key=ASIAY34FZKBOKMUTVV7A;region=eu"),
        ("a GitHub token", "ghp_" + String(repeating: "a1B2", count: 9)),
        ("a GitHub token", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"),
        ("a Slack token", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
        ("a Slack webhook", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
        ("a Stripe key", "sk_live_" + String(repeating: "4eC39HqL", count: 3)),
        ("a Google API key", "AIza" + String(repeating: "SyD-9tSrke72PouQMnMX", count: 2).prefix(35)),
        ("an OpenAI key", "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"),
        ("a private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"),
        ("a private key", "-----BEGIN PRIVATE KEY-----"),
        ("a JSON Web Token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
    ]

    @Test("well-known credential formats are refused in any variable; lookalikes are not", arguments: credentialSamples.indices)
    func credentialFormats(_ index: Int) {
        let sample = Self.credentialSamples[index]
        #expect(CredentialPatterns.match(sample.value) == sample.format, "\(sample.value)")
        let found = errors(Blueprint(name: "shop", services: [api(environment: ["SETTING": .init(stringLiteral: sample.value)])]))
        #expect(found.contains { if case .secretGivenAsValue(_, "SETTING", _) = $0 { return true }; return false }, "\(sample.format) passed as a plain value")
    }

    @Test("ordinary values are not mistaken for credentials")
    func notCredentials() {
        for value in ["AKIA", "info", "https://api.example.com/v1", "sk-", "eyJ", "ghp_short", "redis://redis:6379/0", "2024-01-01T00:00:00Z"] {
            #expect(CredentialPatterns.match(value) == nil, "\(value)")
        }
    }

    @Test("names valid for every target, counts within int32, at least one service")
    func targetLimits() {
        let digit = errors(Blueprint(name: "shop", services: [api("1api")]))
        #expect(digit.contains { if case .invalidName("service", "1api", _) = $0 { return true }; return false })
        #expect(errors(Blueprint(name: "9shop", services: [api()])).contains { if case .invalidName("project", "9shop", _) = $0 { return true }; return false })
        let huge = errors(Blueprint(name: "shop", services: [.app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, replicas: [.production: 3_000_000_000])]))
        #expect(huge.contains { $0.message.contains("replicas in production") && $0.message.contains("2147483647") })
        let none = errors(Blueprint(name: "shop", services: []))
        #expect(none.contains { $0.message.contains("declare at least one service") })
    }
}

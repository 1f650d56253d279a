import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// Production-mode compose publishes nothing that wasn't asked for.
@Suite("Compose exposure")
struct ComposeExposureTests {
    @Test("internal services stay on the compose network in production; public ones and explicit hostPort: are published; development publishes all on loopback")
    func productionPublishesOnlyWhatIsAsked() throws {
        let files = try QueueTests.files(Blueprint(
            name: "shop", environments: [.development, .production],
            services: [
                .app("web", path: "web", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health"),
                     ingress: .host("shop.example.com")),
                .app("internal", path: "internal", runtime: .python(server: .uvicorn("app:app")), port: 8001, health: .http("/health")),
                .app("admin", path: "admin", runtime: .python(server: .uvicorn("app:app")), port: 8002, hostPort: 9002, health: .http("/health")),
                .image("sidecar", "ghcr.io/acme/sidecar:1.0.0", port: 8003),
            ]))
        let production = try #require(files["compose.production.yaml"])
        #expect(production.contains(#"- "8000:8000""#), "the public service is published: \(production)")
        #expect(production.contains(#"- "9002:8002""#), "hostPort: asks for it")
        #expect(!production.contains("8001"), "an internal app is not published: \(production)")
        #expect(!production.contains("8003"), "an internal image is not published: \(production)")
        let development = try #require(files["compose.development.yaml"])
        for port in ["127.0.0.1:8000:8000", "127.0.0.1:8001:8001", "127.0.0.1:9002:8002", "127.0.0.1:8003:8003"] {
            #expect(development.contains(port), "\(port) in development")
        }
    }

    @Test("`$` in a command or health check is literal for compose")
    func dollarsAreLiteral() throws {
        let files = try QueueTests.files(Blueprint(name: "shop", services: [
            .image("side", "ghcr.io/acme/side:1.0.0", port: 8080, command: ["sh", "-c", "echo $HOME"],
                   health: .command(["sh", "-c", "test -n \"$PATH\""])),
        ]))
        let compose = try #require(files["compose.yaml"])
        #expect(compose.contains(#""echo $$HOME""#), "\(compose)")
        #expect(compose.contains(#"$$PATH"#), "\(compose)")
    }

    @Test("`.app(command:)` is the process in development too")
    func commandInEveryEnvironment() throws {
        let files = try QueueTests.files(Blueprint(name: "shop", services: [
            .app("web", path: "app", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health")),
            .app("worker", path: "app", runtime: .python(server: .uvicorn("app:app")), command: ["python", "-m", "worker"]),
        ]))
        let dockerfile = try #require(files["app/Dockerfile.worker"])
        let commands = dockerfile.split(separator: "\n").filter { $0.hasPrefix("CMD ") }
        #expect(commands.count == 2 && commands.allSatisfy { $0 == #"CMD ["python", "-m", "worker"]"# }, "\(commands)")
    }

    @Test("two dependencies that inject one variable are an error naming both")
    func injectionCollision() throws {
        #expect {
            _ = try Resolver().resolve(Blueprint(name: "shop", services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, dependsOn: ["db", "db2"]),
                .postgres(name: "db"), .postgres(name: "db2", hostPort: 5433),
            ]))
        } throws: { error in
            let text = "\(error)"
            return text.contains("'db' and 'db2'") && text.contains("DATABASE_URL")
        }
    }

    @Test("two services may listen on one container port; only ports asked for with hostPort: can clash")
    func samePortIsAllowed() throws {
        let blueprint = Blueprint(name: "shop", services: [
            .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000),
            .app("admin", path: "admin", runtime: .python(server: .uvicorn("app:app")), port: 8000),
            .postgres(name: "db"), .postgres(name: "db2"),
        ])
        let project = try Resolver().resolve(blueprint)
        let development = try #require(project.environment(named: "development"))
        #expect(project.publishedPorts(in: development) == ["admin": 8000, "db": 5432])
        #expect(Set(project.unpublishedDefaults(in: development).keys) == ["api", "db2"])
        #expect(ComposeGenerator().notes(for: project).contains { $0.service == "db2" && $0.message.contains("hostPort:") })
        var clash = blueprint
        clash.services[0].hostPort = 9000
        clash.services[1].hostPort = 9000
        #expect(throws: ValidationFailure.self) { _ = try Resolver().resolve(clash) }
    }

    @Test("a tuned PostgreSQL user and database reach the injected URL, the health check, CI and the managed database")
    func tunedPostgres() throws {
        let files = try QueueTests.files(Blueprint(
            name: "shop", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health"), dependsOn: ["db"]),
                .postgres(name: "db", user: "shopper", database: "orders", managed: [.production]),
            ],
            targets: [.aws(region: "eu-west-1", environments: [.production])]))
        // PostgreSQL runs as a container in development only (managed in production).
        let compose = try #require(files["compose.development.yaml"])
        #expect(compose.contains("postgresql://shopper:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}@db:5432/orders"), "\(compose)")
        #expect(compose.contains("- pg_isready\n        - \"-U\"\n        - shopper\n        - \"-d\"\n        - orders"), "\(compose)")
        #expect(compose.contains("POSTGRES_USER: shopper") && compose.contains("POSTGRES_DB: orders"))
        let ci = try #require(files[".github/workflows/ci.yml"])
        #expect(ci.contains("postgresql://shopper:") && ci.contains("/orders"), "CI's service container follows")
        let tfvars = try #require(files["deploy/terraform/aws/environments/production.tfvars"])
        #expect(tfvars.contains(#"username       = "shopper""#) && tfvars.contains(#"database       = "orders""#), "\(tfvars)")
    }

    @Test("volume sizes reach the Kubernetes claims; compose says it can't limit them")
    func volumeSizes() throws {
        let blueprint = Blueprint(
            name: "shop", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                     volumes: [.named("uploads", at: "/data", size: "2048Mi")]),
                .postgres(storage: "50Gi"),
            ],
            targets: [.kubernetes(environments: [.production])])
        let files = try QueueTests.files(blueprint)
        #expect(try #require(files["deploy/kubernetes/base/postgres/statefulset.yaml"]).contains(#"storage: "50Gi""#))
        #expect(try #require(files["deploy/kubernetes/base/api/statefulset.yaml"]).contains(#"storage: "2Gi""#))
        let notes = ComposeGenerator().notes(for: try Resolver().resolve(blueprint)).map(\.line)
        #expect(notes.contains { $0.contains("uploads is not limited to 2048Mi") }, "\(notes)")
        var bad = blueprint
        bad.services[1].storage = "lots"
        #expect(throws: ValidationFailure.self) { _ = try Resolver().resolve(bad) }
    }

    @Test("two Redis instances inject distinct names, and a scheme can be asked for; a managed one keeps its scheme")
    func injectionControl() throws {
        let blueprint = Blueprint(
            name: "shop", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health"),
                     dependsOn: ["cache", "sessions", "postgres"]),
                .redis(name: "cache", injects: .url("REDIS_CACHE_URL")),
                .redis(name: "sessions", hostPort: 6380, injects: .url("REDIS_SESSIONS_URL")),
                .postgres(injects: .url(scheme: "postgresql+psycopg2")),
            ])
        let files = try QueueTests.files(blueprint)
        let compose = try #require(files["compose.yaml"])
        #expect(compose.contains("REDIS_CACHE_URL: \"redis://cache:6379/0\""), "\(compose)")
        #expect(compose.contains("REDIS_SESSIONS_URL: \"redis://sessions:6379/0\""))
        #expect(compose.contains("DATABASE_URL: \"postgresql+psycopg2://app:"))
        #expect(!compose.contains("REDIS_URL:"))
        #expect(try #require(files[".github/workflows/ci.yml"]).contains("REDIS_CACHE_URL"), "CI's service containers follow")
        var managed = blueprint
        managed.services[3].managed = ["production"]
        #expect(throws: ValidationFailure.self) { _ = try Resolver().resolve(managed) }
    }

    @Test(".host(...) settings: compose reads them from the shell with a default, .env.example lists them, the cluster notes it")
    func hostSettings() throws {
        let blueprint = Blueprint(
            name: "shop", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health"),
                     environment: ["LOG_LEVEL": .host(default: "info"), "WORKERS": .host("API_WORKERS", default: "2", per: [.production: "4"])]),
            ],
            targets: [.kubernetes(environments: [.production])])
        let files = try QueueTests.files(blueprint)
        let development = try #require(files["compose.development.yaml"]) + (files["compose.yaml"] ?? "")
        #expect(development.contains("${LOG_LEVEL:-info}"), "\(development)")
        #expect(development.contains("${API_WORKERS:-2}"))
        #expect(try #require(files["compose.production.yaml"]).contains("${API_WORKERS:-4}") || development.contains("${API_WORKERS:-4}"))
        let example = try #require(files[".env.example"])
        #expect(example.contains("# LOG_LEVEL=info") && example.contains("# API_WORKERS="), "\(example)")
        let notes = KubernetesGenerator().notes(for: try Resolver().resolve(blueprint)).map(\.line)
        #expect(notes.contains { $0.contains("only compose reads API_WORKERS") && $0.contains("\"4\"") }, "\(notes)")
        var bad = blueprint
        bad.services[0].environment["X"] = .host(default: "a}b")
        #expect(throws: ValidationFailure.self) { _ = try Resolver().resolve(bad) }
    }
}

import Foundation
import Testing
@testable import ScaffoldKit

/// `scaffold import`'s mapping from compose to the blueprint DSL, in process, one rule at a time.
@Suite("Compose import")
struct ComposeImportTests {
    @Test("overlay file names name the environments; other names are base files", arguments: [
        ("docker-compose.yml", nil), ("compose.yaml", nil), ("base.yml", nil), ("stack.yaml", nil),
        ("docker-compose.dev.yml", "development"), ("compose.override.yaml", "development"), ("dev.yml", "development"),
        ("docker-compose.local.yaml", "development"), ("compose.staging.yaml", "staging"), ("docker-compose-stage.yml", "staging"),
        ("docker-compose.prod.yml", "production"), ("prod.yml", "production"), ("compose.production.yaml", "production"),
        ("compose.qa.yaml", "qa"), ("docker-compose.test.yml", "test"),
    ] as [(String, String?)])
    func overlayNames(file: String, environment: String?) {
        #expect(ImportEnvironment.overlaid(byFile: file)?.name == environment)
    }

    @Test("files merge as compose merges them: variables and labels by name, ports append, volumes by path, commands replaced, !reset removes")
    func merging() throws {
        let base = try YAMLParser.parse("""
        services:
          api:
            build: .
            command: ["serve"]
            environment: [A=1, B=2]
            labels: {team: core}
            ports: ["8000:8000"]
            volumes: ["./src:/app", "data:/data"]
            depends_on: [db]
            healthcheck: {test: [CMD, ping], interval: 5s}
          db: {image: "postgres:16"}
        """)
        let overlay = try YAMLParser.parse("""
        services:
          api:
            command: serve --reload
            environment: {B: "3", C: "4"}
            labels: [owner=me]
            ports: ["9229:9229", "8000:8000"]
            volumes: ["./other:/app"]
            depends_on: {cache: {condition: service_healthy}}
            healthcheck: {test: [CMD, pong]}
          db: !reset null
        """)
        let merged = ComposeMerge.merge(ComposeMerge.normalize(base), overlay)
        let api = try #require(merged["services"]?["api"])
        #expect(api["build"]?["context"] == .string("."))
        #expect(api["command"] == .string("serve --reload"))
        #expect(api["environment"] == .map([YAMLPair("A", .string("1")), YAMLPair("B", .string("3")), YAMLPair("C", .string("4"))]))
        #expect(api["labels"]?.keys == ["team", "owner"])
        #expect(api["ports"] == .list([.string("8000:8000"), .string("9229:9229")]))
        #expect(api["volumes"] == .list([.string("./other:/app"), .string("data:/data")]))
        #expect(api["depends_on"]?.keys == ["db", "cache"])
        #expect(api["healthcheck"]?["test"] == .list([.string("CMD"), .string("pong")]))
        #expect(api["healthcheck"]?["interval"] == .string("5s"))
        #expect(merged["services"]?["db"] == nil)
    }

    @Test("credentials become secret names; their values are written nowhere, not even in comments")
    func credentials() throws {
        let (text, report, _) = try ImportSupport.draft(["compose.yaml": """
        services:
          api:
            image: ghcr.io/acme/api:1.4.2
            environment:
              DB_PASSWORD: hunter2-really
              STRIPE_SECRET: not-a-boolean
              CLOUD_ID: AKIAIOSFODNN7EXAMPLE
              UPSTREAM: https://svc:pa55word@example.com/x
              FEATURE_TOKEN_ENABLED: "true"
              GREETING: hello
            labels:
              traefik.http.middlewares.auth.basicauth.users: "admin:$$apr1$$xyz"
              deploy.password: "label-pass-123"
            build_args_like: "API_KEY=abc-def-ghi"
        """])
        let api = try #require(ImportSupport.declaration(of: "api", in: text))
        #expect(api.contains(#"secrets: ["CLOUD_ID", "DB_PASSWORD", "STRIPE_SECRET", "UPSTREAM"]"#), "\(api)")
        #expect(api.contains(#""FEATURE_TOKEN_ENABLED": "true""#))
        #expect(api.contains(#""GREETING": "hello""#))
        for secret in ["hunter2-really", "not-a-boolean", "AKIAIOSFODNN7EXAMPLE", "pa55word", "apr1", "label-pass-123", "abc-def-ghi"] {
            #expect(!text.contains(secret), "the draft contains '\(secret)':\n\(text)")
        }
        #expect(report.services[0].notImported.contains { $0.hasPrefix("labels:") && $0.contains("<redacted>") })
    }

    @Test("a command or health check holding a credential is noted with it redacted, never imported")
    func credentialsInCommands() throws {
        let (text, _, _) = try ImportSupport.draft(["compose.yaml": """
        services:
          cache:
            image: ghcr.io/acme/keydb:6.3.4
            command: keydb-server --requirepass hunter2-cmd --port 6380
            healthcheck:
              test: ["CMD", "keydb-cli", "--pass", "hunter2-check", "ping"]
          worker:
            image: ghcr.io/acme/worker:1.0.0
            command: ["run", "--api-key=sk-live-not-real-123", "--verbose"]
        """])
        for secret in ["hunter2-cmd", "hunter2-check", "sk-live-not-real-123"] {
            #expect(!text.contains(secret), "the draft contains '\(secret)':\n\(text)")
        }
        let cache = try #require(ImportSupport.declaration(of: "cache", in: text))
        #expect(cache.contains("// not imported: command: keydb-server --requirepass <redacted> --port 6380 (it holds a credential"), "\(cache)")
        #expect(!cache.contains("command: ["), "\(cache)")
        let worker = try #require(ImportSupport.declaration(of: "worker", in: text))
        #expect(worker.contains("--api-key=<redacted>"), "\(worker)")
    }

    @Test("settings that differ per overlay become per-environment values; overlay-only services run only there")
    func perEnvironment() throws {
        let (text, report, _) = try ImportSupport.draft([
            "compose.yaml": """
            services:
              api:
                image: ghcr.io/acme/api:2.0.0
                environment: [LOG_LEVEL=info, REGION=eu, PYTHONUNBUFFERED=1]
            """,
            "compose.dev.yaml": """
            services:
              api:
                environment: [LOG_LEVEL=debug, RELOAD=true]
              mailhog:
                image: mailhog/mailhog:v1.0.1
            """,
            "compose.staging.yaml": "services:\n  api:\n    environment: {REGION: us}\n",
            "compose.prod.yaml": "services:\n  api:\n    environment: {REGION: us, WORKERS: '4'}\n",
        ])
        #expect(report.environments == ["development", "staging", "production"])
        #expect(text.contains("environments: [.development, .staging, .production],"))
        #expect(text.contains(#""LOG_LEVEL": .per([.development: "debug"], default: "info"),"#), "\(text)")
        #expect(text.contains(#""REGION": .per([.development: "eu"], default: "us"),"#), "\(text)")
        #expect(text.contains(#""RELOAD": .only(.development, "true"),"#))
        #expect(text.contains(#""WORKERS": .only(.production, "4"),"#))
        #expect(text.contains(#""PYTHONUNBUFFERED": "1","#))
        #expect(text.contains(#".image("mailhog", "mailhog/mailhog:v1.0.1", environments: [.development]),"#), "\(text)")
    }

    @Test("backing images become presets: pinned when the tag differs, the preset's image when unpinned (noted)")
    func presets() throws {
        let (text, report, _) = try ImportSupport.draft(["compose.yaml": """
        services:
          cache: {image: "redis:7.4-alpine"}
          db: {image: "postgres:15-alpine", ports: ["5433:5432"]}
          mq: {image: "rabbitmq:latest"}
          metrics: {image: "prom/prometheus:v2.53.0", depends_on: [app]}
          app: {image: "ghcr.io/acme/app:1.0.0", ports: ["8000:8000"]}
          dashboards: {image: "grafana/grafana:10.4.2"}
          search: {image: "docker.io/library/mongo:6.0"}
        """])
        #expect(text.contains(#".redis(name: "cache"),"#), "\(text)")
        let db = try #require(ImportSupport.declaration(of: "db", in: text))
        #expect(db.contains(#"image: "postgres:15-alpine","#) && db.contains("hostPort: 5433\n"), "\(db)")
        #expect(db.contains("// not imported: ports: 5433:5432 in production (scaffold publishes a backing service's port in development only)"), "\(db)")
        let mq = try #require(ImportSupport.declaration(of: "mq", in: text))
        #expect(mq.contains("// not imported: image: rabbitmq:latest (unpinned: the preset's rabbitmq:3.13-management-alpine runs instead"), "\(mq)")
        #expect(report.services.first { $0.name == "mq" }?.replacedImage == "rabbitmq:latest")
        #expect(text.contains(#".prometheus(name: "metrics", image: "prom/prometheus:v2.53.0", scrape: ["app"]),"#), "\(text)")
        #expect(text.contains(#".grafana(name: "dashboards", image: "grafana/grafana:10.4.2", prometheus: "metrics"),"#), "\(text)")
        #expect(text.contains(#".mongodb(name: "search", image: "docker.io/library/mongo:6.0"),"#), "\(text)")
    }

    @Test("a preset's user and database become user: and database:, so the injected URL and health check follow")
    func tunedPreset() throws {
        let (text, _, _) = try ImportSupport.draft(["compose.yaml": """
        services:
          db:
            image: "postgres:16.6-alpine"
            environment: {POSTGRES_USER: shopper, POSTGRES_DB: orders, POSTGRES_PASSWORD: hunter2hunter2}
        """])
        #expect(text.contains(#"user: "shopper""#) && text.contains(#"database: "orders""#), "\(text)")
        #expect(!text.contains("not imported: environment POSTGRES_USER"), "\(text)")
        #expect(!text.contains("hunter2"))
    }

    @Test("ports: the container port is port:, the published one hostPort:; more ports are noted")
    func ports() throws {
        let (text, _, _) = try ImportSupport.draft(["compose.yaml": """
        services:
          web:
            image: ghcr.io/acme/web:3.1.0
            ports:
              - "127.0.0.1:3000:8080"
              - target: 9000
                published: 9000
              - "53:53/udp"
        """])
        let web = try #require(ImportSupport.declaration(of: "web", in: text))
        #expect(web.contains("port: 8080,") && web.contains("hostPort: 3000\n"), "\(web)")
        #expect(web.contains("// not imported: ports: 9000:9000 (scaffold publishes one TCP port per service)"), "\(web)")
        #expect(web.contains("// not imported: ports: 53:53/udp"), "\(web)")
    }

    @Test("health checks: curl or wget of the service's own port is .http, anything else .command", arguments: [
        (#"["CMD", "curl", "-f", "http://localhost:8000/health"]"#, #"health: .http("/health")"#),
        (#""curl -fsS http://127.0.0.1:8000/ready || exit 1""#, #"health: .http("/ready")"#),
        (#"["CMD-SHELL", "wget -qO- http://localhost:8000/api/ping?x=1"]"#, #"health: .http("/api/ping?x=1")"#),
        (#"["CMD", "curl", "-f", "http://localhost:9999/health"]"#, #"health: .command(["curl", "-f", "http://localhost:9999/health"])"#),
        (#"["CMD-SHELL", "pg_isready -U app"]"#, #"health: .command(["sh", "-c", "pg_isready -U app"])"#),
    ])
    func health(test: String, expected: String) throws {
        let (text, _, _) = try ImportSupport.draft(["compose.yaml": """
        services:
          api:
            image: ghcr.io/acme/api:1.0.0
            ports: ["8000:8000"]
            healthcheck:
              test: \(test)
        """])
        #expect(text.contains(expected), "\(text)")
    }

    @Test("depends_on in list and map form; a service that doesn't exist is noted, not declared")
    func dependencies() throws {
        let (text, _, _) = try ImportSupport.draft(["compose.yaml": """
        services:
          a: {image: "ghcr.io/acme/a:1.0.0", depends_on: [b, ghost]}
          b: {image: "ghcr.io/acme/b:1.0.0", depends_on: {c: {condition: service_completed_successfully}}}
          c: {image: "ghcr.io/acme/c:1.0.0"}
        """])
        let a = try #require(ImportSupport.declaration(of: "a", in: text))
        #expect(a.contains(#"dependsOn: ["b"]"#) && a.contains("// not imported: depends_on: ghost (no service of that name is in the compose files)"), "\(a)")
        let b = try #require(ImportSupport.declaration(of: "b", in: text))
        #expect(b.contains(#"dependsOn: ["c"]"#) && b.contains("condition: service_completed_successfully (c runs until stopped here"), "\(b)")
    }

    @Test("another service's address becomes .url(of:); a dependency's connection credential is left to the injection")
    func addresses() throws {
        let (text, _, _) = try ImportSupport.draft(["compose.yaml": """
        services:
          ui:
            image: ghcr.io/acme/ui:1.0.0
            environment:
              API_BASE: http://api_server:8000/v1
              OTHER: http://api_server:9999/v1
          api_server:
            image: ghcr.io/acme/api:1.0.0
            ports: ["8000:8000"]
            environment:
              DATABASE_URL: postgresql://u:p@db:5432/app
            depends_on: [db]
          db: {image: "postgres:16.6-alpine"}
        """])
        #expect(text.contains(#""API_BASE": .url(of: "api-server", path: "/v1"),"#), "\(text)")
        #expect(text.contains(#""OTHER": "http://api_server:9999/v1","#))
        #expect(text.contains(#"// not imported: environment DATABASE_URL (a credential: dependsOn: "db" injects DATABASE_URL)"#), "\(text)")
        #expect(text.contains("// review: the compose service api_server is called api-server here"), "\(text)")
    }

    @Test("deploy: replicas per environment and resources from limits and reservations")
    func deploy() throws {
        let (text, _, _) = try ImportSupport.draft([
            "compose.yaml": """
            services:
              api:
                image: ghcr.io/acme/api:1.0.0
                deploy:
                  resources:
                    limits: {cpus: "2", memory: 2G}
                    reservations: {cpus: "0.5", memory: 1g}
                  update_config: {parallelism: 1}
            """,
            "compose.prod.yaml": "services:\n  api:\n    deploy: {replicas: 4}\n",
        ])
        let api = try #require(ImportSupport.declaration(of: "api", in: text))
        #expect(api.contains(#"resources: Resources(cpu: 0.5, memory: "1Gi", cpuLimit: 2, memoryLimit: "2Gi"),"#), "\(api)")
        #expect(api.contains("replicas: [.production: 4]"), "\(api)")
        #expect(api.contains("// not imported: deploy.update_config: {parallelism: 1}"), "\(api)")
    }

    @Test("what the DSL can't express is a comment inside its own service, with its value")
    func notImportedInPlace() throws {
        let (text, _, _) = try ImportSupport.draft(["compose.yaml": """
        x-logging: &logging
          driver: json-file
        services:
          a:
            image: ghcr.io/acme/a:1.0.0
            cap_add: [NET_ADMIN]
            network_mode: host
            logging: *logging
            something_new: {x: 1}
          b:
            image: ghcr.io/acme/b:1.0.0
            extra_hosts: ["db.local:10.0.0.5"]
        """])
        let a = try #require(ImportSupport.declaration(of: "a", in: text))
        for line in ["// not imported: cap_add: [NET_ADMIN]", "// not imported: network_mode: host", "// not imported: logging: {driver: json-file}", "// not imported: something_new: {x: 1}"] {
            #expect(a.contains(line), "\(line) is not inside a's declaration:\n\(a)")
        }
        let b = try #require(ImportSupport.declaration(of: "b", in: text))
        #expect(b.contains("// not imported: extra_hosts: {db.local: 10.0.0.5}") && !b.contains("cap_add"), "\(b)")
        #expect(text.contains("    // not imported: x-logging (an extension field"))
    }

    @Test("an app's command picks its Python server: uvicorn and its workers, or the command itself with a development one")
    func pythonServers() throws {
        let (text, _, _) = try ImportSupport.draft([
            "compose.yaml": "services:\n  api:\n    build: .\n    command: uvicorn app.main:app --host 0.0.0.0 --port 8000 --workers 4\n    ports: ['8000:8000']\n  worker:\n    build: ./worker\n    command: python -m worker\n",
            "compose.dev.yaml": "services:\n  api:\n    command: uvicorn app.main:app --reload --host 0.0.0.0\n  worker:\n    command: watchfiles 'python -m worker'\n",
        ], sources: ["pyproject.toml": "[project]\nname = \"x\"\n", "uv.lock": "version = 1\n", "Dockerfile": "FROM python:3.13-slim\n",
                     "worker/pyproject.toml": "[project]\nname = \"w\"\n", "worker/uv.lock": "version = 1\n", "worker/Dockerfile": "FROM python:3.13-slim\n"])
        #expect(text.contains(#"runtime: .python("3.13", packages: .uv, server: .uvicorn("app.main:app", workers: 4)),"#), "\(text)")
        #expect(text.contains(#"server: .command(["python", "-m", "worker"], dev: ["watchfiles", "python -m worker"])"#), "\(text)")
        #expect(text.contains("// review: scaffold writes its own Dockerfile in the project root"))
    }

    @Test("storage: named volumes, development bind mounts, tmpfs as writable paths; the rest is noted")
    func storage() throws {
        let (text, _, _) = try ImportSupport.draft([
            "compose.yaml": """
            services:
              api:
                image: ghcr.io/acme/api:1.0.0
                volumes:
                  - uploads_v1:/srv/uploads
                  - ./config:/etc/api:ro
                  - /var/run/docker.sock:/var/run/docker.sock
                  - /cache
                tmpfs: /tmp/work:size=64m
            volumes:
              uploads_v1: {driver: local}
            """,
            "compose.dev.yaml": "services:\n  api:\n    volumes: ['./src:/srv/src']\n",
        ])
        let api = try #require(ImportSupport.declaration(of: "api", in: text))
        #expect(api.contains(#".named("uploads-v1", at: "/srv/uploads")"#) && api.contains(#".bind("src", at: "/srv/src")"#) && api.contains(#".bind("config", at: "/etc/api")"#), "\(api)")
        #expect(api.contains(#"writablePaths: ["/tmp/work"]"#), "\(api)")
        #expect(api.contains("// not imported: volumes: ./config:/etc/api:ro in production (bind mounts are development-only"), "\(api)")
        #expect(api.contains("// not imported: volumes: /var/run/docker.sock:/var/run/docker.sock (outside the project"), "\(api)")
        #expect(api.contains("// not imported: volumes: /cache (an anonymous volume"), "\(api)")
        #expect(text.contains("// not imported: volumes: uploads_v1: {driver: local}"), "\(text)")
    }

    @Test("a YAML error names the compose file and the line")
    func yamlError() throws {
        let error = try #require(throws: ImportError.self) {
            _ = try ImportSupport.draft(["docker-compose.yml": "services:\n  api:\n\timage: x\n"])
        }
        #expect("\(error)".hasPrefix("docker-compose.yml:3: a tab indents this line"), "\(error)")
    }
}

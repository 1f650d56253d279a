// Every runtime and package manager scaffold builds: Node (pnpm, yarn), Go, Rust, Java (Maven, Gradle), Swift, static sites, custom images and gunicorn.
import BlueprintDescription

let blueprint = Blueprint(
    name: "polyglot",
    registry: "ghcr.io/acme",
    environments: [.development, .staging, .production],
    services: [
        .app("gateway", path: "services/gateway", runtime: .node("22", packages: .pnpm, entry: "dist/server.js"),
             port: 3000, health: .http("/healthz"), dependsOn: ["orders", "catalog"]),
        .app("notifier", path: "services/notifier", runtime: .node("22", packages: .yarn, entry: "index.js"),
             port: 3001, health: .tcp(), dependsOn: ["queue"]),
        .app("orders", path: "services/orders", runtime: .go("1.23", package: "./cmd/orders"),
             port: 8081, health: .http("/health", ready: "/ready"), dependsOn: ["db"]),
        .app("catalog", path: "services/catalog", runtime: .rust("1.83", binary: "catalog"),
             port: 8082, health: .http("/health")),
        .app("billing", path: "services/billing", runtime: .java("21", build: .maven),
             port: 8083, health: .http("/actuator/health", ready: "/actuator/health/readiness", live: "/actuator/health/liveness"),
             resources: Resources(cpu: 0.5, memory: "768Mi", cpuLimit: 1, memoryLimit: "1Gi")),
        .app("ledger", path: "services/ledger", runtime: .java("21", build: .gradle),
             port: 8084, health: .http("/actuator/health")),
        .app("search", path: "services/search", runtime: .swift("6.0", product: "App"),
             port: 8085, health: .http("/health")),
        .app("reports", path: "services/reports", runtime: .python("3.12", packages: .poetry, server: .gunicorn("reports.app:app", workers: 2)),
             port: 8086, health: .http("/health")),
        .app("web", path: "web", runtime: .staticSite(node: "22", packages: .npm, output: "dist"),
             port: 8080, hostPort: 5173, health: .http("/healthz")),
        .app("legacy", path: "services/legacy", runtime: .custom(image: "eclipse-temurin:17-jre-noble", command: ["java", "-jar", "/app/legacy.jar"]),
             port: 8087, health: .http("/status")),
        .postgres(name: "db"),
        .rabbitmq(name: "queue"),
    ]
)

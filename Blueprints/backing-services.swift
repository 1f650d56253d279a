// Every backing-service preset behind reverse proxies: MySQL, MongoDB, RabbitMQ, Redis, Prometheus + Grafana, nginx and Traefik.
import BlueprintDescription

let blueprint = Blueprint(
    name: "backing",
    registry: "ghcr.io/acme",
    summary: "A Node API and a Python worker on every backing-service preset",
    environments: [.development, .production],
    services: [
        .app("api", path: "api", runtime: .node("22", packages: .npm, entry: "server.js"),
             port: 3000, health: .http("/health"), secrets: ["JWT_SECRET"],
             dependsOn: ["mysql", "mongodb", "redis"], metricsPath: "/metrics"),
        .app("worker", path: "worker", runtime: .python("3.12", packages: .uv, server: .command(["python", "-m", "worker"])),
             dependsOn: ["rabbitmq", "redis"]),
        .mysql(),
        .mongodb(),
        .rabbitmq(),
        .redis(),
        .prometheus(scrape: ["api"]),
        .grafana(hostPort: 3001),
        // The public edge: nginx routes to the API; Traefik fronts the dashboards.
        .proxy(.nginx, name: "edge", routes: ["/api/": "api"], hostPort: 8080),
        .proxy(.traefik, name: "dashboards", routes: ["/": "grafana"], hostPort: 8081),
    ],
    targets: [.kubernetes(environments: [.production])]
)

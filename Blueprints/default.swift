// A Python API with PostgreSQL and Redis: development, staging and production, deployed to Kubernetes.
import BlueprintDescription

let blueprint = Blueprint(
    name: "demo",
    registry: "ghcr.io/acme",
    summary: "A Python API with PostgreSQL and Redis",
    environments: [.development, .staging, .production],
    services: [
        .app(
            "api",
            path: "api",
            runtime: .python("3.12", packages: .uv, server: .uvicorn("app.main:app")),
            port: 8000,
            health: .http("/health", ready: "/ready"),
            environment: [
                "LOG_LEVEL": .per([.development: "debug"], default: "info"),
            ],
            secrets: ["SESSION_SECRET"],
            dependsOn: ["postgres", "redis"],
            resources: Resources(cpu: 0.25, memory: "256Mi", cpuLimit: 1, memoryLimit: "512Mi"),
            replicas: [.staging: 2],
            autoscale: [.production: .cpu(min: 3, max: 10, target: 70)],
            ingress: .host("api.demo.example.com")
        ),
        .postgres(),
        .redis(),
    ],
    targets: [
        .kubernetes(environments: [.staging, .production]),
    ]
)

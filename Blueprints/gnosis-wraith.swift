// Gnosis Wraith: a uvicorn app with Redis in development only and Cloud Tasks in production.
import BlueprintDescription

// The seed's three compose files map onto scaffold's compose base + per-environment overlays:
//   docker-compose.yml / .dev.yml / .prod.yml → compose.yaml / compose.development.yaml / compose.production.yaml.
// What scaffold does differently from the seed, on purpose:
// - `version:` keys are dropped: the Compose Specification ignores them and `docker compose` warns.
// - `redis:alpine` becomes the preset's pinned Redis image: floating tags make builds unrepeatable.
// - `container_name:` is not set, so two checkouts (or two environments) can run side by side.
// - `REDIS_URL=` (empty) in production is not emitted: Redis simply doesn't exist there, and
//   the variable is absent rather than blank.
// - The image runs as UID 10001, not root.
// - `start.sh dev|prod` and `rebuild.ps1` become `scripts/start.sh` and `scripts/start.ps1`
//   (start/stop/restart/logs/clean/build for any environment or its alias: dev, prod).
let blueprint = Blueprint(
    name: "gnosis-wraith",
    registry: "ghcr.io/OWNER",
    summary: "Gnosis Wraith: a Python/uvicorn app; Redis is a development-only task queue, Cloud Tasks replaces it in production",
    environments: [.development, .production],
    services: [
        .app(
            "wraith",
            path: ".",
            // Production runs four uvicorn workers; development runs one with --reload.
            runtime: .python("3.12", packages: .pip, server: .uvicorn("app:app", workers: 4)),
            port: 5678,
            // The seed publishes 5678 in every environment, production's compose host included.
            hostPort: 5678,
            health: .http("/health"),
            environment: [
                "ENVIRONMENT": .per([.development: "development", .production: "production"]),
                "DEBUG": .per([.development: "true"], default: "false"),
                "RELOAD": .only(.development, "true"),
                "WORKERS": .per([.development: "1"], default: "4"),
                "LOG_LEVEL": .per([.development: "DEBUG"], default: "INFO"),
                "USE_CLOUD_TASKS": .only(.production, "true"),
                "GOOGLE_CLOUD_PROJECT": .only(.production, "gnosis-wraith"),
                "STORAGE_PATH": "/app/storage",
            ],
            volumes: [
                // Hot reload, development only: the seed mounts ./core, ./web and ./ai; the whole
                // source is mounted here, which includes them and also reloads app.py itself.
                .bind(".", at: "/app"),
                // The seed bind-mounts ./storage and ./logs in every environment; named volumes keep
                // them writable for the unprivileged user and persist them across restarts, in
                // production compose too. Cloud Run has no persistent disk: there they are scratch
                // space (a fidelity note in README.Deploy.md says so); its queue is Cloud Tasks and
                // its logs go to stdout, which Cloud Logging collects.
                .named("storage", at: "/app/storage", serverless: .scratch),
                .named("logs", at: "/app/logs", serverless: .scratch),
            ],
            // REDIS_URL is injected from the dependency, and the health-gated depends_on exists
            // only where Redis does: the development overlay. In production the queue is Cloud
            // Tasks: TASKS_QUEUE names it, and the service account may enqueue into it.
            dependsOn: ["redis", "tasks"],
            resources: Resources(cpu: 0.5, memory: "512Mi", cpuLimit: 1, memoryLimit: "1Gi")
        ),
        // "Redis is development-only - never use Redis in production/cloud."
        .redis(environments: [.development]),
        // "File-based or Cloud Tasks for production": a Cloud Tasks queue, its API and the
        // enqueuer role for wraith's service account, provisioned by Terraform.
        .queue("tasks", environments: [.production]),
    ],
    targets: [
        // Production runs on Cloud Run, where Cloud Tasks is the queue.
        .gcp(project: "gnosis-wraith", region: "us-west4", environments: [.production]),
    ]
)

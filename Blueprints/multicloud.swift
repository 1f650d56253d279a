// A Python API and a worker with managed PostgreSQL and Redis, deployed to AWS, Google Cloud and
// Azure, with a migration that runs before the API on every deploy and a cleanup task each weekday
// night, both from the services' images, and an uploads volume the API, the worker and the task share.
import BlueprintDescription

let blueprint = Blueprint(
    name: "multicloud",
    registry: "ghcr.io/acme",
    summary: "A Python API and a background worker on ECS Fargate, Cloud Run and Container Apps",
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
            secrets: ["SESSION_SECRET", .secret("OPENAI_API_KEY", description: "API key of the model provider")],
            // Uploads the API receives and the worker and the cleanup task process: one EFS file
            // system, Cloud Storage bucket or Azure Files share that all three mount.
            volumes: [.shared("uploads", at: "/srv/uploads", size: "20Gi")],
            dependsOn: [.completed("migrate"), "postgres", "redis"],
            resources: Resources(cpu: 0.5, memory: "512Mi", cpuLimit: 1, memoryLimit: "1Gi"),
            replicas: [.staging: 2],
            autoscale: [.production: .cpu(min: 3, max: 10, target: 70)],
            ingress: .host("api.multicloud.example.com")
        ),
        .app(
            "worker",
            path: "worker",
            runtime: .python("3.12", packages: .uv, server: .command(["python", "-m", "worker"])),
            health: .command(["python", "-m", "worker", "--healthcheck"]),
            environment: [
                "LOG_LEVEL": "info",
                "QUEUES": "default,emails",
            ],
            secrets: ["OPENAI_API_KEY"],
            volumes: [.shared("uploads", at: "/srv/uploads", size: "20Gi")],
            // JOBS_QUEUE names the cloud's queue (SQS, Cloud Tasks, an Azure Storage queue).
            dependsOn: ["postgres", "redis", "jobs"],
            resources: Resources(cpu: 0.25, memory: "512Mi"),
            replicas: [.production: 2],
            // One connection per queued job: more open files than the container default.
            processSettings: ProcessSettings(openFiles: 16384)
        ),
        .job("migrate", of: "api", command: ["python", "-m", "app.migrate"], dependsOn: ["postgres"],
             timeout: 5400, retries: 1, summary: "applies the database migrations"),
        .cron("cleanup", of: "worker", schedule: "0 3 * * 1-5", command: ["python", "-m", "worker", "--cleanup"],
              secrets: ["OPENAI_API_KEY"], volumes: [.shared("uploads", at: "/srv/uploads")], dependsOn: ["postgres", "redis"],
              summary: "removes expired sessions and results and the uploads they held"),
        .postgres(managed: [.staging, .production]),
        .redis(managed: [.staging, .production]),
        .queue("jobs", environments: [.staging, .production]),
    ],
    targets: [
        .aws(region: "eu-west-1", environments: [.staging, .production], capacity: .spot(base: 1, fargate: 1, spot: 3)),
        .gcp(project: "acme-multicloud", region: "europe-west1", environments: [.staging, .production]),
        .azure(location: "westeurope", environments: [.staging, .production]),
    ]
)

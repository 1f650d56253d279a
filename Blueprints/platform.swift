// A platform of long-running processes and tasks from one image: a web app, a queue worker and a
// scheduler built once, a migration that runs before them, a nightly report, two Redis instances
// with their own variable names, a tuned Postgres, an internal-only search service and an uploads
// volume the web app and the worker share, and a configuration file both mount read-only.
import BlueprintDescription

let web: Service = .app(
    "web", path: "web",
    runtime: .python("3.12", packages: .uv, server: .uvicorn("app:app")),
    port: 8000,
    // Three more named ports: Prometheus metrics and StatsD stay inside the project's network;
    // the admin port is published on loopback in development only.
    ports: [.tcp("metrics", 9100, exposure: .internal), .tcp("admin", 8001), .udp("statsd", 8125, exposure: .internal)],
    health: .http("/health"),
    environment: [
        "LOG_LEVEL": .per([.development: "debug"], default: "info"),
        "PUBLIC_URL": .host(default: "http://localhost:8000", per: [.staging: "https://staging.platform.example.com", .production: "https://platform.example.com"]),
        "SEARCH_URL": .url(of: "search"),
    ],
    secrets: ["SESSION_SECRET"],
    volumes: [.shared("uploads", at: "/srv/uploads", size: "5Gi"), .file("config/app.toml", at: "/etc/platform/app.toml")],
    dependsOn: [.completed("migrate"), "postgres", "cache", "search"],
    replicas: [.production: 2],
    ingress: .host("platform.example.com"),
    summary: "the web app")

let worker: Service = .process(
    "worker", of: "web", command: ["python", "-m", "jobs.worker"],
    health: .command(["python", "-m", "jobs.worker", "--healthcheck"]),
    volumes: [.shared("uploads", at: "/srv/uploads", size: "5Gi"), .file("config/app.toml", at: "/etc/platform/app.toml")],
    dependsOn: [.completed("migrate"), "postgres", "queue"],
    replicas: [.production: 2],
    // Settings kept out of Blueprint.swift, read by compose when the file exists.
    envFiles: ["config/worker.env"],
    // More shared memory and open files than the container defaults; restarted after a crash only.
    processSettings: ProcessSettings(shmSize: "256Mi", openFiles: 4096, restart: .onFailure),
    summary: "the queue worker")

let scheduler: Service = .process(
    "scheduler", of: "web", command: ["python", "-m", "jobs.scheduler"],
    health: .command(["python", "-m", "jobs.scheduler", "--healthcheck"]),
    dependsOn: ["queue"],
    summary: "enqueues periodic work for the worker")

let migrate: Service = .job(
    "migrate", of: "web", command: ["python", "-m", "jobs.migrate"],
    dependsOn: ["postgres"],
    // A migration that outruns 15 minutes is stuck on a lock: stop it; one retry covers a
    // database that was still failing over.
    timeout: 900, retries: 1,
    summary: "applies the database migrations")

let report: Service = .cron(
    "nightly-report", of: "web", schedule: "30 2 * * *", command: ["python", "-m", "jobs.report"],
    dependsOn: ["postgres"],
    timeout: 1800, retries: 2,
    summary: "mails yesterday's figures")

let search: Service = .image(
    "search", "nginxinc/nginx-unprivileged:1.27-alpine", port: 8080,
    health: .http("/"),
    writablePaths: ["/tmp"],
    summary: "an internal-only service: no host port, no ingress")

let blueprint = Blueprint(
    name: "platform",
    registry: "ghcr.io/acme",
    summary: "Web, worker, scheduler, migration and cron from one image",
    environments: [.development, .staging, .production],
    services: [
        web, worker, scheduler, migrate, report, search,
        .redis(name: "cache", injects: .url("CACHE_URL")),
        .redis(name: "queue", hostPort: 6380, injects: .url("QUEUE_URL")),
        .postgres(user: "platform", database: "platform_main", injects: .parts(prefix: "DB")),
    ],
    targets: [.kubernetes(environments: [.staging, .production])]
)

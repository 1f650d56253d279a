// Ralex: API + OpenWebUI + PostgreSQL + Redis + Prometheus on Kubernetes, ECS Fargate Spot, Cloud Run and Container Apps.
import BlueprintDescription

// Design of the deployment matrix (the resolver only allows containerised backing services where
// nothing deploys them to a serverless cloud):
// - development runs everything locally with compose, including PostgreSQL, Redis and Prometheus.
// - staging and production run on Kubernetes (kustomize + Helm) AND are provisioned by Terraform:
//   production on AWS ECS Fargate with Fargate Spot, staging on GCP Cloud Run and on Azure
//   Container Apps. In those environments PostgreSQL and Redis are the clouds' managed services
//   (RDS / ElastiCache, Cloud SQL / Memorystore, Azure Database / Azure Cache) and the apps read
//   their connection strings from the secret store.
// - Prometheus runs only in development: in the clouds, the platforms' own monitoring
//   (CloudWatch, Cloud Monitoring, Azure Monitor) replaces a self-hosted Prometheus.
// What scaffold does differently from the seed, on purpose:
// - `POSTGRES_PASSWORD=password` in compose becomes the secret POSTGRES_PASSWORD read from .env.
// - `:latest` / `:main` tags are pinned (see OpenWebUI below); the preset images are pinned too.
// - The images run as UID 10001, not root; the seed's Dockerfile `base → deps → app` stages map
//   onto scaffold's builder / production / development stages.
// - Rollback: scripts/deploy.sh keeps the previous image tag and restores it when the new one is
//   unhealthy; on ECS the deployment circuit breaker rolls a failed deploy back by itself; on
//   Kubernetes a deploy whose rollout doesn't finish fails the job (`kubectl rollout status`), and
//   deploy.yml's `rollback` input redeploys the previous successful tag.
/// Where the clouds' alerts go (D8: "performance baselines and alerting").
let alerts = Monitoring.alerts(email: "oncall@ralex.example.com")

let blueprint = Blueprint(
    name: "ralex",
    registry: "ghcr.io/OWNER",
    summary: "Ralex: the RalexBridge API behind OpenWebUI, with PostgreSQL, Redis and Prometheus",
    environments: [.development, .staging, .production],
    services: [
        .app(
            "api",
            path: ".",
            // D2 "development workflow supports hot reloading": development runs it with --reload.
            runtime: .python("3.11", packages: .pip, server: .command(["python", "-m", "ralex_bridge"], dev: ["python", "-m", "ralex_bridge", "--reload"])),
            port: 8000,
            health: .http("/health", ready: "/ready"),
            environment: [
                "LOG_LEVEL": .per([.development: "debug"], default: "info"),
                "RALEX_ENV": .per([.development: "development", .staging: "staging", .production: "production"]),
            ],
            secrets: [
                .secret("OPENROUTER_API_KEY", description: "the LLM provider key RalexBridge forwards to"),
                // The seed gives OpenWebUI OPENAI_API_KEY=ralex-bridge-key in plain text: it is the
                // credential OpenWebUI presents and RalexBridge checks, so both read one secret.
                .secret("RALEX_BRIDGE_API_KEY", key: "ralex-bridge-key", description: "the key RalexBridge accepts from its clients (OpenWebUI sends it as OPENAI_API_KEY)"),
            ],
            dependsOn: ["postgres", "redis"],
            // The seed's Kubernetes resources: requests 250m/256Mi, limits 500m/512Mi.
            resources: Resources(cpu: 0.25, memory: "256Mi", cpuLimit: 0.5, memoryLimit: "512Mi"),
            replicas: [.staging: 2],
            autoscale: [.production: .cpu(min: 3, max: 10, target: 70)],
            ingress: .host("api.ralex.example.com"),
            metricsPath: "/metrics",
            // RalexBridge forwards to the LLM provider.
            egress: [.https("openrouter.ai")]
        ),
        // The seed pins nothing: `ghcr.io/open-webui/open-webui:main` is a moving branch tag, so a
        // redeploy could silently change the UI. scaffold insists on a pinned image: a release tag
        // here (bump it deliberately, or pin `main@sha256:<digest>` to track main reproducibly).
        .image(
            "openwebui",
            "ghcr.io/open-webui/open-webui:v0.6.5",
            port: 8080,
            hostPort: 3000,
            health: .http("/health"),
            environment: [
                // The API's address as each target reaches it: http://api:8000/v1 in compose,
                // Kubernetes and ECS (Service Connect), its run.app URL on Cloud Run, its ingress
                // FQDN on Container Apps.
                "OPENAI_API_BASE_URL": .url(of: "api", path: "/v1"),
            ],
            secrets: [
                .secret("WEBUI_SECRET_KEY", description: "signs OpenWebUI sessions"),
                .secret("OPENAI_API_KEY", key: "ralex-bridge-key", description: "the key OpenWebUI presents to RalexBridge (the API's RALEX_BRIDGE_API_KEY)"),
            ],
            // OpenWebUI keeps its accounts, chats and settings in the database DATABASE_URL names
            // (injected from postgres: the container locally, the managed PostgreSQL in staging and
            // production), and uploads and its local vector index in /app/backend/data: a volume in
            // compose, a PersistentVolumeClaim in Kubernetes. In production ECS keeps it on an EFS
            // file system (serverless: .fileSystem). Cloud Run and Container Apps give containers
            // no persistent disk, so in staging the folder is scratch space (serverless: .scratch,
            // and the deploy guide says so): uploads and the index are lost when an instance stops
            // until OpenWebUI is pointed at object storage (STORAGE_PROVIDER) and pgvector (VECTOR_DB).
            volumes: [
                .named("openwebui-data", at: "/app/backend/data", environments: [.development, .staging], serverless: .scratch),
                .named("openwebui-data", at: "/app/backend/data", environments: [.production], serverless: .fileSystem),
            ],
            dependsOn: ["api", "postgres"],
            resources: Resources(cpu: 0.25, memory: "512Mi", cpuLimit: 1, memoryLimit: "1Gi"),
            ingress: .host("ralex.example.com"),
            writablePaths: ["/tmp", "/app/backend/data"]
        ),
        .postgres(managed: [.staging, .production]),
        .redis(managed: [.staging, .production]),
        // D8, monitoring: Prometheus scrapes the API in development; beyond it the clouds' own
        // monitoring alerts (`alerts` below: CloudWatch alarms and a dashboard on AWS, alert policies
        // on Cloud Run, metric alerts on Container Apps, all emailing the on-call address). On the
        // Kubernetes cluster, the cluster's own monitoring stack scrapes /metrics.
        .prometheus(scrape: ["api"], environments: [.development]),
    ],
    targets: [
        .kubernetes(environments: [.staging, .production]),
        // The seed's capacity strategy: one task always on FARGATE, the rest 1:3 FARGATE:FARGATE_SPOT.
        .aws(region: "us-east-1", environments: [.production], capacity: .spot(base: 1, fargate: 1, spot: 3), monitoring: alerts),
        .gcp(project: "ralex", region: "us-central1", environments: [.staging], monitoring: alerts),
        .azure(location: "eastus", environments: [.staging], monitoring: alerts),
    ],
    // D1: "Images work across x86_64 and ARM64": one multi-platform image per service.
    architectures: [.amd64, .arm64]
)

// A backend + frontend app with builder/production/development images, compose dev + prod and CI/CD to staging then an approved production.
import BlueprintDescription

// How the seed's files map onto scaffold's:
// - `Dockerfile.backend` / `Dockerfile.frontend` → `backend/Dockerfile` and `frontend/Dockerfile`,
//   each with the builder / production / development stages the seed asks for (the builder stage
//   is called `dependencies` for Python and `build` for the static site), non-root (UID 10001)
//   and with a HEALTHCHECK.
// - `docker-compose.dev.yml` / `docker-compose.prod.yml` → `compose.yaml` plus the
//   `compose.development.yaml`, `compose.staging.yaml` and `compose.production.yaml` overlays
//   (hot-reload bind mounts in development, resource limits and restart policies in production).
// - `scripts/deploy.sh` with start/stop/restart/logs/clean → the same commands in the generated
//   `scripts/deploy.sh` (which also deploys, rolls back and shows status), backed by
//   `scripts/start.sh`; `scripts/deploy-prod.sh` with rollback → the generated
//   `scripts/deploy-prod.sh` (deploy TAG / rollback / status on production).
// - `config/development.env` / `config/production.env` → the per-environment `environment:`
//   values below and `.env.example` for secrets; `.env` is git-ignored.
// - CI/CD: the GitHub Actions family tests, builds and deploys staging from `main`, then
//   production after a reviewer approves (`.production` requires approval by default).
let blueprint = Blueprint(
    name: "seed-app",
    registry: "ghcr.io/OWNER",
    summary: "A Python API and its web frontend",
    environments: [.development, .staging, .production],
    services: [
        .app(
            "backend",
            path: "backend",
            runtime: .python("3.12", packages: .pip, server: .uvicorn("src.main:app", workers: 2)),
            port: 8000,
            // The seed's health router: /health, /health/ready (dependencies), /health/live.
            health: .http("/health", ready: "/health/ready", live: "/health/live"),
            environment: [
                "LOG_LEVEL": .per([.development: "DEBUG"], default: "INFO"),
                "LOG_FORMAT": .per([.development: "text"], default: "json"),
            ],
            secrets: [
                .secret("PINECONE_API_KEY", description: "vector store checked by /health/ready"),
                .secret("LLM_API_KEY", description: "LLM provider checked by /health/ready"),
            ],
            resources: Resources(cpu: 0.5, memory: "512Mi", cpuLimit: 1, memoryLimit: "1Gi"),
            replicas: [.staging: 1, .production: 2],
            ingress: .host("api.seed-app.example.com"),
            // /health/ready calls the vector store and the LLM provider: without these the cluster's
            // NetworkPolicy keeps the pods from ever turning ready.
            egress: [.https("api.pinecone.io"), .https("api.openai.com")]
        ),
        .app(
            "frontend",
            path: "frontend",
            runtime: .staticSite(node: "22", packages: .npm, build: ["npm", "run", "build"], output: "dist"),
            port: 8080,
            hostPort: 3000,
            health: .http("/"),
            dependsOn: ["backend"],
            ingress: .host("seed-app.example.com")
        ),
    ],
    targets: [
        .kubernetes(environments: [.staging, .production]),
    ],
    // "Add notification on deployment": each deploy posts its outcome to this webhook.
    notify: [.webhook(secret: "DEPLOY_WEBHOOK_URL")]
)

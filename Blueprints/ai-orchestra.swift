// AI Orchestra: a Poetry FastAPI service on Cloud Run in us-west4, dev from develop and prod from main, with a dev container.
import BlueprintDescription

// What scaffold does differently from the seed, on purpose:
// - CI builds with Docker Buildx in GitHub Actions and deploys to Cloud Run with Terraform,
//   authenticating through workload identity federation: `gcloud builds submit` / cloudbuild.yaml
//   become a GitHub Actions workflow, so build and deploy are in one reviewed place.
// - Secrets are referenced from Secret Manager by the Cloud Run service (OPENAI_API_KEY:latest)
//   instead of being read with `gcloud secrets versions access` inside a build step.
// - The image is built with Poetry's locked dependencies in a builder stage (no curl | python
//   installer at runtime), runs as UID 10001, and listens on 8080 as Cloud Run expects; the
//   seed's `--port ${PORT}` in exec-form CMD would not expand anyway.
// - Poetry is pinned once, to the plan's 1.7.1 (the seed fights 1.6.1 vs 1.7.1): `toolVersion`
//   below is what the Dockerfile, CI and the dev container all install.
// - Cloud Run runs the service as its own service account, which Terraform creates per environment
//   (`development-orchestra-api@`, `production-orchestra-api@cherry-ai-project.iam.gserviceaccount.com`)
//   with access to exactly the secrets it reads, instead of the plan's shared `vertex-agent@`
//   account: development can't act as production. Grant that account the Vertex AI role the
//   plan's `vertex-agent@` holds (`roles/aiplatform.user`) in the project's IAM.
// - `version:` in compose is dropped; Redis and PostgreSQL exist only in development and are
//   Memorystore / Cloud SQL (managed) in the cloud environments.
/// The Poetry release every family pins (plan, section 2).
let poetry = "1.7.1"

/// The laptop: development images, hot reload, local Redis and PostgreSQL; never deployed.
let local = Environment.custom("local", mode: .development)

let blueprint = Blueprint(
    name: "ai-orchestra",
    registry: "us-west4-docker.pkg.dev/cherry-ai-project/orchestra",
    summary: "AI Orchestra: an LLM orchestration API on Cloud Run",
    // The seed's `development` is a deployed Cloud Run environment fed from `develop`; its laptop
    // setup (compose with hot reload, Redis and PostgreSQL containers) is the extra, never
    // deployed `local` environment, because Cloud Run cannot run those backing containers.
    environments: [local, .development.deploying(from: "develop"), .production],
    services: [
        .app(
            "orchestra-api",
            path: ".",
            runtime: .python("3.11", packages: .poetry, toolVersion: poetry, server: .uvicorn("core.orchestrator.src.api.app:app")),
            port: 8080,
            hostPort: 8000,
            health: .http("/health"),
            environment: [
                "PYTHONPATH": "/app",
                "GCP_PROJECT_ID": "cherry-ai-project",
                "GCP_REGION": "us-west4",
                "ENVIRONMENT": .per([.development: "development", .production: "production"]),
            ],
            secrets: [
                // The plan's project-wide Secret Manager secrets OPENAI_API_KEY and PORTKEY_API_KEY
                // become one per environment (ai-orchestra-<environment>-openai-api-key, ...), so
                // development can't read production's key; .env.example and README.Deploy.md name them.
                .secret("OPENAI_API_KEY", description: "OpenAI API key"),
                .secret("PORTKEY_API_KEY", description: "Portkey gateway key"),
            ],
            volumes: [
                .bind("core", at: "/app/core"),
                .bind("packages", at: "/app/packages"),
            ],
            dependsOn: ["redis", "postgres"],
            resources: Resources(cpu: 1, memory: "512Mi", cpuLimit: 1, memoryLimit: "1Gi")
        ),
        // Containers locally; in the Cloud Run environments Memorystore / Cloud SQL (managed),
        // whose connection strings the service reads from Secret Manager.
        .redis(managed: [.development, .production]),
        .postgres(managed: [.development, .production]),
    ],
    targets: [
        .gcp(project: "cherry-ai-project", region: "us-west4", environments: [.development, .production]),
    ],
    devContainer: DevContainer(
        features: [
            "ghcr.io/devcontainers/features/terraform:1": ["version": "1.5.7"],
            "ghcr.io/devcontainers/features/docker-outside-of-docker:1": [:],
            "ghcr.io/devcontainers/features/google-cloud-cli:1": [:],
            "ghcr.io/devcontainers/features/github-cli:1": [:],
        ],
        extensions: [
            "ms-python.python",
            "ms-python.vscode-pylance",
            "hashicorp.terraform",
            "ms-azuretools.vscode-docker",
            "googlecloudtools.cloudcode",
            "github.copilot",
            "ms-python.black-formatter",
            "ms-python.flake8",
        ],
        // The plan's VS Code settings, as written there.
        settings: [
            "python.defaultInterpreterPath": "/workspaces/orchestra-main/.venv/bin/python",
            "python.linting.enabled": true,
            "python.linting.flake8Enabled": true,
            "python.formatting.provider": "black",
            "editor.formatOnSave": true,
            "editor.codeActionsOnSave": ["source.organizeImports": true],
            "python.formatting.blackArgs": ["--line-length", "100"],
            "python.linting.flake8Args": ["--max-line-length=100", "--ignore=E203,W503"],
        ],
        // The seed's setup.sh, reduced to what it does: the pinned Poetry, an in-project venv and the hooks.
        postCreateCommand: "pipx install poetry==\(poetry) && poetry config virtualenvs.in-project true && poetry install --with dev && (poetry run pre-commit install || echo 'pre-commit is not a dev dependency yet: poetry add --group dev pre-commit')",
        remoteEnvironment: [
            "PYTHONPATH": "${containerWorkspaceFolder}",
            "GCP_PROJECT_ID": "cherry-ai-project",
            "GCP_REGION": "us-west4",
        ],
        remoteUser: "vscode"
    )
)

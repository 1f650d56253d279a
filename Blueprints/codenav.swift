// CodeNavigator: an HTTP API and an SSE server from one uv project, Redis and a static frontend, published to GHCR.
import BlueprintDescription

// What scaffold does differently from the seed, on purpose:
// - Image tags: the seed's floating `http-latest` / `sse-latest` / `frontend-latest` become one
//   image per service, `ghcr.io/ajacobm/codenav-<service>`, tagged with the commit SHA (and the
//   semver of a `v*` tag) by the GitHub Actions publish matrix; deploys pin a tag, never `latest`.
// - Two apps sharing the source folder get their own `Dockerfile.codenav-http` and
//   `Dockerfile.codenav-sse`, both built from the uv lock with the same builder stage.
// - Non-root: the images run as UID 10001 (the seed uses 1000, which collides with host users).
// - The frontend: the seed publishes 5173→80, but the static runtime serves with unprivileged
//   nginx, which cannot bind port 80 as non-root, so it listens on 8080: 5173→80 becomes 5173→8080.
// - Rolling updates: the seed's `deploy.update_config` (order: start-first) is Swarm-only and plain
//   `docker compose` ignores it, so scaffold's compose overlays don't write it. Production is
//   deployed to Kubernetes instead, whose Deployments roll start-first (maxSurge 1,
//   maxUnavailable 0) and keep the previous ReplicaSet for `kubectl rollout undo`.
// - `redis:7-alpine` is the preset's pinned Redis.
// - The `stdio` variant (the MCP server Claude starts itself) is built and published like the
//   others but runs in no environment: `environments: []`.
// - Neo4j is optional in the seed: set `withNeo4j` to run it in development (Neo4j 5 community on
//   bolt port 7687, its data in a volume, NEO4J_AUTH from .env); the API reaches it as
//   bolt://neo4j:7687 once you add "neo4j" to its dependsOn.

/// Whether to run the optional Neo4j graph database in development.
let withNeo4j = false

let neo4j: [Service] = withNeo4j ? [
    .image("neo4j", "neo4j:5.26-community", port: 7687, health: .tcp(),
           secrets: [.secret("NEO4J_AUTH", description: "neo4j/<password> for the graph database")],
           volumes: [.named("neo4j-data", at: "/data")], environments: [.development]),
] : []

let blueprint = Blueprint(
    name: "codenav",
    registry: "ghcr.io/ajacobm",
    summary: "CodeNavigator: a code graph explorer with an HTTP API, an SSE stream and a web frontend",
    environments: [.development, .production],
    services: [
        .app(
            "codenav-http",
            path: ".",
            runtime: .python("3.12", packages: .uv, server: .command(
                ["codenav", "serve", "--transport", "http", "--host", "0.0.0.0", "--port", "8000"],
                dev: ["codenav", "serve", "--transport", "http", "--host", "0.0.0.0", "--port", "8000", "--reload"])),
            port: 8000,
            // The seed publishes the MCP transports on the host in every environment, for MCP clients.
            hostPort: 8000,
            health: .http("/health", ready: "/ready"),
            environment: [
                "CODENAV_LOG_LEVEL": .per([.development: "DEBUG"], default: "INFO"),
                "CODENAV_FILE_WATCHER": .per([.development: "true"], default: "false"),
                "CORS_ORIGINS": .per([.development: "http://localhost:5173"], default: "https://codenav.example.com"),
            ],
            dependsOn: ["redis"],
            // "Out of memory": reservations 512M, limit 2G.
            resources: Resources(cpu: 0.5, memory: "512Mi", cpuLimit: 2, memoryLimit: "2Gi"),
            replicas: [.production: 3]
        ),
        .app(
            "codenav-sse",
            path: ".",
            runtime: .python("3.12", packages: .uv, server: .command(
                ["codenav", "serve", "--transport", "sse", "--host", "0.0.0.0", "--port", "8001"],
                dev: ["codenav", "serve", "--transport", "sse", "--host", "0.0.0.0", "--port", "8001", "--reload"])),
            port: 8001,
            hostPort: 8001,
            health: .http("/health", ready: "/ready"),
            environment: [
                "CODENAV_LOG_LEVEL": .per([.development: "DEBUG"], default: "INFO"),
            ],
            dependsOn: ["redis"],
            resources: Resources(cpu: 0.25, memory: "512Mi", cpuLimit: 1, memoryLimit: "2Gi")
        ),
        .redis(),
        .app(
            "frontend",
            path: "frontend",
            runtime: .staticSite(node: "22", packages: .npm, build: ["npm", "run", "build"], output: "dist"),
            port: 8080,
            hostPort: 5173,
            health: .http("/"),
            dependsOn: ["codenav-http"],
            // The browser calls the API through the frontend's own origin: /api/ goes to codenav-http.
            routes: ["/api/": "codenav-http"]
        ),
        .app(
            "codenav-stdio",
            path: ".",
            runtime: .python("3.12", packages: .uv, server: .command(["codenav", "serve", "--transport", "stdio"])),
            environments: []
        ),
    ] + neo4j,
    targets: [
        .kubernetes(environments: [.production]),
    ]
)

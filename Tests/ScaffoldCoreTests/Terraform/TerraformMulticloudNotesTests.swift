import BlueprintDescription
import Testing
@testable import ScaffoldCore

/// The multicloud preset's notes, word for word: a change to them is a change users see.
struct TerraformMulticloudNotesTests {
    /// `Blueprints/multicloud.swift`, as a value.
    static let blueprint = Blueprint(
        name: "multicloud",
        registry: "ghcr.io/acme",
        summary: "A Python API and a background worker on ECS Fargate, Cloud Run and Container Apps",
        environments: [.development, .staging, .production],
        services: [
            .app("api", path: "api", runtime: .python("3.12", packages: .uv, server: .uvicorn("app.main:app")),
                 port: 8000, health: .http("/health", ready: "/ready"),
                 environment: ["LOG_LEVEL": .per([.development: "debug"], default: "info")],
                 secrets: ["SESSION_SECRET", .secret("OPENAI_API_KEY", description: "API key of the model provider")],
                 dependsOn: ["postgres", "redis"],
                 resources: Resources(cpu: 0.5, memory: "512Mi", cpuLimit: 1, memoryLimit: "1Gi"),
                 replicas: [.staging: 2], autoscale: [.production: .cpu(min: 3, max: 10, target: 70)],
                 ingress: .host("api.multicloud.example.com")),
            .app("worker", path: "worker", runtime: .python("3.12", packages: .uv, server: .command(["python", "-m", "worker"])),
                 health: .command(["python", "-m", "worker", "--healthcheck"]),
                 environment: ["LOG_LEVEL": "info", "QUEUES": "default,emails"],
                 secrets: ["OPENAI_API_KEY"], dependsOn: ["postgres", "redis"],
                 resources: Resources(cpu: 0.25, memory: "512Mi"), replicas: [.production: 2]),
            .postgres(managed: [.staging, .production]),
            .redis(managed: [.staging, .production]),
        ],
        targets: [
            .aws(region: "eu-west-1", environments: [.staging, .production], capacity: .spot(base: 1, fargate: 1, spot: 3)),
            .gcp(project: "acme-multicloud", region: "europe-west1", environments: [.staging, .production]),
            .azure(location: "westeurope", environments: [.staging, .production]),
        ])

    static let expected = [
        "terraform: api in production: AWS creates no DNS record for api.multicloud.example.com: point it (CNAME or alias) at the load balancer (output load_balancer_dns_name).",
        "terraform: api in production: Azure doesn't bind api.multicloud.example.com to the app: add a CNAME to the app's default host (output service_urls), then bind it as a custom domain with a managed certificate.",
        "terraform: api in production: Cloud Run runs it at 1 CPU / 1024 MiB, the nearest size it offers, instead of the blueprint's 0.5 CPU / 1024 MiB (CPU request, memory limit).",
        "terraform: api in production: Cloud Run scales on requests, not CPU: the 70% CPU target is not used; it runs 3 to 10 instances.",
        "terraform: api in production: ECS checks only the readiness path /ready through the load balancer; the liveness path /health is not probed.",
        "terraform: api in production: Google Cloud doesn't map api.multicloud.example.com to the service: add a Cloud Run domain mapping (or a load balancer) for it and point its DNS there (output service_urls).",
        "terraform: api in staging: AWS creates no DNS record for staging.api.multicloud.example.com: point it (CNAME or alias) at the load balancer (output load_balancer_dns_name).",
        "terraform: api in staging: Azure doesn't bind staging.api.multicloud.example.com to the app: add a CNAME to the app's default host (output service_urls), then bind it as a custom domain with a managed certificate.",
        "terraform: api in staging: Cloud Run runs it at 1 CPU / 1024 MiB, the nearest size it offers, instead of the blueprint's 0.5 CPU / 1024 MiB (CPU request, memory limit).",
        "terraform: api in staging: ECS checks only the readiness path /ready through the load balancer; the liveness path /health is not probed.",
        "terraform: api in staging: Google Cloud doesn't map staging.api.multicloud.example.com to the service: add a Cloud Run domain mapping (or a load balancer) for it and point its DNS there (output service_urls).",
        "terraform: postgres in production: AWS runs it as RDS for PostgreSQL 16 on db.t4g.medium, not the postgres:16.6-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/aws/environments/production.tfvars).",
        "terraform: postgres in production: Azure runs it as Azure Database for PostgreSQL 16 (GP_Standard_D2ds_v5), not the postgres:16.6-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/azure/environments/production.tfvars).",
        "terraform: postgres in production: Google Cloud runs it as Cloud SQL for PostgreSQL (POSTGRES_16, db-custom-2-7680), not the postgres:16.6-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/gcp/environments/production.tfvars).",
        "terraform: postgres in staging: AWS runs it as RDS for PostgreSQL 16 on db.t4g.micro, not the postgres:16.6-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/aws/environments/staging.tfvars).",
        "terraform: postgres in staging: Azure runs it as Azure Database for PostgreSQL 16 (B_Standard_B1ms), not the postgres:16.6-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/azure/environments/staging.tfvars).",
        "terraform: postgres in staging: Google Cloud runs it as Cloud SQL for PostgreSQL (POSTGRES_16, db-custom-1-3840), not the postgres:16.6-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/gcp/environments/staging.tfvars).",
        "terraform: redis in production: AWS runs it as ElastiCache for Redis 7.1 on cache.t4g.small, not the redis:7.4-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/aws/environments/production.tfvars).",
        "terraform: redis in production: Azure runs it as Azure Cache for Redis 6 (Standard), not the redis:7.4-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/azure/environments/production.tfvars).",
        "terraform: redis in production: Google Cloud runs it as Memorystore for Redis (REDIS_7_2, 5 GiB), not the redis:7.4-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/gcp/environments/production.tfvars).",
        "terraform: redis in production: Memorystore serves TLS with its own certificate authority: clients of the rediss:// URL must trust it (output cache_server_ca_certs) or their connections fail verification.",
        "terraform: redis in staging: AWS runs it as ElastiCache for Redis 7.1 on cache.t4g.micro, not the redis:7.4-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/aws/environments/staging.tfvars).",
        "terraform: redis in staging: Azure runs it as Azure Cache for Redis 6 (Basic), not the redis:7.4-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/azure/environments/staging.tfvars).",
        "terraform: redis in staging: Google Cloud runs it as Memorystore for Redis (REDIS_7_2, 1 GiB), not the redis:7.4-alpine container; its resources and replicas don't apply (sizes: deploy/terraform/gcp/environments/staging.tfvars).",
        "terraform: redis in staging: Memorystore serves TLS with its own certificate authority: clients of the rediss:// URL must trust it (output cache_server_ca_certs) or their connections fail verification.",
        "terraform: worker in production: Cloud Run runs it at 1 CPU / 512 MiB, the nearest size it offers, instead of the blueprint's 0.25 CPU / 512 MiB (CPU request, memory limit).",
        "terraform: worker in production: Cloud Run worker pools have no probes: the health check is not run; an instance is replaced only when it exits.",
        "terraform: worker in production: Container Apps probes need a port and HTTP or TCP: the command health check is not run; a replica is replaced only when it exits.",
        "terraform: worker in staging: Cloud Run runs it at 1 CPU / 512 MiB, the nearest size it offers, instead of the blueprint's 0.25 CPU / 512 MiB (CPU request, memory limit).",
        "terraform: worker in staging: Cloud Run worker pools have no probes: the health check is not run; an instance is replaced only when it exits.",
        "terraform: worker in staging: Container Apps probes need a port and HTTP or TCP: the command health check is not run; a replica is replaced only when it exits.",
    ]

    @Test func theNotesAreStable() throws {
        let project = try Resolver().resolve(Self.blueprint)
        let lines = TerraformGenerator().notes(for: project).map(\.line)
        #expect(lines == Self.expected)
        #expect(TerraformGenerator().notes(for: project) == TerraformGenerator().notes(for: try Resolver().resolve(Self.blueprint)))
    }
}

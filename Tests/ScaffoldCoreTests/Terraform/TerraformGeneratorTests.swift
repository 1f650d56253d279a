import BlueprintDescription
import Testing
@testable import ScaffoldCore

/// The Terraform generator's decisions, checked on its render requests and contexts.
struct TerraformGeneratorTests {
    static func blueprint(stagingReplicas: Int = 2, targets: [Target]? = nil) -> Blueprint {
        Blueprint(
            name: "shop",
            environments: [.development, .staging, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                     health: .http("/health"), secrets: ["SESSION_SECRET"], dependsOn: ["postgres"],
                     replicas: [.staging: stagingReplicas], ingress: .host("api.shop.example.com")),
                .app("debug", path: "debug", runtime: .python(server: .uvicorn("app:app")), port: 9000,
                     environments: [.development]),
                .postgres(managed: [.staging, .production]),
            ],
            targets: targets ?? [
                .aws(region: "eu-west-1", environments: [.staging, .production]),
                .gcp(project: "shop-prod", region: "europe-west1", environments: [.production]),
            ])
    }

    @Test func credentialsInPlainVariablesAreRejectedWithAPointerToSecrets() throws {
        let blueprint = Blueprint(name: "shop", services: [
            .app("api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                 environment: ["DATABASE_URL": "postgres://user:pass@db/app"]),
        ])
        do {
            _ = try Resolver().resolve(blueprint)
            Issue.record("a credential in environment: was accepted")
        } catch let failure as ValidationFailure {
            #expect(failure.errors.contains { if case .secretGivenAsValue(_, "DATABASE_URL", _) = $0 { return true } else { return false } })
            #expect(failure.description.contains("secrets"))
        }
    }

    @Test func onlyTargetedCloudsAndTheirEnvironmentsGetFiles() throws {
        let project = try Resolver().resolve(Self.blueprint())
        let paths = try TerraformGenerator().requests(for: project).map(\.path)
        #expect(paths.contains("deploy/terraform/aws/environments/staging.tfvars"))
        #expect(paths.contains("deploy/terraform/aws/environments/production.backend.hcl"))
        #expect(paths.contains("deploy/terraform/gcp/environments/production.tfvars"))
        #expect(!paths.contains("deploy/terraform/gcp/environments/staging.tfvars"))
        #expect(!paths.contains { $0.hasPrefix("deploy/terraform/azure/") })
        #expect(!paths.contains { $0.contains("development") })
        #expect(paths.contains("deploy/terraform/aws/alb.tf"))
        #expect(paths.contains("deploy/terraform/aws/database.tf"))
        #expect(!paths.contains("deploy/terraform/aws/cache.tf"))
    }

    @Test func managedBackingServicesAreProvisionedNotRun() throws {
        let project = try Resolver().resolve(Self.blueprint())
        let production = try #require(project.environment(named: "production"))
        let context = TerraformGenerator().environmentContext(
            project, environment: production, target: project.targets[0], cloud: .aws,
            security: TerraformSecurityValues(project.targets))
        #expect(context.services.map(\.name) == ["api"])
        #expect(context.databases.map(\.name) == ["postgres"])
        #expect(context.databases.first?.secretKey == "postgres-url")
        let api = try #require(context.services.first)
        #expect(api.secrets.contains { $0.key == "DATABASE_URL" && $0.value == "postgres-url" })
        #expect(api.secrets.contains { $0.key == "SESSION_SECRET" && $0.value == "session-secret" })
    }

    @Test func fargateSizesAreValidCombinations() {
        #expect(TerraformSizing.fargate(Resources()) == .init(cpu: 256, memory: 512))
        #expect(TerraformSizing.fargate(Resources(cpu: 0.5, memory: "512Mi", memoryLimit: "1Gi")) == .init(cpu: 512, memory: 1024))
        #expect(TerraformSizing.fargate(Resources(cpu: 0.25, memory: "3Gi")) == .init(cpu: 512, memory: 3072))
        #expect(TerraformSizing.fargate(Resources(cpu: 1, memory: "1Gi")) == .init(cpu: 1024, memory: 2048))
        #expect(TerraformSizing.fargate(Resources(cpu: 3, memory: "5Gi")) == .init(cpu: 4096, memory: 8192))
    }

    @Test func containerAppsAndCloudRunSizesAreOnesThePlatformsAccept() {
        #expect(TerraformSizing.containerApps(Resources()) == ("0.25", "0.5Gi"))
        #expect(TerraformSizing.containerApps(Resources(cpu: 0.5, memory: "512Mi", memoryLimit: "1Gi")) == ("0.5", "1Gi"))
        #expect(TerraformSizing.containerApps(Resources(cpu: 0.25, memory: "1536Mi")) == ("0.75", "1.5Gi"))
        #expect(TerraformSizing.containerApps(Resources(cpu: 2, memory: "1Gi")) == ("2", "4Gi"))
        #expect(TerraformSizing.cloudRun(Resources()) == ("1", 512))
        #expect(TerraformSizing.cloudRun(Resources(cpu: 3, memory: "1Gi")) == ("4", 2048))
    }
}

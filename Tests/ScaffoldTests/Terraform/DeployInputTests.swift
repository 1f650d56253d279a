import BlueprintDescription
import Foundation
import Mustache
import ScaffoldCore
import ScaffoldKit
import Testing

/// Every input a deploy needs that Blueprint.swift can't know (the AWS certificate above all) is a
/// Terraform variable that says what to do when it is missing, is passed by the deploy workflow
/// from a named GitHub environment variable, and is on README.Deploy.md's checklist.
struct DeployInputTests {
    /// An API public everywhere it runs (production) and a worker in staging and production: staging
    /// serves nothing in public on AWS.
    static func publicOnlyInProduction(certificate: String? = nil) -> Blueprint {
        Blueprint(
            name: "shop",
            environments: [.development, .staging, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                     health: .http("/health"), environments: [.development, .production],
                     ingress: .host("api.shop.example.com")),
                .app("worker", path: "worker", runtime: .node(entry: "worker.js"),
                     health: .command(["node", "health.js"])),
            ],
            targets: [
                .aws(region: "eu-west-1", environments: [.staging, .production], security: Security(certificate: certificate)),
            ])
    }

    /// The files `generators` render for `blueprint`, by path, through the real templates.
    static func render(_ blueprint: Blueprint, _ generators: [any ArtifactGenerator]) throws -> [String: String] {
        let project = try Resolver().resolve(blueprint)
        let sources = try TemplateLoader.sources(in: TestPaths.repository.appendingPathComponent("Templates"), displayRoot: "Templates")
        let files = try Pipeline(generators: generators).render(project, templates: try TemplateSet(builtIn: sources))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    /// The lines of `text` from the one starting with `start` up to the next line that is only `}`.
    static func block(_ text: String, from start: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let first = lines.firstIndex(where: { $0.hasPrefix(start) }) else { return "" }
        let end = lines[first...].firstIndex(of: "}") ?? lines.count - 1
        return lines[first...end].joined(separator: "\n")
    }

    @Test func theModelAsksForTheCertificateOnlyWherePublicHostsNeedOne() throws {
        let project = try Resolver().resolve(Self.publicOnlyInProduction())
        let production = project.deployInputs(in: "production")
        let certificate = try #require(production.first { $0.purpose == .awsCertificate })
        #expect(certificate.name == "AWS_CERTIFICATE_ARN")
        #expect(certificate.terraformVariable == "certificate_arn")
        #expect(certificate.hosts == ["api.shop.example.com"])
        #expect(certificate.region == "eu-west-1")
        #expect(production.map(\.name) == ["AWS_DEPLOY_ROLE_ARN", "AWS_CERTIFICATE_ARN"])
        #expect(project.deployInputs(in: "staging").map(\.name) == ["AWS_DEPLOY_ROLE_ARN"])
        #expect(project.deployInputs(in: "development").isEmpty)

        let named = try Resolver().resolve(Self.publicOnlyInProduction(certificate: "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"))
        #expect(named.deployInputs(in: "production").map(\.name) == ["AWS_DEPLOY_ROLE_ARN"])
    }

    @Test func theCertificateVariableIsOptionalAndSaysWhereToSetIt() throws {
        let files = try TerraformRender.render(Self.publicOnlyInProduction())
        let variables = try #require(files["deploy/terraform/aws/variables.tf"])
        let certificate = Self.block(variables, from: "variable \"certificate_arn\"")
        #expect(certificate.contains("default     = null"), "an environment without a public service must not need it:\n\(certificate)")
        #expect(certificate.contains("AWS_CERTIFICATE_ARN"), "the message must name the GitHub variable:\n\(certificate)")
        #expect(certificate.contains("Settings → Environments"))
        let alb = try #require(files["deploy/terraform/aws/alb.tf"])
        #expect(alb.contains("count = local.entry_points"), "the load balancer must exist only where a service is public")
        #expect(alb.contains("precondition"), "a public environment without a certificate must fail at plan, saying what to set")
        #expect(alb.contains("moved {"), "existing state keeps its load balancer")
        for environment in ["staging", "production"] {
            let tfvars = try #require(files["deploy/terraform/aws/environments/\(environment).tfvars"])
            #expect(!tfvars.contains("certificate_arn"), "\(environment): no certificate is known, so the tfvars sets none")
        }
    }

    @Test func aCertificateInTheBlueprintGoesOnlyIntoPublicEnvironmentsTfvars() throws {
        let arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
        let files = try TerraformRender.render(Self.publicOnlyInProduction(certificate: arn))
        #expect(files["deploy/terraform/aws/environments/production.tfvars"]?.contains("certificate_arn       = \"\(arn)\"") == true)
        #expect(files["deploy/terraform/aws/environments/staging.tfvars"]?.contains("certificate_arn") == false)
    }

    @Test(.enabled(if: WorkflowRender.canParse, "needs python3 with PyYAML"))
    func theDeployPassesTheCertificateFromTheGitHubEnvironmentAndChecksItFirst() throws {
        let workflows = try WorkflowRender.render(Self.publicOnlyInProduction())
        let jobs = try #require(workflows["deploy.yml"]?["jobs"] as? [String: Any])
        func steps(_ job: String) throws -> [[String: Any]] {
            try #require((jobs[job] as? [String: Any])?["steps"] as? [[String: Any]], "job \(job)")
        }
        func env(_ step: [String: Any]) -> [String: String] { step["env"] as? [String: String] ?? [:] }
        let production = try steps("deploy-production")
        let applies = production.filter { ($0["run"] as? String)?.contains("terraform -chdir=\"$TF_DIR\" apply") == true }
        #expect(applies.count == 2)
        for step in applies {
            #expect(env(step)["TF_VAR_certificate_arn"] == "${{ vars.AWS_CERTIFICATE_ARN }}", "\(step["name"] ?? "")")
        }
        let check = try #require(production.firstIndex { ($0["name"] as? String)?.hasPrefix("Check the") == true }, "a step checks the GitHub environment's settings")
        let firstCloudStep = try #require(production.firstIndex { ($0["uses"] as? String)?.contains("configure-aws-credentials") == true })
        #expect(check < firstCloudStep, "the check runs before anything touches AWS")
        #expect(env(production[check])["AWS_CERTIFICATE_ARN"] == "${{ vars.AWS_CERTIFICATE_ARN }}")
        #expect(env(production[check])["AWS_DEPLOY_ROLE_ARN"] == "${{ vars.AWS_DEPLOY_ROLE_ARN }}")
        let staging = try steps("deploy-staging")
        for step in staging {
            #expect(env(step)["TF_VAR_certificate_arn"] == nil, "staging serves nothing in public: \(step["name"] ?? "")")
        }
    }

    @Test func theDeployGuideHasOneChecklistPerEnvironment() throws {
        let files = try Self.render(Self.publicOnlyInProduction(), [DocsGenerator(documenting: [TerraformGenerator(), GitHubActionsGenerator()])])
        let guide = try #require(files["README.Deploy.md"])
        let checklist = try #require(guide.components(separatedBy: "## Before the first deploy").last?.components(separatedBy: "## Environments").first)
        let production = try #require(checklist.components(separatedBy: "### production").last)
        let staging = try #require(checklist.components(separatedBy: "### staging").last?.components(separatedBy: "### production").first)
        #expect(production.contains("The GitHub environment `production`"), "\(production)")
        #expect(production.contains("- [ ] Variable `AWS_CERTIFICATE_ARN`"))
        #expect(production.contains("`api.shop.example.com`"), "the checklist says which hosts the certificate covers")
        #expect(production.contains("- [ ] Variable `AWS_DEPLOY_ROLE_ARN`"))
        #expect(production.contains("shop-terraform-state"), "the state bucket is created before the first deploy")
        #expect(staging.contains("- [ ] Variable `AWS_DEPLOY_ROLE_ARN`"))
        #expect(!staging.contains("AWS_CERTIFICATE_ARN"), "staging serves nothing in public")
    }
}

extension DeployInputTests {
    @Test func theGuideNamesTheSecretsEachCloudLooksUpAndNoneOfAManagedService() throws {
        let blueprint = Blueprint(
            name: "shop",
            environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                     secrets: ["STRIPE_KEY"], dependsOn: ["postgres"], ingress: .host("api.shop.example.com")),
                .postgres(managed: [.production]),
            ],
            targets: [.aws(region: "eu-west-1", environments: [.production])])
        let files = try Self.render(blueprint, [DocsGenerator(documenting: [TerraformGenerator()])])
        let guide = try #require(files["README.Deploy.md"])
        let production = try #require(guide.components(separatedBy: "## Environments").first?.components(separatedBy: "### production").last)
        #expect(production.contains("In AWS Secrets Manager (`eu-west-1`), with their values: `shop/production/stripe-key`."), "\(production)")
        #expect(!production.contains("shop/production/postgres-url"), "Terraform creates the managed database's URL")
        #expect(!production.contains("`POSTGRES_PASSWORD`"), "postgres is cloud-managed in production: its container's password is not a secret to set")
    }
}

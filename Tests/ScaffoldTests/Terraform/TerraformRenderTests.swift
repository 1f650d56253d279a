import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// The rendered Terraform: per-environment values live in the tfvars, secrets are references only.
struct TerraformRenderTests {
    static let clouds = ["aws", "gcp", "azure"]

    /// Paths whose contents differ between two renders (or exist in only one).
    static func changedPaths(_ a: [String: String], _ b: [String: String]) -> Set<String> {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }
    }

    /// The AWS `terraform test` restates each environment's expectations from Blueprint.swift, so
    /// it changes with them; the `.tf` files every environment shares never do.
    static let awsTest = "deploy/terraform/aws/tests/plan.tftest.hcl"

    @Test func changingOneEnvironmentsReplicasChangesOnlyItsTfvars() throws {
        let before = try TerraformRender.render(TerraformRender.blueprint(stagingReplicas: 2))
        let after = try TerraformRender.render(TerraformRender.blueprint(stagingReplicas: 5))
        #expect(Self.changedPaths(before, after) == Set(Self.clouds.map { "deploy/terraform/\($0)/environments/staging.tfvars" } + [Self.awsTest]))
        #expect(after["deploy/terraform/aws/environments/staging.tfvars"]?.contains("desired_count  = 5") == true)
        #expect(after[Self.awsTest]?.contains(#"try(aws_ecs_service.fixed["api"].desired_count == 5, false)"#) == true)
    }

    @Test func changingOneEnvironmentsAutoscaleBoundsChangesOnlyItsTfvars() throws {
        let before = try TerraformRender.render(TerraformRender.blueprint(productionMax: 10))
        let after = try TerraformRender.render(TerraformRender.blueprint(productionMax: 20))
        #expect(Self.changedPaths(before, after) == Set(Self.clouds.map { "deploy/terraform/\($0)/environments/production.tfvars" } + [Self.awsTest]))
    }

    @Test func eachCloudHasItsFilesAndDevelopmentOnlyServicesStayOut() throws {
        let files = try TerraformRender.render(TerraformRender.blueprint())
        for cloud in Self.clouds {
            for name in ["versions.tf", "variables.tf", "outputs.tf", "environments/staging.tfvars", "environments/production.backend.hcl"] {
                #expect(files["deploy/terraform/\(cloud)/\(name)"] != nil, "\(cloud)/\(name) is missing")
            }
            #expect(!files.keys.contains { $0.hasPrefix("deploy/terraform/\(cloud)/") && $0.contains("development") })
            for (path, text) in files where path.hasPrefix("deploy/terraform/\(cloud)/environments/") {
                #expect(!text.contains("mailcatcher"), "\(path) deploys a development-only service")
            }
        }
        #expect(files["deploy/terraform/aws/environments/staging.backend.hcl"]?.contains("use_lockfile = true") == true)
        #expect(files["deploy/terraform/aws/versions.tf"]?.contains(#"version = ">= 5.100, < 7.0""#) == true)
    }

    @Test func theAWSConfigurationNeedsNoProviderButAWS() throws {
        let files = try TerraformRender.render(TerraformRender.blueprint())
        for (path, text) in files where path.hasPrefix("deploy/terraform/aws/") {
            #expect(!text.contains("resource \"random_"), "\(path) uses the random provider")
            #expect(!text.contains("hashicorp/random"), "\(path) requires the random provider")
        }
    }

    @Test func secretsAreReferencesOnly() throws {
        let blueprint = TerraformRender.blueprint()
        let project = try Resolver().resolve(blueprint)
        let files = try TerraformRender.render(blueprint)
        // A quoted string holding a URL with user:password@ is a credential, unless the password
        // is a format verb filled from a generated value (`format("rediss://:%s@%s", ...)`).
        let credentialURL = try Regex(#""[a-zA-Z][a-zA-Z0-9+.-]*://[^"/@\s]*:(?!%s@)[^"@\s]*@"#)
        // Arguments that carry secret material may only ever be expressions, never literals.
        let literalSecret = try Regex(#"\b(password|secret_string|secret_data|auth_token|administrator_password|random_password)\s*=\s*""#)
        // The mocked provider of `terraform test` returns stand-ins, spelled as such.
        let mockSecret = try Regex(#"\b(password|secret_string|secret_data|auth_token|administrator_password|random_password)\s*=\s*"(?!Mock)"#)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            #expect(text.firstMatch(of: credentialURL) == nil, "\(path) holds a credential URL")
            let isTest = path.hasSuffix(".tftest.hcl")
            #expect(text.firstMatch(of: isTest ? mockSecret : literalSecret) == nil, "\(path) writes a secret as a literal")
        }
        // Every secret-backed variable appears in the tfvars as `"NAME" = "<store key>"`: a name.
        for environment in ["staging", "production"] {
            for service in project.services {
                guard let instance = service.instance(in: environment), !instance.managed else { continue }
                for variable in instance.secrets {
                    let key = try #require(variable.secret?.key)
                    for cloud in Self.clouds {
                        let tfvars = try #require(files["deploy/terraform/\(cloud)/environments/\(environment).tfvars"])
                        #expect(tfvars.contains("\"\(variable.name)\" = \"\(key)\""), "\(cloud) \(environment) \(service.name) \(variable.name)")
                    }
                }
            }
        }
        #expect(files["deploy/terraform/aws/environments/production.tfvars"]?.contains(#""STRIPE_KEY" = "stripe-live-key""#) == true)
        #expect(files["deploy/terraform/aws/environments/production.tfvars"]?.contains(#""DATABASE_URL" = "postgres-url""#) == true)
    }

    @Test func aSecurityOptionTurnsTheHardeningOnAndItsSkipOff() throws {
        let off = try TerraformRender.render(TerraformRender.blueprint())
        let on = try TerraformRender.render(TerraformRender.blueprint(security: Security(
            accessLogBucket: "shop-alb-logs", wafACL: "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/shop/abc",
            kmsKey: "arn:aws:kms:eu-west-1:111122223333:key/1234", certificate: "arn:aws:acm:eu-west-1:111122223333:certificate/abcd")))
        let albOff = try #require(off["deploy/terraform/aws/alb.tf"])
        let albOn = try #require(on["deploy/terraform/aws/alb.tf"])
        #expect(albOff.contains("checkov:skip=CKV_AWS_91"))
        #expect(!albOn.contains("checkov:skip=CKV_AWS_91"))
        #expect(albOn.contains(#"bucket  = "shop-alb-logs""#))
        #expect(!albOn.contains("checkov:skip=CKV2_AWS_28"))
        #expect(albOn.contains("aws_wafv2_web_acl_association"))
        #expect(off["deploy/terraform/aws/ecr.tf"]?.contains("checkov:skip=CKV_AWS_136") == true)
        #expect(on["deploy/terraform/aws/ecr.tf"]?.contains("checkov:skip=CKV_AWS_136") == false)
        #expect(on["deploy/terraform/aws/environments/production.tfvars"]?.contains("certificate_arn") == true)
    }
}

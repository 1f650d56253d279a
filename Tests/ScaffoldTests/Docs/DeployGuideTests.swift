import Foundation
import ScaffoldCore
import Testing

/// README.Deploy.md is a guide a user can follow to production: no placeholders, no
/// contradictions, the exact commands, and every input in one checklist.
@Suite("Deploy guide")
struct DeployGuideTests {
    static func files(_ preset: String) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try SnapshotTests.render(preset).map { ($0.path, $0.contents) })
    }

    @Test("no placeholder link, no 'OIDC only' next to a long-lived kubeconfig", arguments: TestPaths.presetNames)
    func noPlaceholders(_ preset: String) throws {
        let guide = try #require(try Self.files(preset)["README.Deploy.md"])
        #expect(!guide.contains("](https://github.com/)"))
        #expect(!guide.contains("OIDC only"))
        #expect(!guide.contains("OWNER"))
        if guide.contains("`KUBECONFIG`") {
            #expect(guide.contains("the one long-lived credential"))
        }
    }

    @Test("every Kubernetes environment gets its exact kubectl and helm commands, with every secret key")
    func kubernetesCommands() throws {
        let files = try Self.files("default")
        let guide = try #require(files["README.Deploy.md"])
        for environment in ["staging", "production"] {
            #expect(guide.contains("kubectl --namespace demo-\(environment) create secret generic demo-secrets \\"))
            #expect(guide.contains("helm upgrade --install demo deploy/helm/demo --namespace demo-\(environment) --wait --wait-for-jobs \\"))
            #expect(guide.contains("-f deploy/helm/demo/values-\(environment).yaml \\"))
            #expect(files["deploy/kubernetes/overlays/\(environment)/namespace.yaml"] != nil)
        }
        // Every key a manifest reads from the Secret is created by the command.
        let keys = Set(files.filter { $0.key.hasPrefix("deploy/kubernetes/overlays/production/") }.values.flatMap { text in
            text.split(separator: "\n").filter { $0.contains("key: ") && !$0.contains("- key:") }.map { $0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces) }
        })
        #expect(!keys.isEmpty)
        for key in keys { #expect(guide.contains("--from-literal=\(key)="), "\(key) is read but never created") }
    }

    @Test("one checklist names every input: GitHub environments, reviewers, variables, secrets, certificates, DNS")
    func oneChecklist() throws {
        let guide = try #require(try Self.files("ralex")["README.Deploy.md"])
        let start = try #require(guide.range(of: "## Before the first deploy"))
        let end = try #require(guide.range(of: "## Environments"))
        let checklist = String(guide[start.upperBound..<end.lowerBound])
        #expect(checklist.contains("The GitHub environment `production`"))
        #expect(checklist.contains("**Required reviewers**"))
        #expect(checklist.contains("AWS_CERTIFICATE_ARN") || checklist.contains("certificate"))
        #expect(checklist.contains("DNS for `"))
    }

    @Test("where the deploy runs jobs itself, the checklist says what its cloud credential must allow")
    func jobPermissions() throws {
        let guide = try #require(try Self.files("multicloud")["README.Deploy.md"])
        #expect(guide.contains("`ecs:RunTask` on their task definitions, `ecs:DescribeTasks`, `ecs:StopTask` (an attempt that outruns its timeout is stopped), and `iam:PassRole`"))
        #expect(guide.contains("`run.jobs.run` and `run.executions.get`"))
        #expect(guide.contains("`az containerapp job start`"))
        // ralex deploys to AWS without jobs: its role needs only what Terraform manages.
        let plain = try #require(try Self.files("ralex")["README.Deploy.md"])
        #expect(plain.contains("AWS_DEPLOY_ROLE_ARN") && !plain.contains("ecs:RunTask"))
    }

    @Test("the drift gate builds the scaffold release that rendered it")
    func driftGateVersion() throws {
        let workflow = try #require(try Self.files("default")[".github/workflows/scaffold.yml"])
        #expect(workflow.contains("vars.SCAFFOLD_VERSION || '\(ScaffoldRelease.tag)'"))
    }

    @Test(".env.example names each secret as the cloud's Terraform reads it")
    func secretNamesMatchTerraform() throws {
        let files = try Self.files("ai-orchestra")
        let example = try #require(files[".env.example"])
        let providers = try #require(files["deploy/terraform/gcp/providers.tf"])
        // Terraform reads <project>-<environment>-<key>; the key of OPENAI_API_KEY is openai-api-key.
        #expect(providers.contains(#"secret_prefix = "${var.project}-${var.environment}-""#))
        for environment in ["development", "production"] {
            #expect(example.contains("OPENAI_API_KEY  (Secret Manager `ai-orchestra-\(environment)-openai-api-key`)"), "\(example)")
        }
        #expect(!example.contains("Secret Manager: OPENAI_API_KEY"))
        let aws = try #require(try Self.files("multicloud")[".env.example"])
        #expect(aws.contains("AWS Secrets Manager `multicloud/production/openai-api-key`"))
    }

    @Test("every pushed image is scanned by digest before anything deploys it, as the guide says")
    func imagesAreScanned() throws {
        for preset in ["ralex", "codenav"] {
            let files = try Self.files(preset)
            let images = try #require(files[".github/workflows/images.yml"])
            #expect(images.contains("uses: aquasecurity/trivy-action@") && images.contains("@${{ steps.build.outputs.digest }}"))
            #expect(images.contains(#"exit-code: "1""#))
            #expect(try #require(files["README.Deploy.md"]).contains("already built and scanned"))
        }
    }
}

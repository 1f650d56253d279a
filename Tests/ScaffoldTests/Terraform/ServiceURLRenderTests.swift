import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// `.url(of:)` is written natively by every family: an in-network address in compose, Kubernetes
/// and ECS (Service Connect), the callee's `uri` on Cloud Run (with invoker rights when it is
/// private), its ingress FQDN on Container Apps.
struct ServiceURLRenderTests {
    /// A public web front end calling a private API by URL, everywhere; a worker calls it too.
    static func blueprint() -> Blueprint {
        Blueprint(
            name: "shop",
            environments: [.development, .staging, .production],
            services: [
                .image("web", "ghcr.io/acme/web:1.0.0", port: 8080, health: .http("/health"),
                       environment: ["API_URL": .url(of: "api", path: "/v1")], ingress: .host("shop.example.com")),
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health")),
                .app("worker", path: "worker", runtime: .node(entry: "worker.js"), health: .command(["node", "health.js"]),
                     environment: ["API_URL": .url(of: "api")]),
            ],
            targets: [
                .kubernetes(environments: [.staging]),
                .gcp(project: "shop", region: "europe-west1", environments: [.staging]),
                .azure(location: "westeurope", environments: [.staging]),
                .aws(region: "eu-west-1", environments: [.production]),
            ])
    }

    static func files() throws -> [String: String] {
        try DeployInputTests.render(blueprint(), [ComposeGenerator(), KubernetesGenerator(), TerraformGenerator()])
    }

    @Test func composeKubernetesAndECSUseTheServiceName() throws {
        let files = try Self.files()
        #expect(files["compose.yaml"]?.contains(#"API_URL: "http://api:8000/v1""#) == true, "\(files["compose.yaml"] ?? "")")
        let configMap = try #require(files.first { $0.key.hasPrefix("deploy/kubernetes/overlays/staging/web/") && $0.key.hasSuffix("configmap.yaml") }?.value)
        #expect(configMap.contains(#"API_URL: "http://api:8000/v1""#))
        let aws = try #require(files["deploy/terraform/aws/environments/production.tfvars"])
        #expect(aws.contains(#""API_URL" = "http://api:8000/v1""#), "Service Connect resolves the service name")
        #expect(!aws.contains("service_urls"))
    }

    @Test func theCalleesNetworkPolicyLetsTheCallersIn() throws {
        let files = try Self.files()
        let policy = try #require(files["deploy/kubernetes/overlays/staging/api/networkpolicy.yaml"])
        #expect(policy.contains("app.kubernetes.io/name: web"), "\(policy)")
        #expect(policy.contains("app.kubernetes.io/name: worker"))
        let caller = try #require(files["deploy/kubernetes/overlays/staging/worker/networkpolicy.yaml"])
        #expect(caller.contains("app.kubernetes.io/name: api"), "the caller may reach the callee: \(caller)")
    }

    @Test func cloudRunReadsTheCalleesURIAndLetsTheCallerInvokeIt() throws {
        let files = try Self.files()
        let tfvars = try #require(files["deploy/terraform/gcp/environments/staging.tfvars"])
        #expect(tfvars.contains(#"service_urls  = { "API_URL" = { service = "api", path = "/v1" } }"#), "\(tfvars)")
        #expect(!tfvars.contains("http://api:8000"), "no cluster address on Cloud Run")
        let run = try #require(files["deploy/terraform/gcp/run.tf"])
        #expect(run.contains(#"resource "google_cloud_run_v2_service" "caller" {"#))
        #expect(run.contains(#"value = "${google_cloud_run_v2_service.service[env.value.service].uri}${env.value.path}""#))
        #expect(run.contains(#"value = "${local.run_services[env.value.service].uri}${env.value.path}""#), "the worker pool reads it too")
        #expect(run.contains(#"resource "google_cloud_run_v2_service_iam_member" "caller" {"#))
        #expect(run.contains(#"member   = "serviceAccount:${google_service_account.service[each.value.caller].email}""#))
        let variables = try #require(files["deploy/terraform/gcp/variables.tf"])
        #expect(variables.contains("service_urls    = optional(map(object({ service = string, path = string })), {})\n"))
        let project = try Resolver().resolve(Self.blueprint())
        let notes = TerraformGenerator().notes(for: project).filter { $0.environment == "staging" && $0.service == "web" }
        #expect(notes.contains { $0.message.contains("API_URL points at api, which is not public, so Cloud Run accepts the calls only with a Google ID token") })
    }

    @Test func containerAppsUsesTheCalleesIngressFQDN() throws {
        let files = try Self.files()
        let tfvars = try #require(files["deploy/terraform/azure/environments/staging.tfvars"])
        #expect(tfvars.contains(#"service_urls = { "API_URL" = { service = "api", path = "/v1" } }"#), "\(tfvars)")
        let apps = try #require(files["deploy/terraform/azure/apps.tf"])
        #expect(apps.contains(#"${var.services[env.value.service].ingress == null ? ".internal" : ""}.${azurerm_container_app_environment.main.default_domain}${env.value.path}"#))
    }

    @Test func withoutURLsTheCloudRunConfigurationHasOneServiceBlock() throws {
        let files = try TerraformRender.render(TerraformRender.blueprint())
        let run = try #require(files["deploy/terraform/gcp/run.tf"])
        #expect(!run.contains(#""caller""#))
        #expect(run.contains("for_each = local.http_services"))
        #expect(!(files["deploy/terraform/gcp/variables.tf"] ?? "").contains("service_urls"))
    }
}

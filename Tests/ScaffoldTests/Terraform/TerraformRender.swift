import BlueprintDescription
import Foundation
import Mustache
import ScaffoldCore
import ScaffoldKit

/// Renders only the Terraform family of a blueprint, through the resolver and the real templates.
enum TerraformRender {
    /// The Terraform files of `blueprint`, by path.
    static func render(_ blueprint: Blueprint) throws -> [String: String] {
        let project = try Resolver().resolve(blueprint)
        // Only this family's templates (and the headers), so another family's work in progress
        // can't fail these tests.
        let sources = try TemplateLoader.sources(in: TestPaths.repository.appendingPathComponent("Templates"), displayRoot: "Templates")
            .filter { ["terraform/", "_header/"].contains(where: $0.name.hasPrefix) }
        let files = try Pipeline(generators: [TerraformGenerator()]).render(project, templates: try TemplateSet(builtIn: sources))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    /// A blueprint deploying to all three clouds, with secrets, a managed database and cache,
    /// and a development-only service; `staging` and `production` tune one environment.
    static func blueprint(stagingReplicas: Int = 2, productionMax: Int = 10, security: Security = Security()) -> Blueprint {
        Blueprint(
            name: "shop",
            environments: [.development, .staging, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                     health: .http("/health", ready: "/ready"),
                     environment: ["LOG_LEVEL": "info", "PUBLIC_URL": "https://api.shop.example.com/v1"],
                     secrets: ["SESSION_SECRET", .secret("STRIPE_KEY", key: "stripe-live-key")],
                     dependsOn: ["postgres", "redis"],
                     replicas: [.staging: stagingReplicas],
                     autoscale: [.production: .cpu(min: 2, max: productionMax)],
                     ingress: .host("api.shop.example.com")),
                .app("worker", path: "worker", runtime: .node(entry: "worker.js"),
                     health: .command(["node", "health.js"]), secrets: ["SESSION_SECRET"], dependsOn: ["postgres"]),
                .app("mailcatcher", path: "mail", runtime: .node(entry: "mail.js"), port: 1080,
                     environments: [.development]),
                .postgres(managed: [.staging, .production]),
                .redis(managed: [.staging, .production]),
            ],
            targets: [
                .aws(region: "eu-west-1", environments: [.staging, .production], capacity: .spot(), security: security),
                .gcp(project: "shop-cloud", region: "europe-west1", environments: [.staging, .production], security: security),
                .azure(location: "westeurope", environments: [.staging, .production], security: security),
            ])
    }
}

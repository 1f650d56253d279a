import BlueprintDescription
import Foundation
import ScaffoldCore
import ScaffoldKit
import Testing

/// `.queue(...)`: each cloud provisions the queue natively, its dependents learn its name and may
/// use it, and an environment no cloud deploys is refused.
@Suite("Queues")
struct QueueTests {
    static func blueprint(queueEnvironments: [Environment] = [.production], targets: [Target]) -> Blueprint {
        Blueprint(
            name: "shop", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health"),
                     dependsOn: ["redis", "tasks"]),
                .app("web", path: "web", runtime: .python(server: .uvicorn("app:app")), port: 8001, health: .http("/health")),
                .redis(environments: [.development]),
                .queue("tasks", environments: queueEnvironments),
            ],
            targets: targets)
    }

    static func files(_ blueprint: Blueprint) throws -> [String: String] {
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        let templates = try TemplateLoader.templateSet(installation: installation, overrides: nil)
        let files = try Pipeline().render(try Resolver().resolve(blueprint), templates: templates)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    @Test("Google Cloud: a Cloud Tasks queue, its API, the enqueuer role for the dependent only, and its full name injected")
    func cloudTasks() throws {
        let files = try Self.files(Self.blueprint(targets: [.gcp(project: "shop-prod", region: "us-west4", environments: [.production])]))
        let queue = try #require(files["deploy/terraform/gcp/queue.tf"])
        #expect(queue.contains(#"resource "google_cloud_tasks_queue" "queue""#))
        #expect(queue.contains(#"role     = "roles/cloudtasks.enqueuer""#))
        #expect(try #require(files["deploy/terraform/gcp/apis.tf"]).contains(#""cloudtasks.googleapis.com""#))
        let tfvars = try #require(files["deploy/terraform/gcp/environments/production.tfvars"])
        #expect(tfvars.contains(#""TASKS_QUEUE" = "projects/shop-prod/locations/us-west4/queues/shop-production-tasks""#))
        #expect(tfvars.contains(#"senders = ["api"]"#), "only the dependent may enqueue: \(tfvars)")
        // No container for it anywhere: compose and the development overlay never name it.
        #expect(!(files["compose.yaml"] ?? "").contains("tasks:"))
        #expect(!(files["compose.development.yaml"] ?? "").contains("TASKS_QUEUE"))
    }

    @Test("AWS: an encrypted SQS queue with a dead-letter queue and a task-role policy; Azure: a Storage queue with Entra ID only")
    func sqsAndStorageQueues() throws {
        let files = try Self.files(Self.blueprint(targets: [
            .aws(region: "eu-west-1", environments: [.production]),
            .azure(location: "westeurope", environments: [.production]),
        ]))
        let sqs = try #require(files["deploy/terraform/aws/queue.tf"])
        #expect(sqs.contains(#"resource "aws_sqs_queue" "queue""#) && sqs.contains("sqs_managed_sse_enabled") && sqs.contains("deadLetterTargetArn"))
        #expect(sqs.contains("role   = aws_iam_role.task[each.value.sender].id"))
        #expect(try #require(files["deploy/terraform/aws/environments/production.tfvars"]).contains(#""TASKS_QUEUE" = "shop-production-tasks""#))
        let azure = try #require(files["deploy/terraform/azure/queue.tf"])
        #expect(azure.contains("shared_access_key_enabled         = false"))
        #expect(azure.contains(#"role_definition_name = "Storage Queue Data Contributor""#))
        let azureValues = try #require(files["deploy/terraform/azure/environments/production.tfvars"])
        #expect(azureValues.contains(#""TASKS_QUEUE_URL" = "https://shopproductionqueue.queue.core.windows.net/shop-production-tasks""#))
        #expect(try #require(files["README.Deploy.md"]).contains("web may use the queue too"), "the shared Azure identity is a fidelity note")
    }

    @Test("a queue in an environment no cloud deploys is an error that says what to do")
    func localQueueRefused() throws {
        #expect {
            _ = try Resolver().resolve(Self.blueprint(queueEnvironments: [.development, .production], targets: [.gcp(project: "p", region: "us-west4", environments: [.production])]))
        } throws: { error in
            let text = "\(error)"
            return text.contains("queue in development") && text.contains("environments:") && text.contains(".redis(")
        }
    }
}

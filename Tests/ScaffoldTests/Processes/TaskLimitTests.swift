import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// `timeout:` and `retries:` of `.job` and `.cron`, in every family that runs them.
@Suite("Job and task time limits and retries")
struct TaskLimitTests {
    /// ProcessTests' shop with a 90-minute migration retried twice and a ten-minute digest
    /// retried once.
    static func blueprint(targets: [Target]) -> Blueprint {
        limited(ProcessTests.blueprint(targets: targets))
    }

    /// `blueprint` with those limits on its migration and digest.
    static func limited(_ blueprint: Blueprint) -> Blueprint {
        var blueprint = blueprint
        blueprint.services = blueprint.services.map { service in
            var service = service
            if service.name == "migrate" { (service.taskTimeout, service.taskRetries) = (5400, 2) }
            if service.name == "digest" { (service.taskTimeout, service.taskRetries) = (600, 1) }
            return service
        }
        return blueprint
    }

    @Test("the factories record timeout and retries; nil keeps an hour and no retries")
    func factories() {
        let job = Service.job("migrate", of: "web", command: ["m"], timeout: 900, retries: 3)
        #expect(job.taskTimeout == 900 && job.taskRetries == 3)
        let cron = Service.cron("digest", of: "web", schedule: "0 3 * * *", command: ["d"], timeout: 120)
        #expect(cron.taskTimeout == 120 && cron.taskRetries == nil)
    }

    @Test("Kubernetes: backoffLimit, each pod's deadline, the Job's deadline over all attempts, and the deploy's wait")
    func kubernetes() throws {
        let defaults = try QueueTests.files(ProcessTests.blueprint())
        let plain = try #require(defaults["deploy/kubernetes/base/migrate/job.yaml"])
        // Before timeout: and retries:, a Job retried three times within 30 minutes and the
        // deploy waited 30 minutes: now the defaults every platform shares.
        #expect(plain.contains("backoffLimit: 0") && plain.contains("activeDeadlineSeconds: 3600"), "\(plain)")

        let files = try QueueTests.files(Self.blueprint(targets: [.kubernetes(environments: [.production])]))
        let job = try #require(files["deploy/kubernetes/base/migrate/job.yaml"])
        #expect(job.contains("  backoffLimit: 2\n  activeDeadlineSeconds: 16920\n"), "\(job)")
        #expect(job.contains("      restartPolicy: Never\n      activeDeadlineSeconds: 5400\n"), "\(job)")
        let cron = try #require(files["deploy/kubernetes/base/digest/cronjob.yaml"])
        #expect(cron.contains("      backoffLimit: 1\n      activeDeadlineSeconds: 1560\n"), "\(cron)")
        #expect(cron.contains("          activeDeadlineSeconds: 600\n"), "\(cron)")
        let chart = try #require(files["deploy/helm/shop/templates/migrate/job.yaml"])
        #expect(chart.contains("backoffLimit: 2") && chart.contains("activeDeadlineSeconds: 5400"), "\(chart)")
        let deploy = try #require(files[".github/workflows/deploy.yml"])
        #expect(deploy.contains("--timeout=16980s job/migrate"), "\(deploy)")
        #expect(!deploy.contains("--timeout=30m"))
    }

    @Test("clouds: Cloud Run and Container Apps take both; the ECS deploy stops a long attempt and starts a failed one again")
    func clouds() throws {
        let files = try QueueTests.files(Self.limited(ProcessTests.cloudBlueprint()))
        for cloud in ["gcp", "azure"] {
            let tfvars = try #require(files["deploy/terraform/\(cloud)/environments/production.tfvars"])
            #expect(tfvars.contains("timeout_seconds = 5400\n    max_retries     = 2\n"), "\(cloud): \(tfvars)")
            #expect(tfvars.contains("timeout_seconds = 600\n    max_retries     = 1\n"), "\(cloud): \(tfvars)")
        }
        #expect(try #require(files["deploy/terraform/gcp/run.tf"]).contains("max_retries     = each.value.max_retries"))
        #expect(try #require(files["deploy/terraform/azure/apps.tf"]).contains("replica_retry_limit          = each.value.max_retries"))

        let deploy = try #require(files[".github/workflows/deploy.yml"])
        // The ECS wait used to give up after six 10-minute waits: a 90-minute job failed the deploy.
        #expect(!deploy.contains("for _ in 1 2 3 4 5 6"))
        #expect(deploy.contains("for attempt in $(seq 1 3); do"), "\(deploy)")
        #expect(deploy.contains("for _ in $(seq 1 546); do"), "one attempt: 5400 s in 10-second polls and a minute")
        #expect(deploy.contains(#"aws ecs stop-task --cluster "$cluster" --task "$task" --reason "ran longer than 5400 s""#))
        #expect(deploy.contains("for _ in $(seq 1 1698); do"), "Container Apps: all three attempts and the back-off")
        #expect(try #require(files["README.Deploy.md"]).contains("`ecs:StopTask`"))
    }

    @Test("notes: compose runs a job once with no limit; ECS enforces no limit on a scheduled task")
    func notes() throws {
        let blueprint = Self.limited(ProcessTests.cloudBlueprint())
        let notes = Pipeline().notes(for: try Resolver().resolve(blueprint)).map(\.line)
        #expect(notes.contains { $0.contains("migrate") && $0.contains("compose runs it once, for as long as it takes: its 5400 s timeout and its 2 retries apply on Kubernetes and the clouds") }, "\(notes)")
        #expect(notes.contains { $0.contains("digest") && $0.contains("ECS stops no task after a time limit: its 600 s timeout is not enforced and its 1 retry is not carried") }, "\(notes)")
        let plain = Pipeline().notes(for: try Resolver().resolve(ProcessTests.blueprint())).map(\.line)
        #expect(!plain.contains { $0.contains("compose runs it once") }, "no note for the defaults: \(plain)")
    }

    @Test("a timeout outside a minute to a day, or more than ten retries, is refused with its line")
    func validation() throws {
        let app = Service.app("web", path: "web", runtime: .python(server: .uvicorn("app:app")), port: 8000)
        let short = Service.job("migrate", of: "web", command: ["m"], timeout: 30)
        let long = Service.cron("digest", of: "web", schedule: "0 3 * * *", command: ["d"], timeout: 100_000)
        let retried = Service.job("migrate", of: "web", command: ["m"], retries: 11)
        for (service, expected) in [
            (short, "timeout 30 must be between 60 and 86400 seconds"),
            (long, "timeout 100000 must be between 60 and 86400"),
            (retried, "retries 11 must be between 0 and 10"),
        ] {
            #expect {
                _ = try Resolver().resolve(Blueprint(name: "shop", services: [app, service]))
            } throws: { error in
                let text = "\(error)"
                return text.contains(expected) && text.contains("Blueprint.swift:\(service.location.line):")
            }
        }
    }
}

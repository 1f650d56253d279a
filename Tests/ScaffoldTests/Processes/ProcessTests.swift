import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// Several processes of one image, one-shot jobs and scheduled tasks, in every family that runs them.
@Suite("Processes, jobs and scheduled tasks")
struct ProcessTests {
    /// A web app with a worker, a migration and a nightly task from its image, on Kubernetes.
    static func blueprint(targets: [Target] = [.kubernetes(environments: [.production])]) -> Blueprint {
        Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .production],
            services: [
                .app("web", path: "web", runtime: .python(packages: .uv, server: .uvicorn("app:app")), port: 8000,
                     health: .http("/health"), dependsOn: [.completed("migrate"), "postgres"]),
                .process("worker", of: "web", command: ["python", "-m", "shop.worker"], dependsOn: ["migrate", "redis"]),
                .job("migrate", of: "web", command: ["python", "-m", "shop.migrate"], dependsOn: ["postgres"]),
                .cron("digest", of: "web", schedule: "*/15 6-22 * * 1-5", command: ["python", "-m", "shop.digest"], dependsOn: ["postgres"]),
                .postgres(), .redis(),
            ],
            targets: targets)
    }

    @Test("one Dockerfile, one CI build and one image for the app and the processes of its image")
    func oneBuild() throws {
        let files = try QueueTests.files(Self.blueprint())
        #expect(files.keys.filter { $0.hasSuffix("Dockerfile") || $0.contains("Dockerfile.") }.sorted() == ["web/Dockerfile"])
        let images = try #require(files[".github/workflows/images.yml"])
        #expect(!images.contains("shop-worker") && !images.contains("shop-migrate"), "\(images)")
        let compose = try #require(files["compose.yaml"])
        for name in ["worker", "migrate", "digest"] {
            let block = try #require(Self.block(name, in: compose))
            #expect(block.contains(#"image: "ghcr.io/acme/shop-web:${IMAGE_TAG:-local}""#), "\(name): \(block)")
            #expect(block.contains("context: ./web"), "\(name) builds web's context: \(block)")
            #expect(block.contains("healthcheck:"), "\(name) doesn't inherit the web server's HEALTHCHECK: \(block)")
            #expect(!block.contains("wget") && !block.contains("/health"), "\(name) checks nothing of the web server's: \(block)")
        }
        #expect(try #require(Self.block("worker", in: compose)).contains("- shop.worker"))
    }

    @Test("compose checks that a long-running service with no health check runs, so `up --wait` works before compose 5.0.2")
    func runningCheck() throws {
        var blueprint = Self.blueprint()
        blueprint.services.append(.app("mailer", path: "mailer", runtime: .go(), command: ["/app/server", "mail"]))
        let files = try QueueTests.files(blueprint)
        let compose = try #require(files["compose.yaml"])
        // Compose before 5.0.2 fails `up --wait` with "has no healthcheck configured" on a
        // disabled check or an image's `HEALTHCHECK NONE`: a check that passes while it runs.
        let worker = try #require(Self.block("worker", in: compose))
        #expect(worker.contains("healthcheck:\n      test:\n        - CMD\n        - \"true\"\n") && !worker.contains("disable: true"), "\(worker)")
        // An app with none carries that check in its image, so `docker run` sees it healthy too.
        let mailer = try #require(files["mailer/Dockerfile"])
        #expect(!mailer.contains("HEALTHCHECK NONE"), "\(mailer)")
        #expect(mailer.components(separatedBy: #"CMD ["/busybox/busybox", "true"]"#).count == 3, "both targets; the distroless image has only the probe busybox: \(mailer)")
        #expect(!(try #require(Self.block("mailer", in: compose))).contains("healthcheck:"), "compose keeps the image's check")
        // What runs to completion isn't waited for as healthy: no check of the web server's either.
        for name in ["migrate", "digest"] {
            #expect(try #require(Self.block(name, in: compose)).contains("disable: true"), "\(name)")
        }
    }

    @Test("no preset disables the check of a long-running service, and every process has its own", arguments: TestPaths.presetNames)
    func presetsRunningChecks(_ preset: String) throws {
        let project = try SnapshotTests.project(preset)
        let files = try SnapshotTests.render(preset)
        let composeFiles = files.filter { $0.path.hasPrefix("compose") && $0.path.hasSuffix(".yaml") }
        for service in project.services where !service.runsToCompletion {
            let blocks = composeFiles.compactMap { Self.block(service.name, in: $0.contents) }
            #expect(!blocks.contains { $0.contains("disable: true") }, "\(preset): \(service.name) has its check disabled, so `up --wait` fails before compose 5.0.2")
            if service.imageOf != nil, !blocks.isEmpty {
                #expect(blocks.contains { $0.contains("healthcheck:") }, "\(preset): \(service.name) would run the web server's check of its owner's image")
            }
        }
    }

    @Test("compose waits for a job to complete, runs it once, and leaves scheduled tasks to the host's crontab")
    func composeLifecycles() throws {
        let files = try QueueTests.files(Self.blueprint())
        let compose = try #require(files["compose.yaml"])
        let web = try #require(Self.block("web", in: compose))
        #expect(web.contains("migrate:\n        condition: service_completed_successfully"), "\(web)")
        let worker = try #require(Self.block("worker", in: compose))
        #expect(worker.contains("migrate:\n        condition: service_completed_successfully"), "a plain name of a job waits for completion too: \(worker)")
        #expect(try #require(Self.block("digest", in: compose)).contains("profiles:\n      - scheduled"))
        let production = try #require(files["compose.production.yaml"])
        #expect(try #require(Self.block("migrate", in: production)).contains(#"restart: "no""#), "\(production)")
        #expect(try #require(Self.block("digest", in: production)).contains(#"restart: "no""#))
        #expect(try #require(Self.block("worker", in: production)).contains("restart: unless-stopped"))
        // Locally the documented equivalent of a schedule: the crontab line in the deploy guide.
        let guide = try #require(files["README.Deploy.md"])
        #expect(guide.contains("*/15 6-22 * * 1-5 cd /path/to/project && docker compose -f compose.yaml -f compose.production.yaml run --rm digest"), "\(guide)")
    }

    @Test("Kubernetes runs a process as a Deployment, a job as a Job before its dependents, a task as a CronJob")
    func kubernetesShapes() throws {
        let files = try QueueTests.files(Self.blueprint())
        let worker = try #require(files["deploy/kubernetes/base/worker/deployment.yaml"])
        #expect(worker.contains("image: ghcr.io/acme/shop-web\n") && worker.contains("- shop.worker"), "\(worker)")
        #expect(files["deploy/kubernetes/base/worker/service.yaml"] == nil, "no port, no Service")
        let job = try #require(files["deploy/kubernetes/base/migrate/job.yaml"])
        #expect(job.contains("kind: Job") && job.contains("restartPolicy: Never"))
        #expect(files["deploy/kubernetes/base/migrate/poddisruptionbudget.yaml"] == nil)
        let cron = try #require(files["deploy/kubernetes/base/digest/cronjob.yaml"])
        #expect(cron.contains(#"schedule: "*/15 6-22 * * 1-5""#) && cron.contains("timeZone: Etc/UTC") && cron.contains("concurrencyPolicy: Forbid"))
        let patch = try #require(files["deploy/kubernetes/overlays/production/digest/cronjob-patch.yaml"])
        #expect(patch.contains("kind: CronJob") && patch.contains("jobTemplate:"), "\(patch)")
        let overlay = try #require(files["deploy/kubernetes/overlays/production/kustomization.yaml"])
        #expect(overlay.contains("- path: migrate/job-patch.yaml"))
        let images = overlay.components(separatedBy: "- name: ghcr.io/acme/shop-web").count - 1
        #expect(images == 1, "one images: entry for the shared repository: \(overlay)")
        // The dependents wait: they carry the label the deploy's first apply leaves out.
        #expect(try #require(files["deploy/kubernetes/base/web/deployment.yaml"]).contains(#"scaffold.dev/after-jobs: "true""#))
        #expect(!(try #require(files["deploy/kubernetes/base/digest/cronjob.yaml"])).contains("after-jobs"))
        let deploy = try #require(files[".github/workflows/deploy.yml"])
        #expect(deploy.contains("kubectl delete job --namespace \"$NAMESPACE\" --ignore-not-found --wait=true migrate"), "\(deploy)")
        #expect(deploy.contains("--selector 'scaffold.dev/after-jobs!=true'"))
        #expect(deploy.contains("kubectl wait --for=condition=complete --namespace \"$NAMESPACE\" --timeout=3660s job/migrate"), "the job's deadline and a minute")
        let chartJob = try #require(files["deploy/helm/shop/templates/migrate/job.yaml"])
        #expect(chartJob.contains("name: migrate\n") && chartJob.contains("helm.sh/hook: post-install,post-upgrade") && chartJob.contains("before-hook-creation"), "\(chartJob)")
        #expect(files["deploy/helm/shop/templates/digest/cronjob.yaml"] != nil)
    }

    /// The blueprint on all three clouds in production, with its backing services managed there.
    static func cloudBlueprint() -> Blueprint {
        var blueprint = Self.blueprint(targets: [
            .aws(region: "eu-west-1", environments: [.production]),
            .gcp(project: "shop-prod", region: "europe-west1", environments: [.production]),
            .azure(location: "westeurope", environments: [.production]),
        ])
        blueprint.services = blueprint.services.map { service in
            guard service.preset != nil else { return service }
            var service = service
            service.managed = ["production"]
            return service
        }
        return blueprint
    }

    @Test("on each cloud a process runs from its app's image, a job runs before the services move, a task on its schedule")
    func clouds() throws {
        let files = try QueueTests.files(Self.cloudBlueprint())
        let aws = try #require(files["deploy/terraform/aws/environments/production.tfvars"])
        #expect(aws.contains(#"image_of       = "web""#), "\(aws)")
        #expect(aws.contains(#"command        = ["python", "-m", "shop.worker"]"#), "\(aws)")
        #expect(aws.contains(#"run            = "job""#), "\(aws)")
        // EventBridge's six fields, `?` for the free day field, Monday-Friday counted from Sunday = 1.
        #expect(aws.contains(#"schedule       = "cron(*/15 6-22 ? * 2-6 *)""#), "\(aws)")
        let ecs = try #require(files["deploy/terraform/aws/ecs.tf"])
        #expect(ecs.contains(#"resource "aws_scheduler_schedule" "task""#))
        #expect(ecs.contains(#"for_each = { for name, service in local.long_running : name => service if service.autoscale == null }"#))
        let test = try #require(files["deploy/terraform/aws/tests/plan.tftest.hcl"])
        #expect(test.contains(#"run "first_deploy""#) && test.contains(#"run "held""#))

        let gcp = try #require(files["deploy/terraform/gcp/environments/production.tfvars"])
        #expect(gcp.contains(#"schedule        = "*/15 6-22 * * 1-5""#), "\(gcp)")
        let run = try #require(files["deploy/terraform/gcp/run.tf"])
        #expect(run.contains(#"resource "google_cloud_run_v2_job" "task""#) && run.contains(#"resource "google_cloud_scheduler_job" "task""#))
        #expect(try #require(files["deploy/terraform/gcp/apis.tf"]).contains("cloudscheduler.googleapis.com"))

        let azure = try #require(files["deploy/terraform/azure/environments/production.tfvars"])
        #expect(azure.contains(#"run             = "cron""#), "\(azure)")
        let apps = try #require(files["deploy/terraform/azure/apps.tf"])
        #expect(apps.contains(#"resource "azurerm_container_app_job" "task""#) && apps.contains("schedule_trigger_config"))

        // Each cloud: apply with the services held, run the job, then move the services.
        let deploy = try #require(files[".github/workflows/deploy.yml"])
        for cloud in ["AWS", "Google Cloud", "Azure"] {
            let held = try #require(deploy.range(of: "Terraform apply with the services held (\(cloud))"), "\(cloud)")
            let job = try #require(deploy.range(of: "Run the migrate job (\(cloud))"), "\(cloud)")
            let apply = try #require(deploy.range(of: "name: Terraform apply (\(cloud))"), "\(cloud)")
            #expect(held.lowerBound < job.lowerBound && job.lowerBound < apply.lowerBound, "\(cloud)")
        }
        #expect(!deploy.contains("Run the digest job"))
        #expect(try #require(files["README.Deploy.md"]).contains("One-shot jobs (`migrate`) run to completion on every deploy"))
    }

    @Test("what a cloud can't run is refused by name: both day fields on EventBridge, a job reading a URL on Cloud Run")
    func cloudRefusals() throws {
        var blueprint = Self.cloudBlueprint()
        blueprint.services = blueprint.services.map { service in
            var service = service
            if service.name == "digest" { service.schedule = "0 3 1 * 1" }
            if service.name == "migrate" { service.environment["WEB_URL"] = .url(of: "web") }
            return service
        }
        #expect {
            _ = try QueueTests.files(blueprint)
        } throws: { error in
            let text = "\(error)"
            return text.contains("schedule \"0 3 1 * 1\" in production") && text.contains("EventBridge Scheduler")
                && text.contains("WEB_URL") && text.contains("a first deploy to Cloud Run")
        }
    }

    @Test("EventBridge schedules: six fields, `?` in the unrestricted day field, days of the week from 1",
          arguments: [
              ("0 3 * * *", "cron(0 3 * * ? *)"), ("0 0 1 * *", "cron(0 0 1 * ? *)"),
              ("*/15 6-22 * * 1-5", "cron(*/15 6-22 ? * 2-6 *)"), ("0 12 * * 0,6", "cron(0 12 ? * 1,7 *)"),
              ("30 2 * * */2", "cron(30 2 ? * */2 *)"), ("0 0 * * 1-5/2", "cron(0 0 ? * 2-6/2 *)"),
          ])
    func eventBridge(schedule: String, expected: String) {
        #expect(EventBridgeSchedule.expression(schedule) == expected)
    }

    @Test("a schedule restricting both day fields has no EventBridge form")
    func eventBridgeBothDays() {
        #expect(EventBridgeSchedule.expression("0 3 1 * 1") == nil)
        #expect(!EventBridgeSchedule.canExpress("0 3 1-7 * 5"))
    }

    @Test("validation names the line: unknown owner, backing owner, bad schedule, .completed on a service, depending on a task")
    func validation() throws {
        func message(_ services: [Service]) -> String {
            do {
                _ = try Resolver().resolve(Blueprint(name: "shop", services: services))
                return ""
            } catch {
                return "\(error)"
            }
        }
        let app = Service.app("web", path: "web", runtime: .python(server: .uvicorn("app:app")), port: 8000)
        #expect(message([app, .process("worker", of: "webb", command: ["w"])]).contains("did you mean 'web'"))
        #expect(message([app, .redis(), .process("worker", of: "redis", command: ["w"])]).contains("`of:` names the `.app` or `.image`"))
        #expect(message([app, .process("worker", of: "web", command: [])]).contains("command is empty"))
        for bad in ["0 3 * *", "61 * * * *", "* 24 * * *", "*/0 * * * *", "5-1 * * * *", "@daily"] {
            #expect(message([app, .cron("task", of: "web", schedule: bad, command: ["t"])]).contains("schedule \"\(bad)\""), "\(bad)")
        }
        #expect(message([app, .cron("task", of: "web", schedule: "0,30 */2 1-15 1,6 0-6", command: ["t"])]).isEmpty)
        var dependent = app
        dependent.dependsOn = ["redis"]
        dependent.completedDependencies = ["redis"]
        #expect(message([dependent, .redis()]).contains("never completes"))
        var waiting = app
        waiting.dependsOn = ["task"]
        #expect(message([waiting, .cron("task", of: "web", schedule: "0 3 * * *", command: ["t"])]).contains("is a `.cron` task"))
        let limited = Service.app("web", path: "web", runtime: .python(server: .uvicorn("app:app")), environments: [.development])
        #expect(message([limited, .process("worker", of: "web", command: ["w"])]).contains("where 'web' does not"))
    }

    /// The block of service `name` in a compose file: from its key to the next service's.
    static func block(_ name: String, in compose: String) -> String? {
        let lines = compose.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "  \(name):") else { return nil }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("  ") && !$0.hasPrefix("   ") || (!$0.hasPrefix(" ") && !$0.isEmpty) } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }
}

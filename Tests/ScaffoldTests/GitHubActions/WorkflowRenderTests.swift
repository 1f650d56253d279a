import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// The rendered workflows, parsed: least privilege, safe interpolation, pinned actions, deploy
/// gating and branch mapping.
@Suite(.enabled(if: WorkflowRender.canParse, "needs python3 with PyYAML"))
struct WorkflowRenderTests {
    /// Several runtimes, a prebuilt image, Kubernetes staging and production from main.
    static func kubernetesBlueprint() -> Blueprint {
        Blueprint(
            name: "shop",
            registry: "ghcr.io/acme",
            environments: [.development, .staging, .production],
            services: [
                .app("api", path: "api", runtime: .python("3.12", packages: .uv, server: .uvicorn("app:app")), port: 8000,
                     replicas: [.staging: 2], test: ["uv", "run", "pytest", "-k", "not slow"]),
                .app("web", path: "web", runtime: .staticSite(packages: .pnpm), port: 8080),
                .app("worker", path: "worker", runtime: .go(), port: 9000),
                .image("mailpit", "axllent/mailpit:v1.21", port: 8025, environments: [.development]),
                .redis(),
            ],
            targets: [.kubernetes(environments: [.staging, .production])])
    }

    /// AI Orchestra's shape: Cloud Run, development deployed from `develop`, production from `main`.
    static func cloudRunBlueprint() -> Blueprint {
        Blueprint(
            name: "orchestra",
            registry: "us-west4-docker.pkg.dev/cherry/orchestra",
            environments: [.custom("local", mode: .development), .development.deploying(from: "develop"), .production],
            services: [
                .app("orchestra-api", path: ".", runtime: .python("3.11", packages: .poetry, server: .uvicorn("app:app")), port: 8080),
                .redis(managed: [.development, .production]),
            ],
            targets: [.gcp(project: "cherry", region: "us-west4", environments: [.development, .production])])
    }

    /// Every cloud, to see each deploy path.
    static func multicloudBlueprint() -> Blueprint {
        Blueprint(
            name: "multi",
            environments: [.development, .staging, .production],
            services: [.app("api", path: "api", runtime: .node(), port: 3000)],
            targets: [
                .aws(region: "eu-west-1", environments: [.staging, .production]),
                .azure(location: "westeurope", environments: [.staging, .production]),
            ])
    }

    static func all() throws -> [String: [String: Any]] {
        var workflows: [String: [String: Any]] = [:]
        for (name, blueprint) in [("k8s", kubernetesBlueprint()), ("gcp", cloudRunBlueprint()), ("multi", multicloudBlueprint())] {
            for (file, workflow) in try WorkflowRender.render(blueprint) { workflows["\(name)/\(file)"] = workflow }
        }
        return workflows
    }

    @Test func everyWorkflowReadsOnlyAtTheTopAndEveryJobDeclaresMinimalPermissions() throws {
        let allowedWrites: Set<String> = ["packages", "id-token"]
        for (name, workflow) in try Self.all() {
            #expect(workflow["permissions"] as? [String: String] == ["contents": "read"], "\(name): top-level permissions")
            for (id, job) in workflow.jobs {
                let permissions = job["permissions"] as? [String: String]
                #expect(permissions != nil, "\(name): job \(id) declares no permissions")
                for (scope, level) in permissions ?? [:] where level == "write" {
                    #expect(allowedWrites.contains(scope), "\(name): job \(id) writes \(scope)")
                }
                #expect(!(permissions ?? [:]).values.contains("write-all"))
            }
        }
    }

    @Test func untrustedEventValuesNeverAppearInsideRunScripts() throws {
        for (name, workflow) in try Self.all() {
            for (id, job) in workflow.jobs {
                for step in job.steps {
                    if let run = step.string("run") {
                        #expect(!run.contains("${{"), "\(name): a run: script of \(id) interpolates an expression: \(run)")
                    }
                }
            }
        }
    }

    @Test func actionsArePinnedToCommitsAndCheckoutsKeepNoCredentials() throws {
        let sha = try Regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
        for (name, workflow) in try Self.all() {
            for (id, job) in workflow.jobs {
                if let uses = job.string("uses") {
                    #expect(uses.hasPrefix("$/.github/workflows/"), "\(name): job \(id) calls \(uses)")
                }
                for step in job.steps {
                    guard let uses = step.string("uses") else { continue }
                    #expect(uses.wholeMatch(of: sha) != nil, "\(name): \(uses) is not pinned to a commit")
                    if uses.hasPrefix("actions/checkout@") {
                        #expect(step.map("with")?.string("persist-credentials") == "false", "\(name): checkout in \(id) keeps credentials")
                    }
                }
            }
        }
    }

    @Test func deployJobsNeverCancelAndRunInTheirGitHubEnvironment() throws {
        for (blueprint, environments) in [(Self.kubernetesBlueprint(), ["staging", "production"]),
                                          (Self.cloudRunBlueprint(), ["development", "production"]),
                                          (Self.multicloudBlueprint(), ["staging", "production"])] {
            let deploy = try #require(try WorkflowRender.render(blueprint)["deploy.yml"])
            let ids = deploy.jobs.keys.filter { $0.hasPrefix("deploy-") }.sorted()
            #expect(ids == environments.map { "deploy-\($0)" }.sorted())
            for environment in environments {
                let job = try #require(deploy.jobs["deploy-\(environment)"])
                #expect(job.map("concurrency")?.string("cancel-in-progress") == "false")
                #expect(job.map("environment")?.string("name") == environment)
                #expect(job.map("env")?.string("IMAGE_TAG") == "${{ needs.resolve.outputs.tag || github.sha }}")
            }
            // The local-only environment never gets a job.
            #expect(deploy.jobs["deploy-development"] == nil || environments.contains("development"))
            #expect(deploy.jobs["deploy-local"] == nil)
        }
    }

    @Test func productionRequiresTheApprovalEnvironmentAndWaitsForStagingFromTheSameBranch() throws {
        let deploy = try #require(try WorkflowRender.render(Self.kubernetesBlueprint())["deploy.yml"])
        let production = try #require(deploy.jobs["deploy-production"])
        #expect(production.map("environment")?.string("name") == "production")
        let needs = production["needs"] as? [String] ?? []
        #expect(needs.contains("deploy-staging"))
        let condition = production.string("if") ?? ""
        #expect(condition.contains("needs.deploy-staging.result == 'success'"))
        #expect(condition.contains("github.ref == 'refs/heads/main'"))
    }

    @Test func branchesMapToEnvironmentsAsTheBlueprintSays() throws {
        let deploy = try #require(try WorkflowRender.render(Self.cloudRunBlueprint())["deploy.yml"])
        let push = try #require(deploy.map("on")?.map("push"))
        #expect(push["branches"] as? [String] == ["develop", "main"])
        let development = try #require(deploy.jobs["deploy-development"]?.string("if"))
        let production = try #require(deploy.jobs["deploy-production"]?.string("if"))
        #expect(development.contains("github.ref == 'refs/heads/develop'"))
        #expect(!development.contains("refs/heads/main"))
        #expect(production.contains("github.ref == 'refs/heads/main'"))
        #expect(!production.contains("refs/heads/develop"))
        // Different branches: production does not wait for development.
        let productionNeeds = deploy.jobs["deploy-production"]?["needs"] as? [String] ?? []
        #expect(productionNeeds == ["images", "resolve"])
        // The manual run offers exactly the deployed environments.
        let inputs = try #require(deploy.map("on")?.map("workflow_dispatch")?.map("inputs"))
        #expect(inputs.map("environment")?["options"] as? [String] == ["development", "production"])
        #expect(inputs.map("rollback")?.string("type") == "boolean")
    }

    @Test func cloudDeploysAuthenticateThroughOIDCAndApplyTheEnvironmentsTerraform() throws {
        let deploy = try #require(try WorkflowRender.render(Self.multicloudBlueprint())["deploy.yml"])
        let staging = try #require(deploy.jobs["deploy-staging"])
        #expect(staging.map("permissions")?.string("id-token") == "write")
        let uses = staging.steps.compactMap { $0.string("uses") }
        #expect(uses.contains { $0.hasPrefix("aws-actions/configure-aws-credentials@") })
        #expect(uses.contains { $0.hasPrefix("azure/login@") })
        let role = staging.steps.first { $0.string("uses")?.hasPrefix("aws-actions/configure-aws-credentials@") == true }?.map("with")?.string("role-to-assume")
        #expect(role == "${{ vars.AWS_DEPLOY_ROLE_ARN }}")
        let runs = staging.steps.compactMap { $0.string("run") }.joined(separator: "\n")
        #expect(runs.contains("init -input=false -backend-config=\"environments/$DEPLOY_ENVIRONMENT.backend.hcl\""))
        #expect(runs.contains("-var-file=\"environments/$DEPLOY_ENVIRONMENT.tfvars\" -var \"image_tag=$IMAGE_TAG\""))
        #expect(runs.contains("aws ecs wait services-stable"))
        #expect(staging.map("env")?.string("DEPLOY_ENVIRONMENT") == "staging")
        // No long-lived cloud keys anywhere.
        for step in staging.steps {
            for value in (step.map("with") ?? [:]).values.compactMap({ $0 as? String }) + (step.map("env") ?? [:]).values.compactMap({ $0 as? String }) {
                #expect(!value.contains("secrets.AWS_SECRET") && !value.contains("secrets.AZURE_CREDENTIALS") && !value.contains("credentials_json"))
            }
        }
    }

    @Test func ciTestsEachBuiltServiceWithItsOwnToolsOnlyWhenItChanged() throws {
        let ci = try #require(try WorkflowRender.render(Self.kubernetesBlueprint())["ci.yml"])
        #expect(Set(ci.jobs.keys) == ["changes", "test-api", "test-web", "test-worker"])
        let outputs = try #require(ci.jobs["changes"]?.map("outputs"))
        #expect(Set(outputs.keys) == ["changed-api", "changed-web", "changed-worker"])
        for service in ["api", "web", "worker"] {
            let job = try #require(ci.jobs["test-\(service)"])
            #expect(job.string("if") == "needs.changes.outputs.changed-\(service) == 'true'")
            #expect(job.map("defaults")?.map("run")?.string("working-directory") == service)
        }
        let api = try #require(ci.jobs["test-api"])
        #expect(api.steps.last?.string("run") == "uv run pytest -k 'not slow'")
        #expect(api.steps.contains { $0.string("uses")?.hasPrefix("astral-sh/setup-uv@") == true })
        #expect(api.steps.contains { $0.string("run")?.contains("ruff") == true })
        let worker = try #require(ci.jobs["test-worker"])
        #expect(worker.steps.contains { $0.string("run") == "go vet ./..." })
        #expect(worker.steps.last?.string("run") == "go test ./...")
        let web = try #require(ci.jobs["test-web"])
        #expect(web.steps.contains { $0.string("run") == "pnpm install --frozen-lockfile" })
        // Pushes to main test everything.
        let list = try #require(ci.jobs["changes"]?.steps.first { $0.string("id") == "files" })
        #expect(list.map("env")?.string("MAIN_BRANCH") == "main")
    }

    @Test func imagesPushOutsidePullRequestsWithProvenanceSBOMAndTheCommitTag() throws {
        let images = try #require(try WorkflowRender.render(Self.kubernetesBlueprint())["images.yml"])
        let build = try #require(images.jobs["build"])
        let matrix = try #require(build.map("strategy")?.map("matrix")?["include"] as? [[String: Any]])
        #expect(matrix.compactMap { $0.string("service") } == ["api", "web", "worker"])
        let step = try #require(build.steps.first { $0.string("uses")?.hasPrefix("docker/build-push-action@") == true }?.map("with"))
        #expect(step.string("push") == "${{ github.event_name != 'pull_request' }}")
        #expect(step.string("provenance") == "mode=max")
        #expect(step.string("sbom") == "true")
        #expect(step.string("cache-from")?.hasPrefix("type=gha") == true)
        let tags = build.steps.first { $0.string("uses")?.hasPrefix("docker/metadata-action@") == true }?.map("with")?.string("tags") ?? ""
        #expect(tags.contains("type=sha,prefix=,format=long"))
        #expect(tags.contains("type=ref,event=pr"))
        #expect(tags.contains("type=semver"))
        #expect(build.map("permissions")?.string("packages") == "write")
    }

    @Test func theDriftGateChecksAndSummarises() throws {
        let drift = try #require(try WorkflowRender.render(Self.kubernetesBlueprint())["scaffold.yml"])
        let env = try #require(drift.map("env"))
        #expect(env.string("SCAFFOLD_REPOSITORY")?.contains("vars.SCAFFOLD_REPOSITORY") == true)
        #expect(env.string("SCAFFOLD_VERSION")?.contains("vars.SCAFFOLD_VERSION") == true)
        let runs = drift.jobs["drift"]?.steps.compactMap { $0.string("run") }.joined(separator: "\n") ?? ""
        #expect(runs.contains("regen --project project --check"))
        #expect(runs.contains("diff --project \"$view\" --summary >> \"$GITHUB_STEP_SUMMARY\""))
        #expect(runs.contains("scripts/install.sh"))
        #expect(drift.map("on")?["pull_request"] != nil)
    }

    @Test("a test job gets its backing dependencies as service containers and their URLs on localhost")
    func backingServicesInCI() throws {
        let workflows = try WorkflowRender.render(Blueprint(
            name: "nav", services: [
                .app("api", path: ".", runtime: .python("3.12", packages: .uv, server: .uvicorn("app:app")), port: 8000, dependsOn: ["redis", "postgres"]),
                .redis(), .postgres(),
            ]))
        let jobs = try #require(workflows["ci.yml"]?["jobs"] as? [String: Any])
        let job = try #require(jobs.values.compactMap { $0 as? [String: Any] }.first { $0["services"] != nil })
        let services = try #require(job["services"] as? [String: Any])
        let redis = try #require(services["redis"] as? [String: Any])
        #expect(redis["image"] as? String == "redis:7.4-alpine")
        #expect((redis["ports"] as? [String]) == ["6379:6379"])
        #expect((redis["options"] as? String)?.contains("--health-cmd \"redis-cli ping\"") == true)
        let postgres = try #require(services["postgres"] as? [String: Any])
        #expect((postgres["env"] as? [String: String])?["POSTGRES_PASSWORD"] == "ci-test-only")
        let steps = try #require(job["steps"] as? [[String: Any]])
        let test = try #require(steps.first { $0["name"] as? String == "Test" })
        let env = try #require(test["env"] as? [String: String])
        #expect(env["REDIS_URL"] == "redis://localhost:6379/0")
        #expect(env["DATABASE_URL"] == "postgresql://app:ci-test-only@localhost:5432/nav")
    }
}

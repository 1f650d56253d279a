import BlueprintDescription
import Foundation
import Mustache
import ScaffoldCore
import ScaffoldKit
import Testing

/// The five seed presets (`Blueprints/gnosis-wraith.swift`, `ralex`, `ai-orchestra`, `codenav`,
/// `seed-app`) render through the real loader, and the rendered trees show what each seed asked for.
/// Files of a family that is not registered in `Generators.all` are not asserted on.
@Suite("Seeds")
struct SeedTests {
    /// The rendered files of a preset, by path.
    struct Tree {
        var files: [String: GeneratedFile]

        init(_ name: String) throws {
            files = Dictionary(uniqueKeysWithValues: try SnapshotTests.render(name).map { ($0.path, $0) })
        }

        /// The text of `path`, recording an issue when it is missing.
        func text(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
            guard let file = files[path] else {
                Issue.record("\(path) is not rendered; rendered: \(files.keys.sorted().joined(separator: ", "))", sourceLocation: sourceLocation)
                return ""
            }
            return file.contents
        }

        /// `path` parsed as YAML (through PyYAML) or JSON, as Foundation objects.
        func parsed(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Any] {
            let text = text(path, sourceLocation: sourceLocation)
            return try SeedTests.parseYAML(text)
        }
    }

    /// Whether a family is registered.
    static func registered(_ family: String) -> Bool {
        Generators.all.map(\.family).contains(family)
    }

    /// Parses YAML (a superset of JSON) with python3 + PyYAML into Foundation objects.
    static func parseYAML(_ text: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin.read()), sys.stdout)"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "PyYAML could not parse the document")
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    static func services(_ compose: [String: Any]) -> [String: [String: Any]] {
        (compose["services"] as? [String: Any] ?? [:]).compactMapValues { $0 as? [String: Any] }
    }

    static func environment(_ service: [String: Any]?) -> [String: String] {
        (service?["environment"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
    }

    // MARK: - 000 Gnosis Wraith

    @Test("gnosis-wraith: Redis exists in development only, production uses Cloud Tasks")
    func gnosisWraith() throws {
        let tree = try Tree("gnosis-wraith")
        let base = Self.services(try tree.parsed("compose.yaml"))
        let development = Self.services(try tree.parsed("compose.development.yaml"))
        let production = Self.services(try tree.parsed("compose.production.yaml"))

        #expect(base["redis"] == nil)
        #expect(base["wraith"]?["depends_on"] == nil)
        #expect(production["redis"] == nil)
        #expect(!tree.text("compose.production.yaml").contains("REDIS_URL"))
        #expect(development["redis"] != nil)
        let dependsOn = development["wraith"]?["depends_on"] as? [String: Any]
        #expect((dependsOn?["redis"] as? [String: Any])?["condition"] as? String == "service_healthy")

        let devEnvironment = Self.environment(development["wraith"])
        #expect(devEnvironment["ENVIRONMENT"] == "development")
        #expect(devEnvironment["DEBUG"] == "true")
        #expect(devEnvironment["REDIS_URL"]?.hasPrefix("redis://redis:6379") == true)
        let prodEnvironment = Self.environment(production["wraith"])
        #expect(prodEnvironment["USE_CLOUD_TASKS"] == "true")
        #expect(prodEnvironment["ENVIRONMENT"] == "production")
        #expect(prodEnvironment["DEBUG"] == "false")
        #expect(prodEnvironment["WORKERS"] == "4")

        // The whole source is mounted in development (the seed's ./core, ./web and ./ai, and app.py).
        let devVolumes = (development["wraith"]?["volumes"] as? [Any] ?? []).map { "\($0)" }
        #expect(devVolumes.contains(".:/app"))
        // storage and logs persist in every compose environment, as the seed's bind mounts did;
        // on Cloud Run they are scratch space, said as a fidelity note.
        let baseVolumes = (base["wraith"]?["volumes"] as? [Any] ?? []).map { "\($0)" }
        #expect(baseVolumes.contains("storage:/app/storage") && baseVolumes.contains("logs:/app/logs"))
        let prodTmpfs = (production["wraith"]?["tmpfs"] as? [Any] ?? []).map { "\($0)" }
        #expect(!prodTmpfs.contains("/app/storage") && !prodTmpfs.contains("/app/logs"), "a tmpfs would hide the volumes")

        for path in ["scripts/start.sh", "scripts/start.ps1", ".env.example", "Dockerfile"] {
            #expect(tree.files[path] != nil, "\(path) is missing")
        }
        if Self.registered("terraform") {
            let gcp = tree.files.filter { $0.key.hasPrefix("deploy/terraform/gcp/") }
            #expect(gcp.values.contains { $0.contents.contains("us-west4") })
            // Redis must never reach the cloud: no cache in production and no REDIS_URL anywhere.
            let production = gcp["deploy/terraform/gcp/environments/production.tfvars"]?.contents ?? ""
            #expect(!production.isEmpty)
            #expect(!production.lowercased().contains("redis"))
            #expect(!gcp.values.contains { $0.contents.contains("REDIS_URL") })
        }
    }

    // MARK: - 001 Ralex

    @Test("ralex: five services locally, Fargate Spot 1:3 with base 1, pinned OpenWebUI")
    func ralex() throws {
        let tree = try Tree("ralex")
        let base = Self.services(try tree.parsed("compose.yaml"))
        let development = Self.services(try tree.parsed("compose.development.yaml"))
        let everything = base.keys.sorted() + development.keys.sorted()
        for service in ["api", "openwebui", "postgres", "redis", "prometheus"] {
            #expect(everything.contains(service), "\(service) is not in development")
        }
        let image = "\(base["openwebui"]?["image"] ?? development["openwebui"]?["image"] ?? "")"
        #expect(image.hasPrefix("ghcr.io/open-webui/open-webui:"))
        #expect(!image.hasSuffix(":main") && !image.hasSuffix(":latest"))
        #expect(tree.text("compose.development.yaml").contains("3000:8080"))
        #expect(!tree.text("compose.yaml").contains("POSTGRES_PASSWORD=password"))

        if Self.registered("terraform") {
            let aws = tree.files.filter { $0.key.hasPrefix("deploy/terraform/aws/") }.values.map(\.contents).joined(separator: "\n")
            #expect(aws.contains("FARGATE_SPOT"))
            // Either literal strategy blocks or the production tfvars' capacity object.
            #expect(aws.range(of: #"(spot_)?weight\s*=\s*3\b"#, options: .regularExpression) != nil)
            #expect(aws.range(of: #"\bbase\s*=\s*1\b"#, options: .regularExpression) != nil)
            #expect(tree.files.keys.contains { $0.hasPrefix("deploy/terraform/gcp/") })
            #expect(tree.files.keys.contains { $0.hasPrefix("deploy/terraform/azure/") })
        }
        if Self.registered("kubernetes") {
            let kubernetes = tree.files.filter { $0.key.hasPrefix("deploy/kubernetes/") }.values.map(\.contents).joined(separator: "\n")
            #expect(kubernetes.contains("/ready"))
            #expect(kubernetes.contains("250m") && kubernetes.contains("500m"))
            #expect(kubernetes.contains("256Mi") && kubernetes.contains("512Mi"))
        }
    }

    @Test("ralex: OpenWebUI gets the seed's OPENAI_API_KEY as the secret the API checks, never as a value")
    func ralexBridgeKey() throws {
        let tree = try Tree("ralex")
        let project = try SnapshotTests.project("ralex")
        for environment in ["development", "staging", "production"] {
            let variable = project.service(named: "openwebui")?.instance(in: environment)?.variables.first { $0.name == "OPENAI_API_KEY" }
            #expect(variable?.secret?.key == "ralex-bridge-key" && variable?.value == nil, "\(environment): OPENAI_API_KEY must be a secret reference")
            let check = project.service(named: "api")?.instance(in: environment)?.variables.first { $0.secret?.key == "ralex-bridge-key" }
            #expect(check != nil, "\(environment): the API reads the same secret")
        }
        let base = Self.services(try tree.parsed("compose.yaml"))
        let openwebui = try #require(base["openwebui"]?["environment"] as? [String: Any])
        let api = try #require(base["api"]?["environment"] as? [String: Any])
        // One .env entry feeds both: the name the API reads it under.
        #expect(openwebui["OPENAI_API_KEY"] as? String == "${RALEX_BRIDGE_API_KEY:?set RALEX_BRIDGE_API_KEY in .env}")
        #expect(api["RALEX_BRIDGE_API_KEY"] as? String == "${RALEX_BRIDGE_API_KEY:?set RALEX_BRIDGE_API_KEY in .env}")
        #expect(tree.text(".env.example").components(separatedBy: "\n").filter { $0.hasPrefix("RALEX_BRIDGE_API_KEY=") || $0.hasPrefix("OPENAI_API_KEY=") } == ["RALEX_BRIDGE_API_KEY="])
        if Self.registered("kubernetes") {
            for environment in ["staging", "production"] {
                let patch = tree.text("deploy/kubernetes/overlays/\(environment)/openwebui/statefulset-patch.yaml")
                #expect(patch.contains("- name: OPENAI_API_KEY"), "\(environment): \(patch)")
                #expect(patch.contains("key: ralex-bridge-key"))
            }
        }
        if Self.registered("terraform") {
            for (cloud, environment) in [("aws", "production"), ("gcp", "staging"), ("azure", "staging")] {
                let tfvars = tree.text("deploy/terraform/\(cloud)/environments/\(environment).tfvars")
                #expect(tfvars.contains(#""OPENAI_API_KEY" = "ralex-bridge-key""#), "\(cloud): OpenWebUI reads the shared key")
                #expect(tfvars.contains(#""RALEX_BRIDGE_API_KEY" = "ralex-bridge-key""#), "\(cloud): the API checks the same key")
            }
        }
    }

    @Test("ralex: OpenWebUI keeps its data on a volume in compose and Kubernetes, on EFS on ECS, and Cloud Run and Container Apps say it is scratch")
    func ralexOpenWebUIData() throws {
        let tree = try Tree("ralex")
        for environment in ["development", "staging", "production"] {
            let overlay = Self.services(try tree.parsed("compose.\(environment).yaml"))
            let volumes = overlay["openwebui"]?["volumes"] as? [Any] ?? []
            #expect(volumes.contains { "\($0)" == "openwebui-data:/app/backend/data" }, "\(environment) mounts the volume: \(volumes)")
        }
        if Self.registered("kubernetes") {
            let statefulSet = tree.text("deploy/kubernetes/base/openwebui/statefulset.yaml")
            #expect(statefulSet.contains("volumeClaimTemplates:"))
            #expect(statefulSet.contains("mountPath: /app/backend/data"))
            #expect(!tree.files.keys.contains("deploy/kubernetes/base/openwebui/deployment.yaml"))
            #expect(tree.text("deploy/helm/ralex/templates/openwebui/statefulset.yaml").contains("volumeClaimTemplates:"))
        }
        if Self.registered("terraform") {
            let guide = tree.text("README.Deploy.md")
            for platform in ["Cloud Run", "Container Apps"] {
                #expect(guide.contains("terraform: openwebui in staging: Volume openwebui-data (/app/backend/data) is scratch space on \(platform)"), "\(platform)")
            }
            #expect(guide.contains("terraform: openwebui in production: Volume openwebui-data (/app/backend/data) is the EFS file system openwebui-data on ECS"))
            let tfvars = tree.text("deploy/terraform/aws/environments/production.tfvars")
            #expect(tfvars.contains(#"volumes        = [{ name = "openwebui-data", path = "/app/backend/data" }]"#), "\(tfvars)")
            #expect(tfvars.contains(#"writable_paths = ["/tmp"]"#), "\(tfvars)")
            #expect(tree.files.keys.contains("deploy/terraform/aws/efs.tf"))
        }
    }

    // MARK: - 002 AI Orchestra

    @Test("ai-orchestra: dev container, Cloud Run in us-west4, secrets by reference")
    func aiOrchestra() throws {
        let tree = try Tree("ai-orchestra")
        let json = tree.text(".devcontainer/devcontainer.json")
        let devContainer = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let features = devContainer?["features"] as? [String: Any] ?? [:]
        #expect(features.keys.contains("ghcr.io/devcontainers/features/terraform:1"))
        #expect(features.keys.contains("ghcr.io/devcontainers/features/google-cloud-cli:1"))
        #expect(((features["ghcr.io/devcontainers/features/terraform:1"] as? [String: Any])?["version"] as? String) == "1.5.7")
        let extensions = ((devContainer?["customizations"] as? [String: Any])?["vscode"] as? [String: Any])?["extensions"] as? [String] ?? []
        #expect(extensions.contains("ms-python.python"))
        #expect(extensions == extensions.sorted())
        #expect((devContainer?["postCreateCommand"] as? String)?.contains("poetry install") == true)

        let dockerfile = tree.text("Dockerfile")
        #expect(dockerfile.contains("poetry"))
        let local = Self.services(try tree.parsed("compose.local.yaml"))
        #expect(local["redis"] != nil && local["postgres"] != nil)
        #expect(tree.text(".env.example").contains("OPENAI_API_KEY"))
        #expect(tree.text(".env.example").contains("PORTKEY_API_KEY"))
        #expect(!tree.files.values.contains { $0.contents.contains("sk-") })

        if Self.registered("terraform") {
            let gcp = tree.files.filter { $0.key.hasPrefix("deploy/terraform/gcp/") }.values.map(\.contents).joined(separator: "\n")
            #expect(gcp.contains("us-west4"))
            #expect(gcp.contains("cherry-ai-project"))
            #expect(gcp.uppercased().contains("OPENAI_API_KEY") || gcp.contains("openai-api-key"))
        }
    }

    @Test("the devcontainer family writes valid, sorted JSON, and nothing without a devContainer")
    func devContainerFamily() throws {
        let templates = try TemplateSet(builtIn: try TemplateLoader.sources(in: TestPaths.repository.appendingPathComponent("Templates"), displayRoot: "Templates")
            .filter { $0.name.hasPrefix("devcontainer/") || $0.name.hasPrefix("_header/") }, overrides: [])
        func render(_ devContainer: DevContainer?) throws -> [GeneratedFile] {
            let blueprint = Blueprint(
                name: "probe",
                services: [.app("api", runtime: .python(server: .uvicorn("app:app")), port: 8000), .redis()],
                devContainer: devContainer)
            let project = try Resolver().resolve(blueprint)
            return try Pipeline(generators: [DevContainerGenerator()]).render(project, templates: templates)
        }
        #expect(try render(nil).isEmpty)
        let bare = try render(DevContainer())
        #expect(bare.map(\.path) == [".devcontainer/devcontainer.json"])
        #expect((try? JSONSerialization.jsonObject(with: Data(bare[0].contents.utf8))) != nil, "\(bare[0].contents)")

        let full = try render(DevContainer(
            features: ["b:1": ["z": "1", "a": "\"quoted\""], "a:1": [:]],
            extensions: ["z.z", "a.a"],
            postCreateCommand: "make setup && echo \"done\"",
            environment: ["Z": "1", "A": "x"]))
        let object = try JSONSerialization.jsonObject(with: Data(full[0].contents.utf8)) as? [String: Any]
        #expect((object?["containerEnv"] as? [String: String]) == ["A": "x", "Z": "1"])
        #expect(object?["postCreateCommand"] as? String == "make setup && echo \"done\"")
        #expect(object?["forwardPorts"] as? [Int] == [6379, 8000])
        #expect(((object?["features"] as? [String: Any])?["b:1"] as? [String: String])?["a"] == "\"quoted\"")
        let text = full[0].contents
        let a = try #require(text.range(of: "\"a:1\""))
        let b = try #require(text.range(of: "\"b:1\""))
        #expect(a.lowerBound < b.lowerBound)
        #expect(try render(DevContainer(features: ["b:1": [:], "a:1": [:]]))[0].contents == (try render(DevContainer(features: ["a:1": [:], "b:1": [:]]))[0].contents))
    }

    // MARK: - 003 CodeNavigator

    @Test("codenav: one Dockerfile per app sharing the source, 2 GiB limits, 5173 → 8080")
    func codenav() throws {
        let tree = try Tree("codenav")
        #expect(tree.files["Dockerfile.codenav-http"] != nil)
        #expect(tree.files["Dockerfile.codenav-sse"] != nil)
        #expect(tree.files["frontend/Dockerfile"] != nil)
        #expect(tree.text("Dockerfile.codenav-http").contains("uv"))

        let production = Self.services(try tree.parsed("compose.production.yaml"))
        for app in ["codenav-http", "codenav-sse"] {
            let deploy = production[app]?["deploy"] as? [String: Any]
            let limits = (deploy?["resources"] as? [String: Any])?["limits"] as? [String: Any]
            #expect("\(limits?["memory"] ?? "")" == "2048M", "\(app) memory limit")
        }
        if Self.registered("kubernetes") {
            // Rolling start-first updates: a new pod is ready before an old one goes.
            for app in ["codenav-http", "codenav-sse"] {
                let deployment = tree.text("deploy/kubernetes/base/\(app)/deployment.yaml")
                #expect(deployment.contains("maxUnavailable: 0"), "\(app) does not roll start-first")
            }
        }
        let development = tree.text("compose.development.yaml")
        #expect(development.contains("5173:8080"))
        #expect(development.contains("8000:8000") && development.contains("8001:8001"))
        let base = Self.services(try tree.parsed("compose.yaml"))
        let image = "\(base["codenav-http"]?["image"] ?? "")"
        #expect(image.hasPrefix("ghcr.io/ajacobm/"), "\(image)")
        #expect(tree.text("Dockerfile.codenav-sse").contains("/ready") || tree.text("Dockerfile.codenav-sse").contains("/health"))
    }

    // MARK: - 004 backend + frontend

    @Test("seed-app: backend/ and frontend/ images with three stages, health paths, approved production")
    func seedApp() throws {
        let tree = try Tree("seed-app")
        for path in ["backend/Dockerfile", "frontend/Dockerfile"] {
            let dockerfile = tree.text(path)
            // The seed's "builder" stage is scaffold's `dependencies` (Python) or `build` (static site).
            for stage in ["(builder|dependencies|build)", "production", "development"] {
                #expect(dockerfile.range(of: #"(?im)^FROM .* AS \#(stage)$"#, options: .regularExpression) != nil, "\(path) has no \(stage) stage")
            }
        }
        #expect(tree.text("backend/Dockerfile").contains("/health"))
        for path in ["compose.yaml", "compose.development.yaml", "compose.staging.yaml", "compose.production.yaml", "scripts/start.sh", "scripts/deploy.sh"] {
            #expect(tree.files[path] != nil, "\(path) is missing")
        }
        #expect(tree.files["scripts/deploy.sh"]?.executable == true)
        if Self.registered("kubernetes") {
            let kubernetes = tree.files.filter { $0.key.hasPrefix("deploy/kubernetes/") }.values.map(\.contents).joined(separator: "\n")
            #expect(kubernetes.contains("/health/ready"))
            #expect(kubernetes.contains("/health/live"))
        }
        if Self.registered("github") || Self.registered("github-actions") {
            let workflows = tree.files.filter { $0.key.hasPrefix(".github/workflows/") }.values.map(\.contents).joined(separator: "\n")
            #expect(workflows.contains("staging"))
            #expect(workflows.contains("production"))
        }
    }
}

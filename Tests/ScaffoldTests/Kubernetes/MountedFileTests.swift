import BlueprintDescription
import Foundation
import ScaffoldCore
import ScaffoldKit
import Testing

/// Project files mounted read-only in every environment: a bind mount in compose, a ConfigMap in Kubernetes.
@Suite("Mounted files")
struct MountedFileTests {
    static func blueprint(targets: [Target] = [.kubernetes(environments: [.production])]) -> Blueprint {
        Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                     volumes: [.file("config/api.toml", at: "/etc/api/api.toml"), .file("db/init.sql", at: "/docker-entrypoint-initdb.d/init.sql")]),
            ],
            targets: targets)
    }

    static func files(_ blueprint: Blueprint, contents: [String: String]) throws -> [String: String] {
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        let templates = try TemplateLoader.templateSet(installation: installation, overrides: nil)
        let project = try Resolver().resolve(blueprint).withConfigFileContents { contents[$0] }
        let files = try Pipeline().render(project, templates: templates)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    @Test("compose mounts each file read-only in every environment; Kubernetes carries its contents in a ConfigMap mounted with subPath")
    func everywhere() throws {
        let toml = "title = \"shop\"\n# a {{ brace }} and a $HOME stay as they are\n"
        let files = try Self.files(Self.blueprint(), contents: ["config/api.toml": toml, "db/init.sql": "select 1;\n"])
        let compose = try #require(files["compose.yaml"])
        #expect(compose.contains(#"- "./config/api.toml:/etc/api/api.toml:ro""#) && compose.contains(#"- "./db/init.sql:/docker-entrypoint-initdb.d/init.sql:ro""#), "\(compose)")
        let configMap = try #require(files["deploy/kubernetes/base/api/files-configmap.yaml"])
        #expect(configMap.contains("name: api-files") && configMap.contains("title = \"shop\"") && configMap.contains("init.sql:"), "\(configMap)")
        let deployment = try #require(files["deploy/kubernetes/base/api/deployment.yaml"])
        #expect(deployment.contains("mountPath: /etc/api/api.toml\n              subPath: api.toml\n              readOnly: true"), "\(deployment)")
        #expect(deployment.contains("configMap:\n            name: api-files"))
        // The chart reads an exact copy, never through Helm's template engine.
        #expect(files["deploy/helm/shop/files/api/api.toml"] == toml)
        #expect(try #require(files["deploy/helm/shop/templates/api/files-configmap.yaml"]).contains(#"($.Files.Glob "files/api/*").AsConfig"#))
        // The recorded model names the file by digest, so an edit is a model change without a copy in resolved.json.
        let model = try #require(files[".scaffold/resolved.json"])
        #expect(model.contains(SHA256.hex(toml)) && !model.contains("brace"))
    }

    @Test("a file that doesn't exist yet is written empty once, as the user's")
    func starter() throws {
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        let templates = try TemplateLoader.templateSet(installation: installation, overrides: nil)
        let project = try Resolver().resolve(Self.blueprint()).withConfigFileContents { $0 == "db/init.sql" ? "select 1;\n" : nil }
        let rendered = try Pipeline().render(project, templates: templates)
        let starter = try #require(rendered.first { $0.path == "config/api.toml" })
        #expect(starter.contents.isEmpty && starter.starter?.manifest == "config/api.toml")
        #expect(!rendered.contains { $0.path == "db/init.sql" }, "an existing file is never written")
    }

    @Test("Cloud Run: each file is a Secret Manager secret read from the repository, mounted over its folder at a pinned version")
    func cloudRun() throws {
        // Before: every serverless cloud refused `.file`.
        let blueprint = Self.blueprint(targets: [.gcp(project: "shop-prod", region: "europe-west1", environments: [.production])])
        let files = try Self.files(blueprint, contents: [:])
        let secrets = try #require(files["deploy/terraform/gcp/files.tf"])
        #expect(secrets.contains(#"secret_id = "${local.name}-file-${each.key}""#) && secrets.contains(#"secret_data = file("${path.module}/../../../${each.value}")"#), "\(secrets)")
        #expect(secrets.contains(#"role      = "roles/secretmanager.secretAccessor""#))
        let tfvars = try #require(files["deploy/terraform/gcp/environments/production.tfvars"])
        #expect(tfvars.contains(#"files         = [{ secret = "config-api-toml", folder = "/etc/api", name = "api.toml" }, { secret = "db-init-sql", folder = "/docker-entrypoint-initdb.d", name = "init.sql" }]"#), "\(tfvars)")
        #expect(tfvars.contains(#"files = { "config-api-toml" = "config/api.toml", "db-init-sql" = "db/init.sql" }"#), "\(tfvars)")
        let run = try #require(files["deploy/terraform/gcp/run.tf"])
        #expect(run.contains("version = google_secret_manager_secret_version.file[volumes.key].version") && run.contains("mount_path = volume_mounts.value.folder"))
        #expect(run.contains("google_secret_manager_secret_iam_member.file]"), "a revision starts only once it may read its files")
        let notes = Pipeline().notes(for: try Resolver().resolve(blueprint)).map(\.line)
        #expect(notes.contains { $0.contains("File config/api.toml (/etc/api/api.toml) is the Secret Manager secret") && $0.contains("what the image keeps in /etc/api is hidden") }, "\(notes)")
    }

    @Test("Cloud Run refuses two files in one folder, a file at the root, and a file over a volume's folder")
    func cloudRunRefused() throws {
        let gcp = Target.gcp(project: "shop", region: "europe-west1", environments: [.production])
        for (volumes, expected) in [([Volume.file("a/one.toml", at: "/etc/app/one.toml"), .file("b/two.toml", at: "/etc/app/two.toml")], "'a/one.toml' is mounted in /etc/app too"),
                                    ([.file("app.toml", at: "/app.toml")], "/ can't be one"),
                                    ([.file("app.toml", at: "/data/app.toml"), .named("data", at: "/data", serverless: .fileSystem)], "would cross a volume")] {
            #expect {
                _ = try Resolver().resolve(Blueprint(name: "shop", environments: [.development, .production],
                                                     services: [.image("x", "ghcr.io/acme/x:1.0.0", volumes: volumes)], targets: [gcp]))
            } throws: { error in "\(error)".contains(expected) && "\(error)".contains("deploys to Cloud Run") }
        }
        // Scratch space is the container's own file system there: a file beside it mounts fine.
        _ = try Resolver().resolve(Blueprint(name: "shop", environments: [.development, .production],
                                             services: [.image("x", "ghcr.io/acme/x:1.0.0", volumes: [.file("app.toml", at: "/data/app.toml"), .named("data", at: "/data", serverless: .scratch)])],
                                             targets: [gcp]))
    }

    @Test("a serverless cloud, a path outside the project, two files with one name are refused by name")
    func refused() throws {
        for target in [Target.aws(region: "eu-west-1", environments: [.production]), .azure(location: "westeurope", environments: [.production])] {
            #expect {
                _ = try Self.files(Self.blueprint(targets: [target]), contents: [:])
            } throws: { error in "\(error)".contains("file 'config/api.toml'") && "\(error)".contains("mounts no files (Cloud Run does") }
        }
        for (volumes, expected) in [([Volume.file("../secret.toml", at: "/etc/x")], "outside the project"),
                                    ([.file("a/app.toml", at: "/etc/a"), .file("b/app.toml", at: "/etc/b")], "the same name")] {
            #expect {
                _ = try Resolver().resolve(Blueprint(name: "shop", services: [.image("x", "ghcr.io/acme/x:1.0.0", volumes: volumes)]))
            } throws: { error in "\(error)".contains(expected) }
        }
    }
}

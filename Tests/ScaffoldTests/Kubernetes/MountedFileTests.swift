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

    @Test("a serverless cloud, a path outside the project, two files with one name are refused by name")
    func refused() throws {
        #expect {
            _ = try Self.files(Self.blueprint(targets: [.aws(region: "eu-west-1", environments: [.production])]), contents: [:])
        } throws: { error in "\(error)".contains("file 'config/api.toml'") && "\(error)".contains("mounts no files") }
        for (volumes, expected) in [([Volume.file("../secret.toml", at: "/etc/x")], "outside the project"),
                                    ([.file("a/app.toml", at: "/etc/a"), .file("b/app.toml", at: "/etc/b")], "the same name")] {
            #expect {
                _ = try Resolver().resolve(Blueprint(name: "shop", services: [.image("x", "ghcr.io/acme/x:1.0.0", volumes: volumes)]))
            } throws: { error in "\(error)".contains(expected) }
        }
    }
}

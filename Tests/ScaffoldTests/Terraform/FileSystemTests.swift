import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// Volumes kept on a cloud's network file system: EFS on ECS Fargate; refused where scaffold has none.
@Suite("EFS file systems")
struct FileSystemTests {
    /// A web app and its worker sharing uploads; the web app keeps a cache on a file system too.
    static func blueprint(targets: [Target]) -> Blueprint {
        Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .production],
            services: [
                .app("web", path: "web", runtime: .python(packages: .uv, server: .uvicorn("app:app")), port: 8000, health: .http("/health"),
                     volumes: [.shared("uploads", at: "/srv/uploads", size: "5Gi"), .named("cache", at: "/var/cache/web", serverless: .fileSystem)],
                     writablePaths: ["/tmp", "/var/cache/web"]),
                .process("worker", of: "web", command: ["python", "-m", "worker"], volumes: [.shared("uploads", at: "/srv/uploads", size: "5Gi")]),
            ],
            targets: targets)
    }

    @Test("ECS: one encrypted EFS file system per volume, mounted over TLS by every service declaring it, never also scratch")
    func ecs() throws {
        let files = try QueueTests.files(Self.blueprint(targets: [.aws(region: "eu-west-1", environments: [.production])]))
        let efs = try #require(files["deploy/terraform/aws/efs.tf"])
        for line in [#"resource "aws_efs_file_system" "volume""#, "encrypted        = true", #"transition_to_ia = "AFTER_30_DAYS""#,
                     "from_port                    = 2049", #"resource "aws_efs_access_point" "volume""#, #""elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite""#] {
            #expect(efs.contains(line), "\(line)")
        }
        let tfvars = try #require(files["deploy/terraform/aws/environments/production.tfvars"])
        #expect(tfvars.contains(#"volumes        = [{ name = "uploads", path = "/srv/uploads" }, { name = "cache", path = "/var/cache/web" }]"#), "\(tfvars)")
        #expect(tfvars.contains(#"writable_paths = ["/tmp"]"#), "the cache path is on EFS, not scratch too: \(tfvars)")
        #expect(tfvars.contains("file_systems = {\n  \"cache\" = {\n    uid = 10001\n  }\n  \"uploads\" = {"), "\(tfvars)")
        #expect(try #require(files["deploy/terraform/aws/ecs.tf"]).contains(#"transit_encryption = "ENABLED""#))
        let test = try #require(files["deploy/terraform/aws/tests/plan.tftest.hcl"])
        #expect(test.contains(#""efs-uploads=/srv/uploads""#) && test.contains(#"aws_efs_file_system.volume["cache"].encrypted"#))
        let notes = Pipeline().notes(for: try Resolver().resolve(Self.blueprint(targets: [.aws(region: "eu-west-1", environments: [.production])]))).map(\.line)
        #expect(notes.contains { $0.contains("Volume uploads (/srv/uploads) is the EFS file system uploads on ECS") && $0.contains("Its size (5Gi) doesn't apply") }, "\(notes)")
    }

    @Test("without a file system, no efs.tf and no file_systems variable")
    func none() throws {
        var blueprint = Self.blueprint(targets: [.aws(region: "eu-west-1", environments: [.production])])
        blueprint.services = blueprint.services.map { service in
            var service = service
            service.volumes = []
            return service
        }
        let files = try QueueTests.files(blueprint)
        #expect(files["deploy/terraform/aws/efs.tf"] == nil)
        #expect(!(try #require(files["deploy/terraform/aws/variables.tf"])).contains(#"variable "file_systems""#))
    }

    @Test("Cloud Run and Container Apps have no file system scaffold gives: shared and .fileSystem volumes are refused by name", arguments: [
        Target.gcp(project: "shop", region: "europe-west1", environments: [.production]),
        Target.azure(location: "westeurope", environments: [.production]),
    ])
    func refused(target: Target) throws {
        #expect {
            _ = try Resolver().resolve(Self.blueprint(targets: [target]))
        } throws: { error in
            let text = "\(error)"
            return text.contains("named volume 'uploads'") && text.contains("named volume 'cache'") && text.contains("deploy production to ECS")
        }
    }
}

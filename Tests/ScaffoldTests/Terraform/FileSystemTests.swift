import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// Volumes kept on a cloud's file storage: EFS on ECS Fargate, Cloud Storage on Cloud Run, Azure
/// Files on Container Apps.
@Suite("Cloud file storage for shared volumes")
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

    @Test("Cloud Run: one private Cloud Storage bucket per volume, mounted with FUSE as each service's user in services, worker pools and jobs")
    func cloudRun() throws {
        // Before: Cloud Run refused .shared and serverless: .fileSystem volumes outright.
        let blueprint = Self.blueprint(targets: [.gcp(project: "shop-prod", region: "europe-west1", environments: [.production])])
        let files = try QueueTests.files(blueprint)
        let volumes = try #require(files["deploy/terraform/gcp/volumes.tf"])
        for line in [#"resource "google_storage_bucket" "volume""#, "uniform_bucket_level_access = true", #"public_access_prevention    = "enforced""#,
                     "days_since_noncurrent_time = 30", #"role   = "roles/storage.objectUser""#] {
            #expect(volumes.contains(line), "\(line)")
        }
        let tfvars = try #require(files["deploy/terraform/gcp/environments/production.tfvars"])
        #expect(tfvars.contains(#"volumes       = [{ name = "uploads", path = "/srv/uploads", uid = 10001 }, { name = "cache", path = "/var/cache/web", uid = 10001 }]"#), "\(tfvars)")
        #expect(tfvars.contains(#"file_systems = ["cache", "uploads"]"#), "\(tfvars)")
        let run = try #require(files["deploy/terraform/gcp/run.tf"])
        // The service, the worker pool and the job template each mount what their entry lists.
        #expect(run.components(separatedBy: #"dynamic "volumes" {"#).count == 4, "\(run)")
        #expect(run.components(separatedBy: #"dynamic "volume_mounts" {"#).count == 4)
        #expect(run.contains(#"mount_options = ["uid=${volumes.value.uid}", "gid=${volumes.value.uid}"]"#))
        #expect(try #require(files["deploy/terraform/gcp/apis.tf"]).contains(#""storage.googleapis.com""#))
        let notes = Pipeline().notes(for: try Resolver().resolve(blueprint)).map(\.line)
        #expect(notes.contains { $0.contains("Volume uploads (/srv/uploads) is a Cloud Storage bucket on Cloud Run") && $0.contains("no file locking") }, "\(notes)")
    }

    @Test("Container Apps: one Azure Files share per volume, registered with the environment and mounted by every app declaring it")
    func containerApps() throws {
        // Before: Container Apps refused .shared and serverless: .fileSystem volumes outright.
        let blueprint = Self.blueprint(targets: [.azure(location: "westeurope", environments: [.production])])
        let files = try QueueTests.files(blueprint)
        let volumes = try #require(files["deploy/terraform/azure/volumes.tf"])
        for line in [#"resource "azurerm_storage_share" "volume""#, #"resource "azurerm_container_app_environment_storage" "volume""#,
                     #"access_mode                  = "ReadWrite""#, "shared_access_key_enabled         = true"] {
            #expect(volumes.contains(line), "\(line)")
        }
        let tfvars = try #require(files["deploy/terraform/azure/environments/production.tfvars"])
        #expect(tfvars.contains(#"files_account = "shopproductionfiles""#), "\(tfvars)")
        #expect(tfvars.contains("file_systems = {\n  \"cache\" = {\n    quota_gb = 10\n  }\n  \"uploads\" = {\n    quota_gb = 5\n  }\n}"), "\(tfvars)")
        let apps = try #require(files["deploy/terraform/azure/apps.tf"])
        #expect(apps.components(separatedBy: #"storage_type = "AzureFile""#).count == 3, "an app and a job template: \(apps)")
        let notes = Pipeline().notes(for: try Resolver().resolve(blueprint)).map(\.line)
        #expect(notes.contains { $0.contains("Volume uploads (/srv/uploads) is an Azure Files share (SMB) on Container Apps") }, "\(notes)")
    }

    @Test("a plain named volume is still refused on every cloud; a name the file storage can't take is refused by name", arguments: [
        Target.aws(region: "eu-west-1", environments: [.production]),
        Target.gcp(project: "shop", region: "europe-west1", environments: [.production]),
        Target.azure(location: "westeurope", environments: [.production]),
    ])
    func refused(target: Target) throws {
        var blueprint = Self.blueprint(targets: [target])
        blueprint.services[0].volumes.append(.named("state", at: "/var/lib/web"))
        #expect {
            _ = try Resolver().resolve(blueprint)
        } throws: { error in
            let text = "\(error)"
            return text.contains("named volume 'state'") && text.contains("serverless: .fileSystem") && !text.contains("'uploads'")
        }
        var badName = Self.blueprint(targets: [target])
        badName.services[0].volumes = [.named("Web_Cache", at: "/var/cache/web", serverless: .fileSystem)]
        if target.platform == .ecsFargate {
            _ = try Resolver().resolve(badName)
        } else {
            #expect {
                _ = try Resolver().resolve(badName)
            } throws: { error in
                "\(error)".contains("volume 'Web_Cache' can't name") && "\(error)".contains("rename the volume")
            }
        }
    }
}

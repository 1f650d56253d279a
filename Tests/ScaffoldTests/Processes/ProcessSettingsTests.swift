import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// Entrypoint, user, shared memory, open files, restart policy and GPUs, per family.
@Suite("Process settings")
struct ProcessSettingsTests {
    static let settings = ProcessSettings(entrypoint: ["/usr/bin/tini", "--"], user: 20001, shmSize: "1Gi", openFiles: 65536, restart: .onFailure, gpus: 1)

    static func blueprint(targets: [Target] = [.kubernetes(environments: [.production])]) -> Blueprint {
        Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .production],
            services: [.image("infer", "ghcr.io/acme/infer:1.0.0", port: 8000, processSettings: Self.settings)],
            targets: targets)
    }

    @Test("compose: entrypoint, user, shm_size, ulimits, a GPU reservation, and the restart policy in production")
    func compose() throws {
        let files = try QueueTests.files(Self.blueprint())
        let compose = try #require(files["compose.yaml"])
        let base = try #require(ProcessTests.block("infer", in: compose))
        for line in ["entrypoint:\n      - /usr/bin/tini\n      - \"--\"", #"user: "20001:20001""#, #"shm_size: "1024m""#,
                     "nofile:\n        soft: 65536\n        hard: 65536", "driver: nvidia\n              count: 1"] {
            #expect(base.contains(line), "\(line): \(base)")
        }
        let production = try #require(files["compose.production.yaml"])
        let block = try #require(ProcessTests.block("infer", in: production))
        #expect(block.contains("restart: on-failure"), "\(block)")
    }

    @Test("Kubernetes: command, runAsUser, a sized in-memory /dev/shm and nvidia.com/gpu; the limits it can't set are notes")
    func kubernetes() throws {
        let files = try QueueTests.files(Self.blueprint())
        let deployment = try #require(files["deploy/kubernetes/base/infer/deployment.yaml"])
        for line in ["command:\n            - /usr/bin/tini", "runAsUser: 20001", #"sizeLimit: "1Gi""#, "mountPath: /dev/shm", "nvidia.com/gpu: 1"] {
            #expect(deployment.contains(line), "\(line): \(deployment)")
        }
        #expect(try #require(files["deploy/kubernetes/overlays/production/infer/deployment-patch.yaml"]).contains("nvidia.com/gpu: 1"), "the environment's resources keep the GPU")
        let notes = Pipeline().notes(for: try Resolver().resolve(Self.blueprint())).map(\.line)
        #expect(notes.contains { $0.contains("openFiles 65536 is not set") }, "\(notes)")
        #expect(notes.contains { $0.contains("restart onFailure is not kept") }, "\(notes)")
    }

    @Test("a GPU on a serverless cloud, root, an empty entrypoint and out-of-range limits are refused by name")
    func refused() throws {
        #expect { _ = try Resolver().resolve(Self.blueprint(targets: [.aws(region: "eu-west-1", environments: [.production])])) } throws: {
            "\($0)".contains("processSettings gpus in production")
        }
        for (settings, expected) in [(ProcessSettings(user: 0), "is root"), (ProcessSettings(entrypoint: []), "entrypoint is empty"),
                                     (ProcessSettings(openFiles: 2), "openFiles 2"), (ProcessSettings(gpus: 0), "gpus 0")] {
            #expect {
                _ = try Resolver().resolve(Blueprint(name: "shop", services: [.image("x", "ghcr.io/acme/x:1.0.0", processSettings: settings)]))
            } throws: { "\($0)".contains(expected) }
        }
        var cpuOnly = Self.blueprint(targets: [.gcp(project: "shop", region: "europe-west1", environments: [.production])])
        cpuOnly.services[0].processSettings?.gpus = nil
        let notes = Pipeline().notes(for: try Resolver().resolve(cpuOnly)).map(\.line)
        #expect(notes.contains { $0.contains("user 20001, shmSize 1Gi, openFiles 65536, restart onFailure are not carried") }, "\(notes)")
    }

    @Test("clouds: ECS takes the entrypoint, user and nofile ulimit; Cloud Run and Container Apps the entrypoint; the rest are notes")
    func clouds() throws {
        var blueprint = Self.blueprint(targets: [
            .aws(region: "eu-west-1", environments: [.production]),
            .gcp(project: "shop", region: "europe-west1", environments: [.production]),
            .azure(location: "westeurope", environments: [.production]),
        ])
        blueprint.services[0].processSettings?.gpus = nil
        let files = try QueueTests.files(blueprint)
        let aws = try #require(files["deploy/terraform/aws/environments/production.tfvars"])
        for line in [#"entry_point    = ["/usr/bin/tini", "--"]"#, #"user           = "20001""#, "open_files     = 65536"] {
            #expect(aws.contains(line), "\(line): \(aws)")
        }
        let ecs = try #require(files["deploy/terraform/aws/ecs.tf"])
        #expect(ecs.contains("entryPoint = each.value.entry_point") && ecs.contains(#"name = "nofile", softLimit = each.value.open_files"#))
        for cloud in ["gcp", "azure"] {
            let tfvars = try #require(files["deploy/terraform/\(cloud)/environments/production.tfvars"])
            #expect(tfvars.contains(#"= ["/usr/bin/tini", "--"]"#) && tfvars.contains("entrypoint"), "\(cloud): \(tfvars)")
        }
        #expect(try #require(files["deploy/terraform/gcp/run.tf"]).contains("command = each.value.entrypoint"))
        #expect(try #require(files["deploy/terraform/azure/apps.tf"]).contains("command = each.value.entrypoint"))
        let notes = Pipeline().notes(for: try Resolver().resolve(blueprint)).map(\.line)
        #expect(notes.contains { $0.contains("ECS Fargate runs the container with its own shared memory and restart policy: shmSize 1Gi, restart onFailure are not carried") }, "\(notes)")
        #expect(!notes.contains { $0.contains("entrypoint /usr/bin/tini") }, "every cloud carries the entrypoint: \(notes)")
    }

    @Test("env files: optional env_file entries in compose, listed in .env.example; Kubernetes says it doesn't read them")
    func envFiles() throws {
        var blueprint = Self.blueprint()
        blueprint.services[0].processSettings = nil
        blueprint.services[0].envFiles = ["config/infer.env"]
        let files = try QueueTests.files(blueprint)
        let compose = try #require(files["compose.yaml"])
        let block = try #require(ProcessTests.block("infer", in: compose))
        #expect(block.contains("env_file:\n      - path: ./config/infer.env\n        required: false"), "\(block)")
        #expect(try #require(files[".env.example"]).contains("#   config/infer.env: infer"))
        let notes = Pipeline().notes(for: try Resolver().resolve(blueprint)).map(\.line)
        #expect(notes.contains { $0.contains("envFiles config/infer.env are read by compose only") }, "\(notes)")
        blueprint.services[0].envFiles = ["../outside.env"]
        #expect { _ = try Resolver().resolve(blueprint) } throws: { "\($0)".contains("outside the project") }
    }
}

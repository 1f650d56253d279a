import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// Volumes several services share stay shared in Kubernetes, or a validation error says why not.
@Suite("Shared volumes")
struct SharedVolumeTests {
    static func blueprint(web: Volume, worker: Volume, targets: [Target] = [.kubernetes(environments: [.production])]) -> Blueprint {
        Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .production],
            services: [
                .app("web", path: "web", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health"), volumes: [web]),
                .process("worker", of: "web", command: ["python", "-m", "worker"], volumes: [worker]),
            ],
            targets: targets)
    }

    @Test("one named volume mounted by two services in a Kubernetes environment is an error naming both, not two silent claims")
    func splitIsRefused() throws {
        #expect {
            _ = try QueueTests.files(Self.blueprint(web: .named("uploads", at: "/srv/uploads"), worker: .named("uploads", at: "/srv/uploads")))
        } throws: { error in
            let text = "\(error)"
            return text.contains("volume 'uploads'") && text.contains("'web' and 'worker'") && text.contains(".shared(\"uploads\"")
        }
        // Compose alone shares a named volume as it is: no error there.
        let files = try QueueTests.files(Self.blueprint(web: .named("uploads", at: "/srv/uploads"), worker: .named("uploads", at: "/srv/uploads"), targets: []))
        #expect(try #require(files["compose.yaml"]).contains("uploads: {}"))
    }

    @Test("a .shared volume is one ReadWriteMany claim both workloads mount, in kustomize and the chart")
    func oneClaim() throws {
        let files = try QueueTests.files(Self.blueprint(web: .shared("uploads", at: "/srv/uploads", size: "5Gi"), worker: .shared("uploads", at: "/srv/uploads", size: "5Gi")))
        let claims = try #require(files["deploy/kubernetes/overlays/production/shared-volumes.yaml"])
        #expect(claims.contains("name: shared-uploads") && claims.contains("- ReadWriteMany") && claims.contains(#"storage: "5Gi""#), "\(claims)")
        #expect(try #require(files["deploy/kubernetes/overlays/production/kustomization.yaml"]).contains("- shared-volumes.yaml"))
        for service in ["web", "worker"] {
            let deployment = try #require(files["deploy/kubernetes/base/\(service)/deployment.yaml"], "a Deployment, not a StatefulSet with its own claim")
            #expect(deployment.contains("claimName: shared-uploads") && deployment.contains("mountPath: /srv/uploads"), "\(service): \(deployment)")
            #expect(files["deploy/kubernetes/base/\(service)/statefulset.yaml"] == nil)
        }
        let chart = try #require(files["deploy/helm/shop/templates/shared-volumes.yaml"])
        #expect(chart.contains(#"{{- if or (index $.Values.services "web").enabled (index $.Values.services "worker").enabled }}"#), "\(chart)")
        // The app's image owns the folder, so a fresh volume is writable for the worker too.
        #expect(try #require(files["web/Dockerfile"]).contains("/srv/uploads"))
    }

    @Test("declared .shared in one service and .named in another, or with two sizes, is an error")
    func mismatch() throws {
        #expect {
            _ = try QueueTests.files(Self.blueprint(web: .shared("uploads", at: "/srv/uploads"), worker: .named("uploads", at: "/srv/uploads")))
        } throws: { error in "\(error)".contains("is `.shared` in 'web' but `.named` here") }
        #expect {
            _ = try QueueTests.files(Self.blueprint(web: .shared("uploads", at: "/srv/uploads", size: "5Gi"), worker: .shared("uploads", at: "/srv/uploads", size: "6Gi")))
        } throws: { error in "\(error)".contains("give it one size") }
    }

    @Test("ECS shares it on an EFS file system, Cloud Run in a Cloud Storage bucket both mount")
    func serverless() throws {
        let files = try QueueTests.files(Self.blueprint(web: .shared("uploads", at: "/srv/uploads"), worker: .shared("uploads", at: "/srv/uploads"),
                                                        targets: [.aws(region: "eu-west-1", environments: [.production])]))
        #expect(try #require(files["deploy/terraform/aws/efs.tf"]).contains(#"resource "aws_efs_file_system" "volume""#))
        #expect(try #require(files["deploy/terraform/aws/environments/production.tfvars"]).contains(#"{ name = "uploads", path = "/srv/uploads" }"#))
        // Cloud Run refused a shared volume before it had Cloud Storage to keep it in.
        let gcp = try QueueTests.files(Self.blueprint(web: .shared("uploads", at: "/srv/uploads"), worker: .shared("uploads", at: "/srv/uploads"),
                                                      targets: [.gcp(project: "shop", region: "europe-west1", environments: [.production])]))
        #expect(try #require(gcp["deploy/terraform/gcp/volumes.tf"]).contains(#"resource "google_storage_bucket" "volume""#))
        let tfvars = try #require(gcp["deploy/terraform/gcp/environments/production.tfvars"])
        #expect(tfvars.components(separatedBy: #"{ name = "uploads", path = "/srv/uploads", uid = "#).count == 3, "web and worker: \(tfvars)")
    }
}

import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// The generated `deploy/terraform/aws/tests/plan.tftest.hcl` passes for every environment of every
/// AWS preset (and of a blueprint whose staging serves nothing in public), against the mocked
/// provider, with only the environment's tfvars and the inputs README.Deploy.md asks for:
/// `terraform init -backend=false && terraform test -var-file=environments/<env>.tfvars`.
@Suite("terraform test", .enabled(if: TerraformTool.isAvailable, Comment(rawValue: TerraformTool.unavailableReason)))
struct TerraformTestRunTests {
    /// The presets whose blueprint declares an AWS target.
    static let awsPresets: [String] = TestPaths.presetNames.filter { name in
        let text = (try? String(contentsOf: TestPaths.blueprints.appendingPathComponent("\(name).swift"), encoding: .utf8)) ?? ""
        return text.contains(".aws(")
    }

    /// Writes the `deploy/terraform/aws` files of `files` into a new folder and returns it.
    static func write(_ files: [(path: String, contents: String)], name: String) throws -> URL {
        let root = TestPaths.temporaryFolder("terraform-test-\(name)")
        let prefix = "deploy/terraform/aws/"
        for file in files where file.path.hasPrefix(prefix) {
            let url = root.appendingPathComponent(String(file.path.dropFirst(prefix.count)))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
        return root
    }

    /// `terraform init` once, then `terraform test` per environment; records an issue per failure
    /// and prints one result line per environment.
    static func runTests(in root: URL, label: String) throws {
        let environments = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("environments").path)
            .filter { $0.hasSuffix(".tfvars") }.map { String($0.dropLast(".tfvars".count)) }.sorted()
        #expect(!environments.isEmpty, "\(label): no environments/*.tfvars")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("tests/plan.tftest.hcl").path), "\(label): no tests/plan.tftest.hcl")
        let initialized = try TerraformTool.run(["init", "-backend=false", "-input=false", "-no-color"], in: root)
        guard initialized.status == 0 else {
            Issue.record("\(label): terraform init -backend=false failed:\n\(initialized.text)")
            return
        }
        for environment in environments {
            let started = Date()
            let result = try TerraformTool.run(["test", "-no-color", "-var-file=environments/\(environment).tfvars"], in: root)
            let seconds = Date().timeIntervalSince(started)
            let summary = result.text.components(separatedBy: "\n").last { $0.hasPrefix("Success!") || $0.hasPrefix("Failure!") } ?? "no summary"
            print("terraform test \(label) \(environment): \(summary) (\(String(format: "%.1f", seconds)) s)")
            #expect(result.status == 0 && summary.hasPrefix("Success!"), "\(label) \(environment): terraform test failed:\n\(result.text)")
            #expect(!summary.contains(" 0 passed"), "\(label) \(environment): no run passed:\n\(result.text)")
        }
    }

    @Test("every environment of every AWS preset", arguments: awsPresets)
    func preset(_ name: String) throws {
        let files = try SnapshotTests.render(name).map { (path: $0.path, contents: $0.contents) }
        let root = try Self.write(files, name: name)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.runTests(in: root, label: name)
    }

    @Test func anEnvironmentWithoutAPublicServicePlansWithoutACertificate() throws {
        let files = try TerraformRender.render(DeployInputTests.publicOnlyInProduction()).map { (path: $0.key, contents: $0.value) }
        let root = try Self.write(files, name: "public-only-in-production")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.runTests(in: root, label: "public-only-in-production")
    }

    @Test("shapes beyond the presets: EFS volumes, and process settings in a stack that serves nothing in public")
    func shapes() throws {
        var settings = ProcessSettingsTests.blueprint(targets: [.aws(region: "eu-west-1", environments: [.production])])
        settings.services[0].processSettings?.gpus = nil
        for (label, blueprint) in [("efs", FileSystemTests.blueprint(targets: [.aws(region: "eu-west-1", environments: [.production])])),
                                   ("process-settings", settings)] {
            let files = try TerraformRender.render(blueprint).map { (path: $0.key, contents: $0.value) }
            let root = try Self.write(files, name: label)
            defer { try? FileManager.default.removeItem(at: root) }
            try Self.runTests(in: root, label: label)
        }
    }
}

/// The text filter that picks the AWS presets for `terraform test` misses none and adds none; it
/// runs wherever the presets render, terraform or not.
struct TerraformTestPresetTests {
    @Test func theAWSPresetsAreFound() throws {
        #expect(TerraformTestRunTests.awsPresets.contains("ralex"))
        #expect(TerraformTestRunTests.awsPresets.contains("multicloud"))
        for name in TestPaths.presetNames {
            let hasAWS = !(try SnapshotTests.project(name).targets(.ecsFargate).isEmpty)
            #expect(hasAWS == TerraformTestRunTests.awsPresets.contains(name), "\(name): an AWS target, but not picked by the text filter (or the other way round)")
        }
    }
}

import Foundation

/// The `terraform` executable and a CLI configuration that installs the AWS provider offline from
/// a filesystem mirror (what `scripts/lint` writes to `.lint/terraformrc`, or `TF_CLI_CONFIG_FILE`).
enum TerraformTool {
    /// `terraform` on PATH.
    static let executable: String? = KubernetesTools.onPath("terraform")

    /// The CLI configuration: the first of `TF_CLI_CONFIG_FILE` and the lint toolchain's
    /// `.lint/terraformrc` that names a filesystem mirror holding hashicorp/aws.
    static let cliConfig: URL? = {
        var candidates: [URL] = []
        if let given = ProcessInfo.processInfo.environment["TF_CLI_CONFIG_FILE"], !given.isEmpty {
            candidates.append(URL(fileURLWithPath: given))
        }
        candidates.append(TestPaths.repository.appendingPathComponent(".lint/terraformrc"))
        return candidates.first(where: hasAWSMirror)
    }()

    /// True when the CLI configuration at `url` names a filesystem mirror that holds hashicorp/aws.
    static func hasAWSMirror(_ url: URL) -> Bool {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
        let paths = text.components(separatedBy: "\n").compactMap { line -> String? in
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0] == "path" else { return nil }
            return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return paths.contains { FileManager.default.fileExists(atPath: "\($0)/registry.terraform.io/hashicorp/aws") }
    }

    /// Whether `terraform test` can run here, offline.
    static var isAvailable: Bool { executable != nil && cliConfig != nil }

    /// Why it can't, for the skip message.
    static var unavailableReason: String {
        if executable == nil { return "terraform test: skipped, terraform is not on PATH" }
        return "terraform test: skipped, no Terraform CLI configuration with an offline hashicorp/aws mirror (run scripts/lint --install-only to write .lint/terraformrc, or set TF_CLI_CONFIG_FILE)"
    }

    /// The output of one terraform command.
    struct Output {
        var status: Int32
        var text: String
    }

    /// Runs `terraform arguments` in `directory`, offline, with no `TF_VAR_` inputs from this
    /// process's environment: a run sees only its files.
    static func run(_ arguments: [String], in directory: URL) throws -> Output {
        guard let executable else { throw KubernetesTools.ToolError("terraform is not on PATH") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TF_") }
        environment["TF_CLI_CONFIG_FILE"] = cliConfig?.path
        environment["TF_IN_AUTOMATION"] = "1"
        environment["TF_INPUT"] = "0"
        environment["CHECKPOINT_DISABLE"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
    }
}

import Foundation
import Testing

/// The external tools the consistency test drives: kubectl, helm and python3 with PyYAML.
enum KubernetesTools {
    /// The output of one command.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`, feeding `input` on standard input.
    static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        let errDrain = PipeDrain(err)
        if let input {
            DispatchQueue.global().async {
                inPipe.fileHandleForWriting.write(Data(input.utf8))
                try? inPipe.fileHandleForWriting.close()
            }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errDrain.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The first executable named `name` on PATH.
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// helm: the lint toolchain's `.lint/bin/helm` first, then PATH.
    static func helm() -> String? {
        let pinned = TestPaths.repository.appendingPathComponent(".lint/bin/helm").path
        if FileManager.default.isExecutableFile(atPath: pinned) { return pinned }
        return onPath("helm")
    }

    /// A multi-document YAML stream as JSON objects (empty documents dropped), read by PyYAML.
    static func objects(fromYAML yaml: String) throws -> [[String: Any]] {
        guard let python = onPath("python3") else { throw ToolError("python3 is not on PATH") }
        let script = "import sys, json, yaml; print(json.dumps([d for d in yaml.safe_load_all(sys.stdin) if d], sort_keys=True))"
        let output = try run(python, ["-c", script], input: yaml)
        guard output.status == 0 else { throw ToolError("PyYAML could not read the YAML: \(output.stderr)") }
        guard let objects = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]] else {
            throw ToolError("the YAML stream is not a list of objects")
        }
        return objects
    }

    /// A tool failure with a readable message.
    struct ToolError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

extension KubernetesTools {
    /// helm, or nil after failing the test (when `CI` is set) or printing why it is skipped.
    static func helmOrSkip(_ what: String) -> String? {
        if let helm = helm() { return helm }
        let message = "helm was not found (.lint/bin/helm or PATH): install it with the lint toolchain (scripts/lint installs .lint/bin/helm)"
        if !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty {
            Issue.record(Comment(rawValue: "\(what): \(message)"))
        } else {
            print("skipped \(what): \(message)")
        }
        return nil
    }

    /// The objects of one environment: `kubectl kustomize` of its overlay and `helm template`
    /// with its values file, each parsed by PyYAML.
    static func objects(root: URL, project: String, environment: String, namespace: String, helm: String) throws -> (kustomize: [[String: Any]], helm: [[String: Any]]) {
        guard let kubectl = onPath("kubectl") else { throw ToolError("kubectl is not on PATH") }
        let overlay = root.appendingPathComponent("deploy/kubernetes/overlays/\(environment)").path
        let chart = root.appendingPathComponent("deploy/helm/\(project)").path
        let kustomized = try run(kubectl, ["kustomize", overlay])
        guard kustomized.status == 0 else { throw ToolError("kubectl kustomize \(overlay) failed: \(kustomized.stderr)") }
        let templated = try run(helm, ["template", project, chart, "--namespace", namespace, "-f", "\(chart)/values-\(environment).yaml"])
        guard templated.status == 0 else { throw ToolError("helm template \(chart) -f values-\(environment).yaml failed: \(templated.stderr)") }
        return (try objects(fromYAML: kustomized.stdout), try objects(fromYAML: templated.stdout))
    }
}

import BlueprintDescription
import Foundation
import Mustache
import ScaffoldCore
import ScaffoldKit

/// Renders only the GitHub Actions family of a blueprint through the resolver and the real
/// templates, and parses the workflows with PyYAML (every scalar as a string).
enum WorkflowRender {
    /// The workflows of `blueprint`, by file name (`ci.yml`, ...), parsed.
    static func render(_ blueprint: Blueprint) throws -> [String: [String: Any]] {
        let project = try Resolver().resolve(blueprint)
        // Only this family's templates (and the headers), so another family's work in progress
        // can't fail these tests.
        let sources = try TemplateLoader.sources(in: TestPaths.repository.appendingPathComponent("Templates"), displayRoot: "Templates")
            .filter { ["github/", "_header/"].contains(where: $0.name.hasPrefix) }
        let files = try Pipeline(generators: [GitHubActionsGenerator()]).render(project, templates: try TemplateSet(builtIn: sources))
        var workflows: [String: [String: Any]] = [:]
        for file in files where file.path.hasPrefix(".github/workflows/") {
            workflows[String(file.path.dropFirst(".github/workflows/".count))] = try parse(file.contents)
        }
        return workflows
    }

    /// A Python with PyYAML: the lint venv's, else the system's; nil when there is none.
    static let python: String? = {
        let candidates = [TestPaths.repository.appendingPathComponent(".lint/venv/bin/python3").path, "/usr/bin/env"]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            let arguments = candidate == "/usr/bin/env" ? ["python3", "-c", "import yaml"] : ["-c", "import yaml"]
            if (try? run(candidate, arguments, input: "")) != nil { return candidate }
        }
        return nil
    }()

    /// Whether workflows can be parsed here.
    static var canParse: Bool { python != nil }

    /// `yaml` parsed with PyYAML's BaseLoader (no YAML 1.1 booleans: `on:` stays a string key).
    static func parse(_ yaml: String) throws -> [String: Any] {
        guard let python else { throw ParseError(message: "no python3 with PyYAML") }
        let script = "import json, sys, yaml; json.dump(yaml.load(sys.stdin, Loader=yaml.BaseLoader), sys.stdout)"
        let arguments = python == "/usr/bin/env" ? ["python3", "-c", script] : ["-c", script]
        let output = try run(python, arguments, input: yaml)
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw ParseError(message: "a workflow is not a mapping")
        }
        return object
    }

    struct ParseError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func run(_ executable: String, _ arguments: [String], input: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ParseError(message: String(decoding: errors, as: UTF8.self))
        }
        return output
    }
}

/// Accessors over a parsed workflow.
extension Dictionary where Key == String, Value == Any {
    /// The jobs, by id.
    var jobs: [String: [String: Any]] { (self["jobs"] as? [String: [String: Any]]) ?? [:] }
    /// The steps of a job.
    var steps: [[String: Any]] { (self["steps"] as? [[String: Any]]) ?? [] }
    /// A nested mapping.
    func map(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    /// A nested string.
    func string(_ key: String) -> String? { self[key] as? String }
}

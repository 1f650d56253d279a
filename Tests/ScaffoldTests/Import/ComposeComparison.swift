import Foundation
@testable import ScaffoldKit

/// The rendered compose files (compose.yaml + compose.<env>.yaml) compared, environment by
/// environment, with the compose files a blueprint was imported from: the same services, the
/// same images, the same container ports and development host ports, and every variable name,
/// except what the import report says it left out or replaced.
struct ComposeComparison {
    /// Differences, one line each; empty when the files agree.
    var problems: [String] = []

    init(input: [URL], output root: URL, report: ImportReport) throws {
        let inputProject = ComposeProject(files: try input.map { try ComposeFile.read($0, displayName: $0.lastPathComponent) })
        let outputFiles = [root.appendingPathComponent("compose.yaml")] + report.environments.map { root.appendingPathComponent("compose.\($0).yaml") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        let outputProject = ComposeProject(files: try outputFiles.map { try ComposeFile.read($0, displayName: $0.lastPathComponent) })
        let byCompose = Dictionary(report.services.map { ($0.composeName, $0) }, uniquingKeysWith: { first, _ in first })
        for environment in report.environments {
            let given = inputProject.documents[environment]?["services"]?.pairs ?? []
            let rendered = outputProject.documents[environment]?["services"]
            let expected = Set(given.map { byCompose[$0.key]?.name ?? $0.key })
            let actual = Set(rendered?.keys ?? [])
            if expected != actual {
                problems.append("\(environment): services \(actual.sorted()) rendered, \(expected.sorted()) imported")
            }
            for (composeName, definition) in given.map({ ($0.key, $0.value) }) {
                guard let service = byCompose[composeName], let output = rendered?[service.name] else { continue }
                let label = "\(environment) \(service.name)"
                if definition["build"] == nil, let image = definition["image"]?.string, service.replacedImage == nil {
                    if output["image"]?.string != image { problems.append("\(label): image \(output["image"]?.string ?? "none"), not \(image)") }
                }
                if let port = (definition["ports"]?.list?.first).flatMap(PortMapping.parse), let container = port.containerPort, port.transport == "tcp" {
                    let renderedPort = (output["ports"]?.list?.first).flatMap(PortMapping.parse)
                    let wanted = service.movedPort ?? container
                    // A backing service's port is published in development only, and the draft says so.
                    let unpublished = renderedPort == nil && environment != "development"
                        && service.notImported.contains { $0.contains("publishes a backing service's port in development only") }
                    if renderedPort?.containerPort != wanted && !unpublished {
                        problems.append("\(label): container port \(renderedPort?.target ?? "none"), not \(wanted)")
                    }
                    if environment == "development", let host = port.hostPort, renderedPort?.hostPort != host {
                        problems.append("\(label): host port \(renderedPort?.published ?? "none"), not \(host)")
                    }
                }
                let names = Set(definition["environment"]?.keys ?? []).subtracting(service.droppedVariables)
                let renderedNames = Set(output["environment"]?.keys ?? [])
                let missing = names.subtracting(renderedNames)
                if !missing.isEmpty { problems.append("\(label): variables \(missing.sorted()) are not set") }
            }
        }
    }
}

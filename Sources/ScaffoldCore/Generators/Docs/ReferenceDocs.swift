import BlueprintDescription
import Mustache

/// The environment-variable reference and the troubleshooting guide (`docs/deployment/`), both
/// derived from the blueprint so they never drift from what the services really get.
struct ReferenceDocs {
    /// One variable of one service, with its value in each environment.
    struct Variable: Encodable {
        var name: String
        /// `secret`, `connection`, `preset` or `blueprint`.
        var origin: String
        var description: String
        var values: [Value]
    }

    /// A variable's value in one environment.
    struct Value: Encodable {
        var environment: String
        var text: String
        var last: Bool
    }

    struct Service: Encodable {
        var name: String
        var summary: String
        var variables: [Variable]
        var hasVariables: Bool
        /// Development health URLs (`http://127.0.0.1:<host port><path>`).
        var healthURLs: [ListItem]
        var hasHealth: Bool
        var dependencies: [ListItem]
        var hasDependencies: Bool
        var memoryLimits: String
        var isBuilt: Bool
        var egress: [ListItem]
        var hasEgress: Bool
    }

    struct Context: Encodable {
        var project: String
        var services: [Service]
        var development: String
        var production: String
        var hasKubernetes: Bool
        var namespace: String
        var hasCloud: Bool
    }

    static func context(_ project: ResolvedProject) -> Context {
        let development = project.environments.first { $0.isDevelopment } ?? project.environments[0]
        let production = project.environments.last { !$0.isDevelopment } ?? project.environments[project.environments.count - 1]
        let services = project.services.filter { !$0.instances.isEmpty }.map { service -> Service in
            var byName: [String: Variable] = [:]
            for instance in service.instances {
                for variable in instance.variables {
                    let origin = variable.secret != nil ? "secret" : variable.origin.rawValue
                    let text: String
                    if let secret = variable.secret {
                        text = instance.managed ? "secret `\(secret.key)`" : "secret `\(secret.name)` (store key `\(secret.key)`)"
                    } else {
                        text = "`\(ComposeCompanions.oneLine(variable.value ?? "").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'"))`"
                    }
                    let description = ComposeCompanions.oneLine(variable.description ?? "").replacingOccurrences(of: "|", with: "\\|")
                    var entry = byName[variable.name] ?? Variable(name: variable.name, origin: origin, description: description, values: [])
                    entry.values.append(Value(environment: instance.environment, text: text, last: false))
                    byName[variable.name] = entry
                }
            }
            let health = service.health.flatMap { check -> [String]? in
                guard check.kind == .http, let port = service.hostPort ?? service.port else { return nil }
                return [check.path, check.readyPath, check.livePath].compactMap { $0 }.map { "http://127.0.0.1:\(port)\($0)" }
            } ?? []
            let dependencies = Array(Set(service.instances.flatMap(\.dependsOn))).sorted()
            let limits = service.instances.map { "\($0.environment) \($0.resources.memoryLimitMiB) MiB" }.joined(separator: ", ")
            let egress = service.egress.map { "\($0.host ?? $0.network ?? ""):\($0.port)" }
            let variables = byName.keys.sorted().map { name -> Variable in
                var variable = byName[name]!
                if !variable.values.isEmpty { variable.values[variable.values.count - 1].last = true }
                return variable
            }
            return Service(
                name: service.name, summary: service.summary, variables: variables,
                hasVariables: !variables.isEmpty, healthURLs: ListItem.list(health), hasHealth: !health.isEmpty,
                dependencies: ListItem.list(dependencies), hasDependencies: !dependencies.isEmpty, memoryLimits: limits,
                isBuilt: service.build != nil, egress: ListItem.list(egress), hasEgress: !egress.isEmpty)
        }
        return Context(
            project: project.name, services: services, development: development.name, production: production.name,
            hasKubernetes: !project.targets(.kubernetes).isEmpty, namespace: "\(project.name)-\(production.name)",
            hasCloud: project.targets.contains { $0.platform != .kubernetes })
    }

    /// The two documents.
    static func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        let context = Self.context(project)
        return [
            try RenderRequest(template: "docs/environment-variables.md", path: "docs/deployment/environment-variables.md", context: context, format: EscapeFormat.none),
            try RenderRequest(template: "docs/troubleshooting.md", path: "docs/deployment/troubleshooting.md", context: context, format: EscapeFormat.none),
        ]
    }
}

import Mustache
/// `scripts/start.sh` and `scripts/start.ps1` (run any environment locally with compose) and
/// `scripts/deploy.sh` (deploy an image tag to a compose host, keeping the previous one for rollback).
public struct ScriptsGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "scripts" }

    /// A generator.
    public init() {}

    struct EnvironmentEntry: Encodable {
        var name: String
        var names: [ListItem]
        var production: Bool
        /// The secrets compose interpolates in this environment, sorted.
        var secrets: [ListItem]
    }

    struct Context: Encodable {
        var project: String
        var environments: [EnvironmentEntry]
        var names: [ListItem]
        var defaultEnvironment: String
    }

    struct AliasContext: Encodable {
        var project: String
        var environment: String
        var alias: String
    }

    /// The scripts: start.sh, start.ps1, deploy.sh, and `deploy-<alias>.sh` for each
    /// production-mode environment with a short alias (`deploy-prod.sh`).
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        let entries = project.environments.map { environment in
            EnvironmentEntry(name: environment.name, names: ListItem.list([environment.name] + (environment.alias.map { [$0] } ?? [])),
                             production: !environment.isDevelopment, secrets: ListItem.list(Self.composeSecrets(project, in: environment.name)))
        }
        let context = Context(
            project: project.name, environments: entries,
            names: ListItem.list(entries.flatMap { $0.names.map(\.value) }),
            defaultEnvironment: project.environments.first { $0.isDevelopment }?.name ?? project.environments[0].name)
        return try [
            try RenderRequest(template: "scripts/start.sh", path: "scripts/start.sh", context: context, executable: true),
            try RenderRequest(template: "scripts/deploy.sh", path: "scripts/deploy.sh", context: context, executable: true),
            try RenderRequest(template: "scripts/start.ps1", path: "scripts/start.ps1", context: context, format: EscapeFormat.none),
        ] + project.environments.compactMap { environment -> RenderRequest? in
            guard !environment.isDevelopment, let alias = environment.alias else { return nil }
            return try RenderRequest(template: "scripts/deploy-environment.sh", path: "scripts/deploy-\(alias).sh",
                                     context: AliasContext(project: project.name, environment: environment.name, alias: alias), executable: true)
        }
    }

    /// Every secret the compose files of `environment` interpolate: the secret variables and the
    /// secrets interpolated into connection settings of the services that run there as containers.
    static func composeSecrets(_ project: ResolvedProject, in environment: String) -> [String] {
        var names = Set<String>()
        for service in project.runningServices(in: environment) {
            for variable in service.instance(in: environment)?.variables ?? [] {
                if let secret = variable.secret { names.insert(secret.dotEnvName) }
                names.formUnion(variable.interpolates)
            }
        }
        return names.sorted()
    }
}

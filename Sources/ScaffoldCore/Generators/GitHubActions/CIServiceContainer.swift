import BlueprintDescription

/// A backing service a CI test job runs next to the tests (`services:` of the job), so tests that
/// need Redis or PostgreSQL find them on localhost, as the blueprint's dependencies.
struct CIServiceContainer: Encodable {
    /// The dependency's name (the service container's id).
    var name: String
    /// Its pinned image.
    var image: String
    /// The port, mapped to the same port on the runner.
    var port: Int
    /// Its health check as one shell line, for `--health-cmd`.
    var healthCommand: String
    /// Its own settings and credentials (test-only values).
    var environment: [KeyValueContext]
    /// Whether `environment` is not empty.
    var hasEnvironment: Bool

    /// The password CI service containers use: a throwaway value for a database that lives only as
    /// long as the job, never a secret.
    static let testPassword = "ci-test-only"

    /// The containers of `service`'s backing dependencies (in its first environment), and the
    /// connection settings its tests get for them: localhost for a job on the runner, the service
    /// container's name for a job that runs in a container itself.
    static func containers(for service: ResolvedService, in project: ResolvedProject, jobInContainer: Bool) -> (containers: [CIServiceContainer], environment: [KeyValueContext]) {
        guard let instance = service.instances.first else { return ([], []) }
        var containers: [CIServiceContainer] = []
        var environment: [KeyValueContext] = []
        for name in instance.dependsOn {
            guard let dependency = project.service(named: name), let preset = dependency.preset,
                  let port = dependency.port, let health = dependency.health, health.kind == .command else { continue }
            let spec = PresetSpec.of(preset)
            guard let (variable, format) = spec.injection(dependency.injects) else { continue }
            var value = format
            let tuned = spec.parameters(dependency.instances.first?.variables ?? [], project: project.name)
            value = PresetSpec.fill(value.replacingOccurrences(of: "{host}", with: jobInContainer ? name : "localhost"), user: tuned.user, database: tuned.database)
            for secret in spec.connectionSecrets { value = value.replacingOccurrences(of: "${\(secret)}", with: testPassword) }
            if let prefix = dependency.injects?.prefix {
                // The tests read the connection apart, as the service does.
                let parts = spec.connectionParts(prefix: prefix, host: jobInContainer ? name : "localhost", port: port, user: tuned.user, database: tuned.database)
                environment += parts.map { KeyValueContext(name: $0.name, value: $0.value ?? testPassword) }
            } else {
                environment.append(KeyValueContext(name: variable, value: value))
            }
            var settings = spec.settings.map { KeyValueContext(name: $0.key, value: PresetSpec.fill($0.value, user: tuned.user, database: tuned.database)) }
            settings += spec.secrets.map { KeyValueContext(name: $0, value: testPassword) }
            settings.sort { $0.name < $1.name }
            containers.append(CIServiceContainer(
                name: name, image: dependency.imageReference(), port: port,
                healthCommand: ShellWords.join(health.command ?? []), environment: settings, hasEnvironment: !settings.isEmpty))
        }
        return (containers, environment.sorted { $0.name < $1.name })
    }
}

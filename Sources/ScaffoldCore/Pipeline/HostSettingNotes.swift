import BlueprintDescription

/// The fidelity notes of `.host(...)` settings on the targets that have no shell to read them
/// from: Kubernetes, Helm and the clouds deploy the blueprint's value.
enum HostSettingNotes {
    /// One note per service, environment and variable that `platforms` deploy.
    static func notes(_ project: ResolvedProject, family: String, platforms: Set<Target.Platform>) -> [FidelityNote] {
        var notes: [FidelityNote] = []
        for environment in project.environments where !platforms.isDisjoint(with: environment.platforms) {
            for service in project.runningServices(in: environment.name) {
                for variable in service.instance(in: environment.name)?.variables ?? [] {
                    guard let host = variable.hostVariable else { continue }
                    notes.append(FidelityNote(family: family, service: service.name, environment: environment.name,
                                              message: "\(variable.name) is \"\(variable.value ?? "")\" here: only compose reads \(host) from the shell or .env; change the value in Blueprint.swift"))
                }
            }
        }
        return notes
    }
}

import BlueprintDescription
import Foundation
import ScaffoldCore

extension ServiceImporter {
    // MARK: - .process and .job

    /// A service built like an earlier one (`owner`) with its own command: `.process` of that
    /// service's image, or `.job` when it runs once (`restart: "no"`, or another service waits
    /// for it to complete) and listens on no port.
    mutating func process(of owner: String) -> (DraftService, String) {
        handled.insert("build")
        let ownerName = context.names[owner] ?? owner
        let (development, production) = commands()
        handled.insert("command")
        let command = production ?? development ?? []
        noteOtherCommands(except: [command])
        if let image = imageReference() {
            note("image: \(image) (it runs \(ownerName)'s image, which scaffold names <registry>/<project>-\(ownerName))")
        }
        let isJob = context.jobs.contains(composeName)
        let (port, hostPort) = isJob ? (nil, nil) : ports()
        carried("build → \(isJob ? "a job" : "a process") of \(ownerName)'s image")
        carried("command")

        var arguments: [DraftArgument] = [.value(nil, SwiftLiteral.string(name)), .value("of", SwiftLiteral.string(ownerName)),
                                          .value("command", SwiftLiteral.strings(command))]
        if let port { arguments.append(.value("port", String(port))) }
        if let hostPort, hostPort != port || publishedOutsideDevelopment {
            note("ports: host port \(hostPort) (a process publishes its port at the container port's number)")
        }
        let dependencies = dependencies()
        if !isJob, let health = health(port: port) { arguments.append(.value("health", health)) }
        let (environment, secrets) = variables(dependencies: dependencies)
        if !environment.isEmpty { arguments.append(.dictionary("environment", environment)) }
        if !secrets.isEmpty { arguments.append(.list("secrets", secrets)) }
        let (volumes, writable) = storage()
        if !volumes.isEmpty { arguments.append(.list("volumes", volumes)) }
        if !dependencies.isEmpty { arguments.append(dependsOnArgument(dependencies)) }
        let deploy = deployment(perEnvironmentResources: false, replicas: !isJob)
        if let resources = deploy.resources { arguments.append(.value("resources", resources)) }
        if let replicas = deploy.replicas { arguments.append(.value("replicas", replicas)) }
        if let environments = environmentsArgument() { arguments.append(environments) }
        if !writable.isEmpty { arguments.append(.list("writablePaths", writable.map(SwiftLiteral.string))) }
        if isJob {
            handled.insert("restart")
            for key in ["healthcheck", "ports", "expose"] where !values(key).isEmpty {
                handled.insert(key)
                note(key, values(key), because: "a job runs to completion: it is not health-checked and listens on no port")
            }
            let settings = processSettingsArguments()
            for argument in settings {
                note("\(argument.label)\(argument.inline) (a `.job` takes no env files or process settings: move them into the image or `environment:`)")
            }
        } else {
            arguments += processSettingsArguments()
        }
        return (DraftService(factory: isJob ? "job" : "process", arguments: arguments, notImported: [], review: []),
                isJob ? ".job of \(ownerName)" : ".process of \(ownerName)")
    }

    // MARK: - Env files and process settings

    /// `envFiles:` from `env_file`, and `processSettings:` from `entrypoint`, `user`, `shm_size`,
    /// `ulimits.nofile` and `restart`; what they can't say is noted.
    mutating func processSettingsArguments() -> [DraftArgument] {
        var arguments: [DraftArgument] = []
        let files = envFiles()
        if !files.isEmpty { arguments.append(.list("envFiles", files.map(SwiftLiteral.string))) }
        var parts: [String] = []
        handled.formUnion(["entrypoint", "user", "shm_size", "ulimits", "restart"])
        if let entrypoint = ShellSplit.command(preferred("entrypoint")), !entrypoint.isEmpty {
            parts.append("entrypoint: \(SwiftLiteral.strings(entrypoint))")
            carried("entrypoint")
        }
        if let user = preferred("user")?.string {
            let ids = user.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            if let uid = ids.first ?? nil, uid > 0, ids.count == 1 || ids.last == ids.first {
                parts.append("user: \(uid)")
                carried("user")
            } else {
                note("user: \(user) (processSettings user is one non-root numeric uid, used as the group too)")
            }
        }
        if let size = preferred("shm_size")?.string {
            if let mebibytes = ComposeQuantity.mebibytes(size) {
                parts.append("shmSize: \(SwiftLiteral.string(ComposeQuantity.memoryLiteral(mebibytes)))")
                carried("shm_size")
            } else {
                note("shm_size: \(size) (not a size scaffold reads)")
            }
        }
        if let ulimits = preferred("ulimits") {
            for pair in ulimits.pairs ?? [] {
                guard pair.key == "nofile" else {
                    note("ulimits.\(pair.key) (processSettings sets the open-files limit only)")
                    continue
                }
                let soft = pair.value.string ?? pair.value["soft"]?.string
                let hard = pair.value.string ?? pair.value["hard"]?.string
                if let limit = Int(hard ?? soft ?? "") {
                    parts.append("openFiles: \(limit)")
                    carried("ulimits.nofile")
                    if soft != hard { note("ulimits.nofile soft \(soft ?? "-") (scaffold sets soft and hard to \(limit))") }
                }
            }
        }
        switch preferred("restart")?.string {
        case "no": parts.append("restart: .never")
        case let policy? where policy.hasPrefix("on-failure"):
            parts.append("restart: .onFailure")
            if policy != "on-failure" { note("restart: \(policy) (the retry count is not kept)") }
        case "always": parts.append("restart: .always")
        default: break
        }
        if !parts.isEmpty { arguments.append(.value("processSettings", "ProcessSettings(\(parts.joined(separator: ", ")))")) }
        return arguments
    }

    /// The project-relative paths of the `env_file` entries, in order.
    mutating func envFiles() -> [String] {
        handled.insert("env_file")
        var paths: [String] = []
        for (environment, value) in values("env_file") {
            for entry in value.list ?? [value] {
                guard let file = entry.string ?? entry["path"]?.string else { continue }
                guard let path = context.relativePath(file) else {
                    note("env_file: \(file) in \(environment.name) (outside the project: copy it in or declare its variables in `environment:`)")
                    continue
                }
                if !paths.contains(path) { paths.append(path) }
            }
        }
        if !paths.isEmpty { carried("env_file as envFiles") }
        return paths
    }
}

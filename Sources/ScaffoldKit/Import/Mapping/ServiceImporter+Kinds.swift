import BlueprintDescription
import Foundation
import ScaffoldCore

extension ServiceImporter {
    // MARK: - .app

    /// A service with `build:`: `.app` with the runtime its build context says.
    mutating func app() -> (DraftService, String) {
        handled.insert("build")
        let builds = values("build")
        let build = (builds.last { !$0.environment.isDevelopment } ?? builds[0]).value
        let contextPath = build["context"]?.string ?? "."
        var path = context.relativePath(contextPath) ?? "."
        if context.relativePath(contextPath) == nil {
            check("the build context \(contextPath) is outside the project: path is \".\"; move the project root (--project) up")
            path = "."
        }
        let dockerfile = build["dockerfile"]?.string ?? "Dockerfile"
        var buildSettings: [(key: String, values: [(environment: ImportEnvironment, value: YAML)])] = []
        for (environment, value) in builds {
            for pair in value.pairs ?? [] where pair.key != "context" && !(pair.key == "dockerfile" && pair.value.string == dockerfile) {
                if let index = buildSettings.firstIndex(where: { $0.key == pair.key }) {
                    buildSettings[index].values.append((environment, pair.value))
                } else {
                    buildSettings.append((pair.key, [(environment, pair.value)]))
                }
            }
            if let other = value["context"]?.string, other != contextPath {
                note("build.context: \(other) in \(environment.name) (one build context for every environment: \(contextPath))")
            }
        }
        for (key, settings) in buildSettings {
            let reason: String
            switch key {
            case "target": reason = "scaffold's Dockerfile has its own development and production targets"
            case "dockerfile": reason = "scaffold writes its own Dockerfile"
            case "args": reason = "scaffold's Dockerfile takes no build arguments"
            default: reason = "scaffold builds with its own Dockerfile"
            }
            note("build.\(key)", settings, because: reason)
        }
        if dockerfile != "Dockerfile" {
            note("build.dockerfile: \(dockerfile) (scaffold writes its own Dockerfile; yours was read to find the runtime)")
        }
        let folder = context.root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(dockerfile).path) {
            check("scaffold writes its own Dockerfile in \(path == "." ? "the project root" : path); `scaffold init . --adopt` shows how it differs from yours")
        }
        if let image = imageReference() {
            note("image: \(image) (scaffold names the image it builds <registry>/<project>-\(name))")
        }
        let (development, production) = commands()
        handled.insert("command")
        let detected = RuntimeDetector.detect(in: folder, dockerfile: dockerfile, command: production ?? development)
        if detected.guessed {
            check("no manifest (pyproject.toml, requirements.txt, package.json, go.mod, Cargo.toml, pom.xml, Package.swift) in \(path): the runtime is a guess; `scaffold regen` writes a starter app there")
        }
        let (runtime, command, consumed) = runtimeExpression(detected, development: development, production: production)
        noteOtherCommands(except: consumed)
        carried("build → \(detected.language.rawValue) (\(detected.tool))")

        let (port, hostPort) = ports()
        var arguments: [DraftArgument] = [.value(nil, SwiftLiteral.string(name)), .value("path", SwiftLiteral.string(path)), .value("runtime", runtime)]
        if let port { arguments.append(.value("port", String(port))) }
        if let hostPort, hostPort != port || publishedOutsideDevelopment { arguments.append(.value("hostPort", String(hostPort))) }
        if let command { arguments.append(.value("command", SwiftLiteral.strings(command))) }
        let dependencies = dependencies()
        if let health = health(port: port) { arguments.append(.value("health", health)) }
        let (environment, secrets) = variables(dependencies: dependencies)
        if !environment.isEmpty { arguments.append(.dictionary("environment", environment)) }
        if !secrets.isEmpty { arguments.append(.list("secrets", secrets)) }
        let (volumes, writable) = storage()
        if !volumes.isEmpty { arguments.append(.list("volumes", volumes)) }
        if !dependencies.isEmpty { arguments.append(dependsOnArgument(dependencies)) }
        let deploy = deployment(perEnvironmentResources: true, replicas: true)
        if let resources = deploy.resources { arguments.append(.value("resources", resources)) }
        if !deploy.resourcesPerEnvironment.isEmpty { arguments.append(.dictionary("resourcesPerEnvironment", deploy.resourcesPerEnvironment)) }
        if let replicas = deploy.replicas { arguments.append(.value("replicas", replicas)) }
        if let environments = environmentsArgument() { arguments.append(environments) }
        if !writable.isEmpty { arguments.append(.list("writablePaths", writable.map(SwiftLiteral.string))) }
        arguments += processSettingsArguments()
        return (DraftService(factory: "app", arguments: arguments, notImported: [], review: []), ".app (\(detected.language.rawValue), \(detected.tool))")
    }

    /// The runtime expression, the `.app(command:)` override, and the commands it carries.
    func runtimeExpression(_ detected: DetectedRuntime, development: [String]?, production: [String]?) -> (String, [String]?, [[String]?]) {
        let version = SwiftLiteral.string(detected.version)
        let devCommand = development != nil && development != production ? development : nil
        let devArgument = devCommand.map { ", devCommand: \(SwiftLiteral.strings($0))" } ?? ""
        switch detected.language {
        case .python:
            let tool = detected.toolVersion.map { ", toolVersion: \(SwiftLiteral.string($0))" } ?? ""
            let server = pythonServer(production ?? development ?? detected.dockerCommand, production: production, development: devCommand)
            return (".python(\(version), packages: .\(detected.tool)\(tool), server: \(server))", nil, [development, production])
        case .node:
            var arguments = "\(version), packages: .\(detected.tool)"
            if let entry = detected.entry, entry != "server.js" { arguments += ", entry: \(SwiftLiteral.string(entry))" }
            if let production { arguments += ", command: \(SwiftLiteral.strings(production))" }
            return (".node(\(arguments)\(devArgument))", nil, [development, production])
        case .go:
            let package = detected.entry.map { $0 == "." ? "" : ", package: \(SwiftLiteral.string($0))" } ?? ""
            return (".go(\(version)\(package)\(devArgument))", production, [development, production])
        case .rust:
            return (".rust(\(version), binary: \(SwiftLiteral.string(detected.entry ?? name))\(devArgument))", production, [development, production])
        case .java:
            return (".java(\(version), build: .\(detected.tool)\(devArgument))", production, [development, production])
        case .swift:
            return (".swift(\(version), product: \(SwiftLiteral.string(detected.entry ?? name))\(devArgument))", production, [development, production])
        }
    }

    /// `.uvicorn("app:app")` or `.gunicorn(...)` when the command runs one of them on an app
    /// scaffold can serve, else `.command([...], dev: [...])`.
    func pythonServer(_ command: [String]?, production: [String]?, development: [String]?) -> String {
        guard let command else { return ".uvicorn(\"app:app\")" }
        func option(_ names: [String], in words: [String]?) -> String? {
            guard let words else { return nil }
            for (index, word) in words.enumerated() {
                for name in names {
                    if word == name, index + 1 < words.count { return words[index + 1] }
                    if word.hasPrefix(name + "=") { return String(word.dropFirst(name.count + 1)) }
                }
            }
            return nil
        }
        func application(after server: String) -> String? {
            guard let start = command.firstIndex(where: { $0 == server || $0.hasSuffix("/" + server) }) else { return nil }
            var index = start + 1
            while index < command.count {
                let word = command[index]
                if word.hasPrefix("-") {
                    // Options with a value: skip it.
                    if !word.contains("="), index + 1 < command.count, !command[index + 1].hasPrefix("-"), !command[index + 1].contains(":") || ["--bind", "-b"].contains(word) { index += 1 }
                } else if word.contains(":") {
                    return word
                }
                index += 1
            }
            return nil
        }
        if let app = application(after: "uvicorn") {
            let workers = option(["--workers"], in: production ?? command).flatMap { Int($0) }
            return ".uvicorn(\(SwiftLiteral.string(app))\(workers.map { ", workers: \($0)" } ?? ""))"
        }
        if let app = application(after: "gunicorn"), option(["-k", "--worker-class"], in: command)?.contains("uvicorn") == true {
            let workers = option(["-w", "--workers"], in: production ?? command).flatMap { Int($0) }
            return ".gunicorn(\(SwiftLiteral.string(app))\(workers.map { ", workers: \($0)" } ?? ""))"
        }
        let dev = development.map { ", dev: \(SwiftLiteral.strings($0))" } ?? ""
        return ".command(\(SwiftLiteral.strings(command))\(dev))"
    }

    // MARK: - .image

    /// A prebuilt image scaffold has no preset for.
    mutating func image() -> DraftService {
        let reference = imageReference() ?? ""
        if reference.isEmpty {
            check("compose gives this service neither build: nor image:; name its image")
        } else if !BackingImage.isPinned(reference) {
            unpinnedImage = reference
            check("\(reference) names no version: scaffold refuses unpinned images, so pin a tag or a digest before `scaffold regen`")
        }
        carried("image")
        let (port, hostPort) = ports()
        var arguments: [DraftArgument] = [.value(nil, SwiftLiteral.string(name)), .value(nil, SwiftLiteral.string(reference))]
        if let port { arguments.append(.value("port", String(port))) }
        if let hostPort, hostPort != port || publishedOutsideDevelopment { arguments.append(.value("hostPort", String(hostPort))) }
        handled.insert("command")
        let (development, production) = commands()
        let command = production ?? development
        if let command { arguments.append(.value("command", SwiftLiteral.strings(command))); carried("command") }
        noteOtherCommands(except: [command])
        let dependencies = dependencies()
        if let health = health(port: port) { arguments.append(.value("health", health)) }
        let (environment, secrets) = variables(dependencies: dependencies)
        if !environment.isEmpty { arguments.append(.dictionary("environment", environment)) }
        if !secrets.isEmpty { arguments.append(.list("secrets", secrets)) }
        let (volumes, writable) = storage()
        if !volumes.isEmpty { arguments.append(.list("volumes", volumes)) }
        if !dependencies.isEmpty { arguments.append(dependsOnArgument(dependencies)) }
        let deploy = deployment(perEnvironmentResources: false, replicas: true)
        if let resources = deploy.resources { arguments.append(.value("resources", resources)) }
        if let replicas = deploy.replicas { arguments.append(.value("replicas", replicas)) }
        if let environments = environmentsArgument() { arguments.append(environments) }
        if !writable.isEmpty { arguments.append(.list("writablePaths", writable.map(SwiftLiteral.string))) }
        arguments += processSettingsArguments()
        return DraftService(factory: "image", arguments: arguments, notImported: [], review: [])
    }

    // MARK: - Presets

    /// A backing service from a preset: its image pinned when compose names another version.
    mutating func preset(_ backing: BackingImage) -> DraftService {
        let spec = PresetSpec.of(backing.preset)
        let reference = imageReference() ?? backing.image
        var arguments: [DraftArgument] = []
        if backing.factory == "proxy" { arguments.append(.value(nil, ".\(backing.preset.rawValue)")) }
        if name != backing.defaultName { arguments.append(.value("name", SwiftLiteral.string(name))) }
        let pinned = BackingImage(preset: backing.preset, image: reference)
        if !pinned.isPresetDefault {
            if BackingImage.isPinned(reference) {
                arguments.append(.value("image", SwiftLiteral.string(reference)))
                carried("image")
            } else {
                replacedImage = reference
                note("image: \(reference) (unpinned: the preset's \(pinned.presetImage) runs instead; pin a version with `image:` to choose another)")
            }
        } else {
            carried("image")
        }
        // The preset's user and database (POSTGRES_USER / POSTGRES_DB, MYSQL_USER / MYSQL_DATABASE):
        // `user:` and `database:`, which the injected URL and the health check follow.
        var tuned: Set<String> = []
        for (label, setting) in [("user", spec.userSetting), ("database", spec.databaseSetting)] {
            guard let setting else { continue }
            let given = Set(values("environment").compactMap { $0.value[setting]?.string })
            guard given.count == 1, let value = given.first, !CredentialRule.isCredential(name: setting, value: value) else { continue }
            arguments.append(.value(label, SwiftLiteral.string(value)))
            tuned.insert(setting)
            carried("environment \(setting) → \(label):")
        }
        if backing.preset == .nginx, BackingImage.repository(of: reference) == "nginx" {
            check("the nginx preset runs unprivileged on port 8080 with a configuration scaffold writes; the stock nginx image listens on 80 as root, so keep nginxinc/nginx-unprivileged unless you need this one")
        }
        let dependencies = dependencies()
        let upstreams = dependencies.filter { context.ports[$0] != nil }
        switch backing.preset {
        case .prometheus:
            arguments.append(.list("scrape", upstreams.map { SwiftLiteral.string(context.names[$0] ?? $0) }))
            if upstreams.isEmpty { check("scrape: lists the services Prometheus scrapes (their metricsPath, /metrics by default); compose named none") }
            for dependency in dependencies where !upstreams.contains(dependency) { note("depends_on: \(dependency) (Prometheus scrapes services with a port)") }
        case .grafana:
            if let prometheus = context.presets.first(where: { $0.value.preset == .prometheus })?.key, let blueprintName = context.names[prometheus], blueprintName != "prometheus" {
                arguments.append(.value("prometheus", SwiftLiteral.string(blueprintName)))
            }
            for dependency in dependencies where context.presets[dependency]?.preset != .prometheus { note("depends_on: \(dependency) (Grafana depends on its Prometheus only)") }
        case .nginx, .traefik:
            let routes = upstreams.prefix(1).map { "\"/\": \(SwiftLiteral.string(context.names[$0] ?? $0))" }
            arguments.append(.value("routes", routes.isEmpty ? "[:]" : "[" + routes.joined(separator: ", ") + "]"))
            if upstreams.count > 1 {
                check("routes: compose doesn't say which paths go where: / goes to \(context.names[upstreams[0]] ?? upstreams[0]); add a prefix for \(upstreams.dropFirst().map { context.names[$0] ?? $0 }.joined(separator: ", "))")
            } else if upstreams.isEmpty {
                check("routes: compose names no upstream for the proxy; add `\"/\": \"<service>\"`")
            }
            for dependency in dependencies where !upstreams.contains(dependency) { note("depends_on: \(dependency) (a proxy depends on the services it routes to)") }
        default:
            for dependency in dependencies { note("depends_on: \(dependency) (a backing service starts first; it depends on nothing)") }
        }
        if let environments = environmentsArgument() { arguments.append(environments) }
        let (_, hostPort) = ports(fixed: spec.port, backing: true)
        if let hostPort, hostPort != spec.port { arguments.append(.value("hostPort", String(hostPort))) }
        let deploy = deployment(perEnvironmentResources: false, replicas: false)
        if let resources = deploy.resources { arguments.append(.value("resources", resources)) }
        presetSettings(spec, preset: backing.preset, tuned: tuned)
        return DraftService(factory: backing.factory, arguments: arguments, notImported: [], review: [])
    }

    /// What a preset decides itself: its command, health check, variables and data volume.
    mutating func presetSettings(_ spec: PresetSpec, preset: Preset, tuned: Set<String> = []) {
        handled.formUnion(["command", "healthcheck", "environment", "volumes", "tmpfs"])
        let label = preset.rawValue
        note("command", values("command"), because: "the \(label) preset runs its own command")
        note("healthcheck", values("healthcheck"), because: "the \(label) preset has its own health check")
        var names: [String] = []
        for (_, value) in values("environment") {
            for key in value.keys where !names.contains(key) { names.append(key) }
        }
        for variable in names where !tuned.contains(variable) {
            let entries = values("environment").compactMap { entry in entry.value[variable].map { (entry.environment, $0) } }
            let own = spec.settings[variable] != nil || spec.secrets.contains(variable)
            let secret = spec.secrets.contains(variable) || entries.contains { CredentialRule.isCredential(name: variable, value: $0.1.string) }
            if secret {
                note("environment \(variable) (a credential: \(spec.secrets.contains(variable) ? "the preset reads the secret \(variable) from .env or the secret store" : "its value was not copied"))")
            } else if own {
                let value = spec.settings[variable].map { " sets \(variable)=\(PresetSpec.fill($0, user: "app", database: "<project>"))" } ?? " sets it"
                note("environment \(variable)", entries, because: "the \(label) preset\(value) itself")
            } else {
                note("environment \(variable)", entries, because: "a preset takes no variables of yours; declare the service with .image(...) to set them")
            }
            if !own { drop(variable) }
        }
        var others: [(ImportEnvironment, YAML)] = []
        for (environment, value) in values("volumes") {
            for entry in value.list ?? [] {
                guard let mount = VolumeMount.parse(entry) else { continue }
                if mount.kind == .named, mount.target == spec.dataPath {
                    if ImportContext.blueprintName(mount.source) != "\(name)-data" {
                        note("volumes: \(mount.source):\(mount.target) (the preset keeps \(mount.target) in the volume \(name)-data)")
                    }
                } else if preset == .prometheus, mount.target.hasSuffix("prometheus.yml") {
                    note("volumes: \(CredentialRule.describe(entry, under: "volumes")) (scaffold writes the Prometheus configuration from scrape:)")
                } else {
                    others.append((environment, entry))
                }
            }
        }
        var grouped: [(entry: YAML, environments: [ImportEnvironment])] = []
        for (environment, entry) in others {
            if let index = grouped.firstIndex(where: { $0.entry == entry }) { grouped[index].environments.append(environment) } else { grouped.append((entry, [environment])) }
        }
        for group in grouped {
            note("volumes: \(CredentialRule.describe(group.entry, under: "volumes"))", in: group.environments.map(\.name), because: "the preset mounts its data volume only")
        }
        note("tmpfs", values("tmpfs"), because: "the preset keeps its own paths writable")
    }
}

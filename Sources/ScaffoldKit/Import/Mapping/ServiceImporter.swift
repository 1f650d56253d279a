import BlueprintDescription
import Foundation
import ScaffoldCore

/// Drafts one blueprint service from its merged compose definitions, one per environment it runs
/// in: `.app` for `build:`, a preset for the images scaffold has one for, `.image` otherwise.
/// Every compose key it reads is either carried over or written as a `// not imported:` line;
/// credential values are never written.
struct ServiceImporter {
    /// The compose service name.
    let composeName: String
    /// The blueprint service name.
    let name: String
    /// The merged definition in each environment the service runs in.
    let definitions: [(environment: ImportEnvironment, definition: YAML)]
    /// The rest of the project.
    let context: ImportContext

    private(set) var notImported: [String] = []
    private(set) var review: [String] = []
    private(set) var imported: [String] = []
    private(set) var dropped: [String] = []
    var handled: Set<String> = []
    var replacedImage: String?
    var unpinnedImage: String?
    var movedPort: Int?
    /// Whether a production-mode file publishes the port: scaffold publishes it there only when
    /// `hostPort:` asks, so the draft writes it even when it equals the container port.
    var publishedOutsideDevelopment = false
    /// The dependencies it waits for with `condition: service_completed_successfully`.
    var completedDependencies: Set<String> = []

    init(composeName: String, context: ImportContext) {
        self.composeName = composeName
        self.name = context.names[composeName] ?? composeName
        self.context = context
        self.definitions = context.project.definitions(of: composeName).filter { definition in
            context.environments.contains { $0.name == definition.environment.name }
        }
    }

    /// The environments the service runs in.
    var environments: [ImportEnvironment] { definitions.map(\.environment) }

    /// Whether it runs in every environment of the blueprint.
    var runsEverywhere: Bool { environments.count == context.environments.count }

    /// The value of `key` in each environment that sets it.
    func values(_ key: String) -> [(environment: ImportEnvironment, value: YAML)] {
        definitions.compactMap { entry in entry.definition[key].map { (entry.environment, $0) } }
    }

    /// The value of `key` in the development environment, else the first that sets it.
    func preferred(_ key: String) -> YAML? {
        let all = values(key)
        return (all.first { $0.environment.isDevelopment } ?? all.first)?.value
    }

    // MARK: - Comments

    mutating func note(_ line: String) {
        if !notImported.contains(line) { notImported.append(line) }
    }

    mutating func check(_ line: String) {
        if !review.contains(line) { review.append(line) }
    }

    mutating func carried(_ phrase: String) {
        if !imported.contains(phrase) { imported.append(phrase) }
    }

    mutating func drop(_ variable: String) {
        if !dropped.contains(variable) { dropped.append(variable) }
    }

    /// `// not imported: key: value (reason)`, once per distinct value, naming the environments
    /// when the value differs between them.
    mutating func note(_ key: String, _ values: [(environment: ImportEnvironment, value: YAML)], because reason: String? = nil) {
        var groups: [(text: String, environments: [String])] = []
        for (environment, value) in values {
            let text = CredentialRule.describe(value, under: key)
            if let index = groups.firstIndex(where: { $0.text == text }) {
                groups[index].environments.append(environment.name)
            } else {
                groups.append((text, [environment.name]))
            }
        }
        let suffix = reason.map { " (\($0))" } ?? ""
        for group in groups {
            let everywhere = group.environments.count == environments.count
            note("\(key): \(group.text)\(everywhere ? "" : " in " + group.environments.joined(separator: ", "))\(suffix)")
        }
    }

    // MARK: - The whole service

    /// The draft and the report.
    mutating func run() -> (DraftService, ServiceReport) {
        let draft: DraftService
        let declaration: String
        if let owner = context.imageOwners[composeName] {
            (draft, declaration) = process(of: owner)
        } else if !values("build").isEmpty {
            (draft, declaration) = app()
        } else if let backing = context.presets[composeName] {
            draft = preset(backing)
            declaration = ".\(backing.factory)"
        } else {
            draft = image()
            declaration = ".image"
        }
        notRead()
        let finished = DraftService(factory: draft.factory, arguments: draft.arguments, notImported: notImported, review: review)
        let report = ServiceReport(
            composeName: composeName, name: name, declaration: declaration, imported: imported, notImported: notImported,
            review: review, environments: environments.map(\.name), replacedImage: replacedImage, unpinnedImage: unpinnedImage,
            droppedVariables: dropped, movedPort: movedPort)
        return (finished, report)
    }

    /// The `environments:` argument when the service doesn't run everywhere.
    func environmentsArgument() -> DraftArgument? {
        runsEverywhere ? nil : .value("environments", SettingSpelling.list(environments))
    }

    /// Why compose keys scaffold doesn't model stay behind, for the comments.
    static let reasons: [String: String] = [
        "container_name": "compose names containers <project>-<service>-<n>",
        "restart": "scaffold's production overlay restarts services unless stopped",
        "user": "processSettings user takes a numeric uid",
        "env_file": "a backing service's settings are its preset's: declare what it needs in `environment:`",
        "entrypoint": "a backing service runs its preset's entry point",
        "networks": "scaffold puts every service on the project's network",
        "network_mode": "scaffold puts every service on the project's network",
        "cap_drop": "scaffold drops every capability in production",
        "security_opt": "scaffold sets no-new-privileges in production",
        "logging": "scaffold's production overlay logs to json-file with rotation",
        "read_only": "scaffold runs built images on a read-only root in production",
        "profiles": "`environments:` decides where a service runs",
        "extends": "the extended file was not read: copy its settings into the service",
        "secrets": "compose secrets are files; scaffold's `secrets:` are variables from .env or the secret store",
        "configs": "compose configs are files: mount them with `volumes: [.bind(...)]` in development or bake them into the image",
    ]

    /// Every key nothing above read becomes a comment.
    mutating func notRead() {
        var keys: [String] = []
        for (_, definition) in definitions {
            for key in definition.keys where !keys.contains(key) { keys.append(key) }
        }
        for key in keys where !handled.contains(key) {
            let reason = key.hasPrefix("x-") ? "an extension field" : Self.reasons[key]
            note(key, values(key), because: reason)
        }
    }

    // MARK: - Shared settings

    /// The `depends_on` services that exist, as compose names, in order; the others are noted.
    mutating func dependencies() -> [String] {
        handled.insert("depends_on")
        var result: [String] = []
        var unknown: [(name: String, environments: [String])] = []
        for (environment, value) in values("depends_on") {
            for pair in value.pairs ?? [] {
                guard context.names[pair.key] != nil, !context.environments(of: pair.key).isEmpty else {
                    if let index = unknown.firstIndex(where: { $0.name == pair.key }) {
                        unknown[index].environments.append(environment.name)
                    } else {
                        unknown.append((pair.key, [environment.name]))
                    }
                    continue
                }
                guard pair.key != composeName else { continue }
                if !result.contains(pair.key) { result.append(pair.key) }
                let condition = pair.value["condition"]?.string ?? "service_started"
                if condition == "service_completed_successfully" {
                    if context.jobs.contains(pair.key) {
                        completedDependencies.insert(pair.key)
                    } else {
                        note("depends_on.\(pair.key).condition: \(condition) (\(pair.key) runs until stopped here, so scaffold starts the service once it is healthy)")
                    }
                }
                for option in ["required", "restart"] {
                    guard let setting = pair.value[option] else { continue }
                    note("depends_on.\(pair.key).\(option): \(CredentialRule.describe(setting, under: option))")
                }
            }
        }
        for entry in unknown {
            note("depends_on: \(entry.name)", in: entry.environments, because: "no service of that name is in the compose files")
        }
        if !result.isEmpty { carried("depends_on") }
        return result
    }

    /// The `dependsOn:` argument: `"x"`, or `.completed("x")` for one it waits to complete.
    func dependsOnArgument(_ dependencies: [String]) -> DraftArgument {
        .list("dependsOn", dependencies.map { dependency in
            let literal = SwiftLiteral.string(context.names[dependency] ?? dependency)
            return completedDependencies.contains(dependency) ? ".completed(\(literal))" : literal
        })
    }

    /// Notes `text` for the environments listed, naming them unless they are all the service's.
    mutating func note(_ text: String, in names: [String], because reason: String) {
        let everywhere = Set(names) == Set(environments.map(\.name))
        note("\(text)\(everywhere ? "" : " in " + names.joined(separator: ", ")) (\(reason))")
    }

    /// The port mappings of every environment; the first mapping's container port is the
    /// service's port, its published port (in development, where scaffold publishes) the host port.
    mutating func ports(fixed presetPort: Int? = nil, backing: Bool = false) -> (port: Int?, hostPort: Int?) {
        handled.formUnion(["ports", "expose"])
        var port: Int?
        var hostPort: Int?
        var developmentHost: Int?
        var pending: [(text: String, reason: String, environments: [String])] = []
        func later(_ text: String, _ reason: String, _ environment: ImportEnvironment) {
            if let index = pending.firstIndex(where: { $0.text == text && $0.reason == reason }) {
                pending[index].environments.append(environment.name)
            } else {
                pending.append((text, reason, [environment.name]))
            }
        }
        for (environment, value) in values("ports") {
            let mappings = (value.list ?? []).compactMap(PortMapping.parse)
            for (index, mapping) in mappings.enumerated() {
                guard index == 0, let target = mapping.containerPort, mapping.transport == "tcp", mapping.published?.contains("-") != true else {
                    later("ports: \(mapping.shortSyntax)", "scaffold publishes one TCP port per service", environment)
                    continue
                }
                if port == nil { port = target } else if port != target {
                    later("ports: \(mapping.shortSyntax)", "the container port is \(port!) elsewhere", environment)
                }
                if let published = mapping.hostPort {
                    if !environment.isDevelopment && !backing { publishedOutsideDevelopment = true }
                    if environment.isDevelopment, developmentHost == nil { developmentHost = published }
                    if hostPort == nil { hostPort = published }
                    if backing && !environment.isDevelopment {
                        later("ports: \(mapping.shortSyntax)", "scaffold publishes a backing service's port in development only", environment)
                    }
                }
                if let ip = mapping.hostIP, !["127.0.0.1", "localhost", "::1"].contains(ip) {
                    later("ports: \(mapping.shortSyntax)", "scaffold binds published ports to 127.0.0.1 in development", environment)
                }
            }
        }
        for (environment, value) in values("expose") {
            for item in value.list ?? [] {
                let exposed = item.string.flatMap { Int($0.split(separator: "/").first ?? "") }
                if port == nil, let exposed { port = exposed } else if exposed != port {
                    later("expose: \(item.string ?? "?")", "scaffold exposes the service's one port", environment)
                }
            }
        }
        for item in pending { note(item.text, in: item.environments, because: item.reason) }
        if port != nil || hostPort != nil { carried("ports") }
        if let presetPort, let target = port, target != presetPort {
            note("ports: container port \(target) (the preset listens on \(presetPort); the host port is kept)")
            movedPort = presetPort
        }
        return (port, developmentHost ?? hostPort)
    }

    /// `command:` in each environment, as words.
    mutating func commands() -> (development: [String]?, production: [String]?) {
        var all: [(ImportEnvironment, [String]?)] = []
        var secretive: [(environment: ImportEnvironment, value: YAML)] = []
        for (environment, value) in values("command") {
            let words = ShellSplit.command(value)
            if let words, CredentialRule.redacting(words) != nil {
                secretive.append((environment, value))
            } else {
                all.append((environment, words))
            }
        }
        if !secretive.isEmpty {
            note("command", secretive, because: "it holds a credential: read it from a secret variable in the command instead")
        }
        let development = all.first { $0.0.isDevelopment }?.1
        let production = all.last { !$0.0.isDevelopment }?.1
        return (development, production)
    }

    /// Notes the commands of environments other than the first development and last production one.
    mutating func noteOtherCommands(except used: [[String]?]) {
        for (environment, value) in values("command") {
            let words = ShellSplit.command(value)
            if let words, CredentialRule.redacting(words) != nil { continue }
            if !used.contains(where: { $0 == words }) {
                note("command: \(CredentialRule.describe(value, under: "command")) in \(environment.name) (scaffold has one development and one production command)")
            }
        }
    }

    /// The image each environment names; the production one wins, the others are noted.
    mutating func imageReference() -> String? {
        handled.insert("image")
        let all = values("image").compactMap { entry in entry.value.string.map { (entry.environment, $0) } }
        guard let chosen = all.last(where: { !$0.0.isDevelopment })?.1 ?? all.first?.1 else { return nil }
        for (environment, image) in all where image != chosen {
            note("image: \(image) in \(environment.name) (one image runs everywhere: \(chosen))")
        }
        return chosen
    }
}

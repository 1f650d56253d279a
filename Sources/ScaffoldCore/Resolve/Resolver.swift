import BlueprintDescription

/// Validates a blueprint and resolves it per environment. Pure: no disk, clock or environment.
public struct Resolver: Sendable {
    /// The blueprint's display path for error messages, for example `Blueprint.swift`.
    public var file: String

    /// A resolver that reports errors against `file`.
    public init(file: String = "Blueprint.swift") {
        self.file = file
    }

    /// Resolves `blueprint`, or throws a `ValidationFailure` listing every problem found.
    public func resolve(_ declared: Blueprint) throws -> ResolvedProject {
        // One canonical order (apps, then images, then backing services, each by name): moving a
        // declaration within the services array changes nothing scaffold writes.
        var blueprint = declared
        blueprint.services = Self.canonicalOrder(declared.services).map { declaredService in
            var service = declaredService
            // One dependency once, however many routes lead to it: no key twice in any file.
            var seen = Set<String>()
            service.dependsOn = declaredService.dependsOn.filter { seen.insert($0).inserted }
            // A queue is a cloud resource wherever it exists.
            if service.preset == .queue {
                service.managed = service.environments ?? declared.environments.map(\.name)
            }
            return service
        }
        var errors: [ValidationError] = []
        validateNames(blueprint, into: &errors)
        let environmentNames = Set(blueprint.environments.map(\.name))
        validateEnvironmentReferences(blueprint, known: environmentNames, into: &errors)
        validateDependencies(blueprint, into: &errors)
        validateProcesses(blueprint, into: &errors)
        validateNotifications(blueprint, into: &errors)
        validateServiceURLs(blueprint, into: &errors)
        for service in blueprint.services {
            validateValues(service, into: &errors)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors: errors, file: file) }

        let environments = blueprint.environments.map { environment in
            ResolvedEnvironment(
                name: environment.name, alias: environment.alias, mode: environment.mode,
                branch: environment.branch, requiresApproval: environment.requiresApproval,
                platforms: blueprint.targets.filter { $0.environments.contains(environment.name) }.map(\.platform))
        }
        let contexts = Dictionary(grouping: blueprint.services) { $0.path ?? "" }
        let declared = Dictionary(blueprint.services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let services = Self.sharingDotEnvEntries(Self.linkingProcesses(blueprint.services.map { service in
            resolveService(service, in: blueprint, declared: declared, environments: environments, sharedContext: (contexts[service.path ?? ""]?.filter { $0.kind == .app }.count ?? 0) > 1)
        }))
        var project = ResolvedProject(
            name: blueprint.name, registry: blueprint.registry,
            summary: blueprint.summary ?? "\(blueprint.name), deployed by scaffold",
            mainBranch: blueprint.mainBranch,
            architectures: blueprint.architectures.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            notify: blueprint.notify,
            environments: environments, services: services,
            targets: blueprint.targets, devContainer: resolveDevContainer(blueprint, services: services),
            serviceIndex: ResolvedProject.ServiceIndex(services))
        project.configFiles = ResolvedProject.configFiles(of: services)
        validateResolved(project, blueprint: blueprint, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors: errors, file: file) }
        return project
    }

    /// Services in the order every generator lists them: by kind, then by name.
    static func canonicalOrder(_ services: [Service]) -> [Service] {
        let rank: [Service.Kind: Int] = [.app: 0, .image: 1, .process: 2, .backing: 3]
        return services.enumerated().sorted { lhs, rhs in
            let left = (rank[lhs.element.kind] ?? 4, lhs.element.name, lhs.offset)
            let right = (rank[rhs.element.kind] ?? 4, rhs.element.name, rhs.offset)
            return left < right
        }.map(\.element)
    }

    /// Services that read one store key under different names (an API checking the key a UI
    /// sends as OPENAI_API_KEY) share one `.env` entry: the first name declared for the key.
    static func sharingDotEnvEntries(_ services: [ResolvedService]) -> [ResolvedService] {
        var first: [String: String] = [:]
        // A backing preset's own secret names its `.env` entry (POSTGRES_PASSWORD, not the
        // DB_PASSWORD a dependent reads it as); otherwise the first name declared does.
        for presetsFirst in [true, false] {
            for service in services {
                for instance in service.instances {
                    for variable in instance.variables where !presetsFirst || variable.origin == .preset {
                        guard let secret = variable.secret, first[secret.key] == nil else { continue }
                        first[secret.key] = secret.name
                    }
                }
            }
        }
        return services.map { service in
            var service = service
            for index in service.instances.indices {
                for slot in service.instances[index].variables.indices {
                    guard let secret = service.instances[index].variables[slot].secret,
                          let name = first[secret.key], name != secret.name else { continue }
                    service.instances[index].variables[slot].secret?.envName = name
                }
            }
            return service
        }
    }

    // MARK: - Validation of the declaration

    /// True for a valid DNS-1123 label (project, service and environment names).
    public static func isValidName(_ name: String) -> Bool { isDNSLabel(name) && name.first?.isLetter == true }

    /// The largest replica or autoscaling count: Kubernetes stores them as int32.
    public static let maximumReplicas = Int(Int32.max)

    /// A DNS host name: dot-separated labels of letters, digits and `-`, at most 253 characters.
    static func isHostName(_ text: String) -> Bool {
        let labels = text.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        return text.count <= 253 && labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        }
    }

    /// An IPv4 (`203.0.113.0/24`) or IPv6 (`2001:db8::/32`) CIDR block.
    static func isCIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]) else { return false }
        let address = parts[0]
        if address.contains(":") {
            return (0...128).contains(prefix) && address.allSatisfy { $0 == ":" || $0.isHexDigit }
        }
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        return (0...32).contains(prefix) && octets.count == 4 && octets.allSatisfy { Int($0).map { (0...255).contains($0) } ?? false }
    }

    static func isDNSLabel(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 63 else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard name.allSatisfy({ allowed.contains($0) }) else { return false }
        return name.first != "-" && name.last != "-"
    }

    private func validateNames(_ blueprint: Blueprint, into errors: inout [ValidationError]) {
        if !Self.isValidName(blueprint.name) {
            errors.append(.invalidName(kind: "project", name: blueprint.name, at: blueprint.location))
        }
        if let summary = blueprint.summary, Self.breaksLines(summary) {
            errors.append(.invalidValue(service: blueprint.name, field: "summary", problem: "must be one line without control characters: it is written into comments of generated files", at: blueprint.location))
        }
        if blueprint.services.isEmpty {
            errors.append(.invalidValue(service: blueprint.name, field: "services", problem: "is empty: declare at least one service (rendering nothing would delete the whole generated layer)", at: blueprint.location))
        }
        if blueprint.environments.isEmpty { errors.append(.noEnvironments(at: blueprint.location)) }
        var seenEnvironments: Set<String> = []
        for environment in blueprint.environments {
            if !Self.isDNSLabel(environment.name) {
                errors.append(.invalidName(kind: "environment", name: environment.name, at: blueprint.location))
            }
            if !seenEnvironments.insert(environment.name).inserted {
                errors.append(.duplicateName(kind: "environment", name: environment.name, at: blueprint.location, first: nil))
            }
        }
        // Scripts accept names and aliases interchangeably, so together they must be unique.
        var spellings = Set(blueprint.environments.map(\.name))
        for environment in blueprint.environments {
            guard let alias = environment.alias else { continue }
            if !Self.isDNSLabel(alias) {
                errors.append(.invalidName(kind: "environment alias", name: alias, at: blueprint.location))
            }
            if !spellings.insert(alias).inserted {
                errors.append(.duplicateName(kind: "environment name or alias", name: alias, at: blueprint.location, first: nil))
            }
        }
        var seen: [String: SourceLocation] = [:]
        for service in blueprint.services {
            if !Self.isValidName(service.name) {
                errors.append(.invalidName(kind: "service", name: service.name, at: service.location))
            }
            if let first = seen[service.name] {
                errors.append(.duplicateName(kind: "service", name: service.name, at: service.location, first: first))
            } else {
                seen[service.name] = service.location
            }
        }
    }

    private func validateEnvironmentReferences(_ blueprint: Blueprint, known: Set<String>, into errors: inout [ValidationError]) {
        func check(_ names: [String], _ usedBy: String, _ at: SourceLocation) {
            for name in names where !known.contains(name) {
                errors.append(.unknownEnvironment(name: name, usedBy: usedBy, at: at))
            }
        }
        for service in blueprint.services {
            let who = "service '\(service.name)'"
            check(service.environments ?? [], "\(who) environments:", service.location)
            check(service.managed, "\(who) managed:", service.location)
            check(Array(service.replicas.keys).sorted(), "\(who) replicas:", service.location)
            check(Array(service.autoscale.keys).sorted(), "\(who) autoscale:", service.location)
            check(Array(service.resourcesPerEnvironment.keys).sorted(), "\(who) resourcesPerEnvironment:", service.location)
            for (name, setting) in service.environment.sorted(by: { $0.key < $1.key }) {
                check(Array(setting.values.keys).sorted(), "\(who) variable \(name)", service.location)
                check(setting.url?.environments ?? [], "\(who) variable \(name)", setting.url?.location ?? service.location)
            }
            for secret in service.secrets {
                check(secret.environments ?? [], "\(who) secret \(secret.name)", service.location)
            }
            for volume in service.volumes {
                check(volume.environments ?? [], "\(who) volume \(volume.target)", service.location)
            }
        }
        for target in blueprint.targets {
            check(target.environments, "target \(target.platform.rawValue)", target.location)
        }
    }

    private func validateNotifications(_ blueprint: Blueprint, into errors: inout [ValidationError]) {
        for notification in blueprint.notify where notification.secret.range(of: "^[A-Z][A-Z0-9_]*$", options: .regularExpression) == nil {
            errors.append(.invalidValue(service: blueprint.name, field: "notify secret '\(notification.secret)'", problem: "is not a GitHub secret name: use capitals, digits and '_', like DEPLOY_WEBHOOK_URL", at: blueprint.location))
        }
    }

    private func validateDependencies(_ blueprint: Blueprint, into errors: inout [ValidationError]) {
        let byName = Dictionary(blueprint.services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for service in blueprint.services {
            for dependency in service.dependsOn where byName[dependency] == nil {
                errors.append(.unknownDependency(service: service.name, dependency: dependency, at: service.location, known: byName.keys.sorted()))
            }
            if !service.scrapeTargets.isEmpty && service.preset != .prometheus {
                errors.append(.invalidValue(service: service.name, field: "scrapeTargets", problem: "are read only by a Prometheus preset: declare them with `.prometheus(scrape: [...])`", at: service.location))
            }
            if let path = service.metricsPath, !blueprint.services.contains(where: { $0.preset == .prometheus && $0.scrapeTargets.contains(service.name) }) {
                errors.append(.invalidValue(service: service.name, field: "metricsPath '\(path)'", problem: "is read only by a Prometheus service that scrapes '\(service.name)': add it to `.prometheus(scrape: [...])`, or remove metricsPath", at: service.location))
            }
            // Two dependencies that would inject the same variable: the last one silently won.
            var injected: [String: String] = [:]
            for dependency in service.dependsOn {
                guard let preset = byName[dependency]?.preset else { continue }
                let injects = byName[dependency]?.injects
                let names = preset == .queue ? [Self.queueVariable(dependency)]
                    : injects?.prefix.map { PresetSpec.of(preset).partNames(prefix: $0) } ?? [PresetSpec.of(preset).injection(injects)?.variable].compactMap { $0 }
                for name in names {
                    if let other = injected[name], other != dependency {
                        if service.environment[name] == nil && !service.secrets.contains(where: { $0.name == name }) {
                            errors.append(.invalidValue(service: service.name, field: "dependsOn '\(other)' and '\(dependency)'", problem: "both inject \(name), so one would silently replace the other: keep one of them in dependsOn, or set \(name) yourself in `environment:` or `secrets:` and read the other's address from its own variable", at: service.location))
                        }
                    } else {
                        injected[name] = dependency
                    }
                }
            }
            for target in service.scrapeTargets where byName[target] == nil {
                errors.append(.unknownDependency(service: service.name, dependency: target, at: service.location, known: byName.keys.sorted()))
            }
            for (prefix, upstream) in service.routes.sorted(by: { $0.key < $1.key }) {
                if service.kind == .app && service.runtime?.language != .staticSite {
                    errors.append(.invalidValue(service: service.name, field: "routes", problem: "are for static sites (their nginx proxies the prefixes) and proxy presets; route in your app's own code instead", at: service.location))
                    break
                }
                if !prefix.hasPrefix("/") {
                    errors.append(.invalidValue(service: service.name, field: "route '\(prefix)'", problem: "must be a path prefix starting with '/', like \"/api/\"", at: service.location))
                }
                if byName[upstream] == nil {
                    errors.append(.unknownDependency(service: service.name, dependency: upstream, at: service.location, known: byName.keys.sorted()))
                } else if service.kind == .app, byName[upstream]?.port == nil && byName[upstream]?.preset == nil {
                    errors.append(.invalidValue(service: service.name, field: "route '\(prefix)' to '\(upstream)'", problem: "goes to a service without a port: give '\(upstream)' a `port:`", at: service.location))
                } else if !service.dependsOn.contains(upstream) {
                    errors.append(.invalidValue(service: service.name, field: "route '\(prefix)' to '\(upstream)'", problem: "needs '\(upstream)' in dependsOn, so it starts first and the network policies let the traffic through", at: service.location))
                }
            }
        }
        // Depth-first search for a cycle; report each cycle once, at its first service.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported: Set<Set<String>> = []
        func visit(_ name: String, _ path: [String]) {
            guard let service = byName[name] else { return }
            state[name] = 1
            for dependency in service.dependsOn where byName[dependency] != nil {
                if state[dependency] == 1 {
                    let start = path.firstIndex(of: dependency) ?? 0
                    let cycle = Array(path[start...]) + [name, dependency]
                    let members = Set(cycle)
                    if reported.insert(members).inserted, let first = byName[cycle[0]] {
                        errors.append(.dependencyCycle(path: cycle.count > 2 && cycle[0] == cycle[1] ? Array(cycle.dropFirst()) : cycle, at: first.location))
                    }
                } else if state[dependency] == nil {
                    visit(dependency, path + [name])
                }
            }
            state[name] = 2
        }
        for service in blueprint.services where state[service.name] == nil {
            visit(service.name, [])
        }
    }

    /// The port a service listens on: its own, or its preset's.
    static func port(of service: Service) -> Int? {
        service.port ?? service.preset.map(PresetSpec.of).flatMap { $0.cloudOnly ? nil : $0.port }
    }

    /// The name a cloud gives the queue `service` in `environment`: `<project>-<environment>-<name>`.
    static func queueName(_ service: String, project: String, environment: String) -> String {
        "\(project)-\(environment)-\(service)"
    }

    /// The variable a queue's dependents read: `TASKS_QUEUE` for the queue `tasks`.
    static func queueVariable(_ service: String) -> String {
        service.uppercased().replacingOccurrences(of: "-", with: "_") + "_QUEUE"
    }

    /// Every `.url(of:)` names another declared service that listens on a port and runs as a
    /// container wherever the variable is set; its path starts with `/`.
    private func validateServiceURLs(_ blueprint: Blueprint, into errors: inout [ValidationError]) {
        let byName = Dictionary(blueprint.services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let environments = blueprint.environments.map(\.name)
        for service in blueprint.services {
            for (name, setting) in service.environment.sorted(by: { $0.key < $1.key }) {
                guard let url = setting.url else { continue }
                func fail(_ problem: String) {
                    errors.append(.invalidServiceURL(service: service.name, variable: name, target: url.service, problem: problem, at: url.location))
                }
                guard let target = byName[url.service] else {
                    let others = blueprint.services.map(\.name).filter { $0 != service.name }
                    fail("no service is called '\(url.service)': name one of \(others.map { "'\($0)'" }.joined(separator: ", ")), or declare it")
                    continue
                }
                if target.name == service.name {
                    fail("that is the service itself: write its local address as a plain value (\"http://localhost:PORT\")")
                    continue
                }
                guard Self.port(of: target) != nil else {
                    fail("'\(target.name)' listens on no port, so it has no URL: give it `port:`, or point at a service that has one")
                    continue
                }
                if !url.path.isEmpty && !url.path.hasPrefix("/") {
                    fail("the path '\(url.path)' doesn't start with '/': write `path: \"/\(url.path)\"`")
                }
                let set = environments.filter { (service.environments?.contains($0) ?? true) && url.applies(in: $0) }
                let absent = set.filter { !(target.environments?.contains($0) ?? true) }
                if !absent.isEmpty {
                    fail("'\(target.name)' doesn't run in \(absent.joined(separator: ", ")), where '\(service.name)' does: run '\(target.name)' there too, or set the variable only where it runs with `.url(of: \"\(target.name)\", environments: [...])`")
                }
                let managed = set.filter { target.managed.contains($0) && !absent.contains($0) }
                if !managed.isEmpty {
                    fail("'\(target.name)' is cloud-managed in \(managed.joined(separator: ", ")), where it is no service with a URL: list it in `dependsOn:` to get its connection setting injected, or limit the variable with `environments:`")
                }
            }
        }
    }

    static let secretLikeName = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"]

    /// True when `value` embeds a credential, such as `postgres://user:pass@db/app`.
    public static func embedsCredential(_ value: String) -> Bool {
        guard let scheme = value.range(of: "://") else { return false }
        let rest = value[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return false }
        let userInfo = rest[..<at]
        guard !userInfo.contains("/") else { return false }
        return userInfo.contains(":")
    }

    /// Whether `text` has a character that would end a line in a comment of some generated file.
    static func breaksLines(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }
    }

    private func validateValues(_ service: Service, into errors: inout [ValidationError]) {
        let at = service.location
        if let summary = service.summary, Self.breaksLines(summary) {
            errors.append(.invalidValue(service: service.name, field: "summary", problem: "must be one line without control characters: it is written into comments of generated files", at: at))
        }
        for (name, setting) in service.environment.sorted(by: { $0.key < $1.key }) {
            let values = ([setting.defaultValue].compactMap { $0 } + setting.values.values.sorted())
            let upper = name.uppercased()
            let nameLooksSecret = Self.secretLikeName.contains { upper.contains($0) }
            if values.contains(where: Self.embedsCredential) || values.contains(where: { CredentialPatterns.match($0) != nil })
                || (nameLooksSecret && values.contains { !$0.isEmpty && $0.lowercased() != "false" && $0.lowercased() != "true" }) {
                errors.append(.secretGivenAsValue(service: service.name, variable: name, at: at))
            }
            if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) || name.first?.isNumber == true {
                errors.append(.invalidValue(service: service.name, field: "environment variable '\(name)'", problem: "is not a valid variable name: use letters, digits and '_'", at: at))
            }
        }
        var seenSecrets: Set<String> = []
        for secret in service.secrets {
            let valid = !secret.name.isEmpty && secret.name.first?.isNumber == false
                && secret.name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
            if !valid { errors.append(.secretNameInvalid(service: service.name, secret: secret.name, at: at)) }
            if !seenSecrets.insert(secret.name).inserted {
                errors.append(.duplicateName(kind: "secret", name: secret.name, at: at, first: nil))
            }
            if service.environment[secret.name] != nil {
                errors.append(.invalidValue(service: service.name, field: "variable \(secret.name)", problem: "is both a plain variable and a secret: keep it in one of them", at: at))
            }
        }
        var paths: [String] = []
        if let path = service.path { paths.append(path) }
        paths += service.volumes.filter { $0.kind == .bind || $0.kind == .file }.map(\.source)
        paths += service.envFiles
        for file in service.envFiles where file.isEmpty || file.hasSuffix("/") || Self.breaksLines(file) {
            errors.append(.invalidValue(service: service.name, field: "envFiles '\(file)'", problem: "names no file: give a project-relative path like \"config/worker.env\"", at: at))
        }
        if Set(service.envFiles).count != service.envFiles.count {
            errors.append(.invalidValue(service: service.name, field: "envFiles", problem: "lists a file twice: list each once", at: at))
        }
        var fileKeys: [String: String] = [:]
        for volume in service.volumes where volume.kind == .file {
            let key = volume.fileKey
            if key.isEmpty || key == "." || key == ".." || volume.source.hasSuffix("/") {
                errors.append(.invalidValue(service: service.name, field: "file '\(volume.source)'", problem: "names no file: give the project-relative path of a file, like \"config/app.toml\"", at: at))
            } else if key.range(of: "^[-._a-zA-Z0-9]+$", options: .regularExpression) == nil {
                errors.append(.invalidValue(service: service.name, field: "file '\(volume.source)'", problem: "has a name a ConfigMap key can't hold: use letters, digits, '-', '_' and '.'", at: at))
            } else if let other = fileKeys[key] {
                errors.append(.invalidValue(service: service.name, field: "file '\(volume.source)'", problem: "has the same name as '\(other)': a service's files are one ConfigMap keyed by file name; rename one", at: at))
            } else {
                fileKeys[key] = volume.source
            }
        }
        for path in paths where Self.escapesProject(path) {
            errors.append(.pathEscapesProject(service: service.name, path: path, at: at))
        }
        for volume in service.volumes where !volume.target.hasPrefix("/") {
            errors.append(.invalidValue(service: service.name, field: "volume target '\(volume.target)'", problem: "must be an absolute path inside the container", at: at))
        }
        for egress in service.egress {
            let what = egress.host ?? egress.network ?? "?"
            if !(1...65535).contains(egress.port) {
                errors.append(.invalidValue(service: service.name, field: "egress to \(what)", problem: "has port \(egress.port), outside 1-65535", at: at))
            }
            if let host = egress.host, !Self.isHostName(host) {
                errors.append(.invalidValue(service: service.name, field: "egress host '\(host)'", problem: "is not a DNS name: write it like `api.example.com`, or use `.network(\"203.0.113.0/24\", port:)` for addresses", at: at))
            }
            if let network = egress.network, !Self.isCIDR(network) {
                errors.append(.invalidValue(service: service.name, field: "egress network '\(network)'", problem: "is not a CIDR block: write it like `203.0.113.0/24`", at: at))
            }
        }
        for port in [service.port, service.hostPort].compactMap({ $0 }) where !(1...65535).contains(port) {
            errors.append(.invalidValue(service: service.name, field: "port \(port)", problem: "is outside 1-65535", at: at))
        }
        if let settings = service.processSettings {
            if let user = settings.user, !(1...Int(Int32.max)).contains(user) {
                errors.append(.invalidValue(service: service.name, field: "processSettings user \(user)", problem: user == 0 ? "is root, which every platform scaffold targets runs without (runAsNonRoot): give a user id of 1 or more" : "is not a user id: give a number between 1 and \(Int32.max)", at: at))
            }
            if let shm = settings.shmSize, shm.mebibytes <= 0 {
                errors.append(.invalidValue(service: service.name, field: "processSettings shmSize \"\(shm.literal)\"", problem: "is not a size: write it like \"1Gi\" or \"256Mi\"", at: at))
            }
            if let files = settings.openFiles, !(64...1_048_576).contains(files) {
                errors.append(.invalidValue(service: service.name, field: "processSettings openFiles \(files)", problem: "must be between 64 and 1048576", at: at))
            }
            if let gpus = settings.gpus, !(1...64).contains(gpus) {
                errors.append(.invalidValue(service: service.name, field: "processSettings gpus \(gpus)", problem: "must be between 1 and 64 (leave it out for none)", at: at))
            }
            if settings.entrypoint?.isEmpty == true {
                errors.append(.invalidValue(service: service.name, field: "processSettings entrypoint", problem: "is empty: leave it out to keep the image's", at: at))
            }
        }
        var portNames: Set<String> = [], portNumbers: Set<String> = []
        if let port = service.port { portNumbers.insert("tcp/\(port)") }
        for port in service.ports {
            if port.name.count > 15 || port.name.range(of: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", options: .regularExpression) == nil || !port.name.contains(where: \.isLetter) || port.name.contains("--") {
                errors.append(.invalidValue(service: service.name, field: "port name '\(port.name)'", problem: "is not a port name: lowercase letters, digits and single '-', at least one letter, at most 15 characters, like \"grpc\" or \"metrics\"", at: at))
            }
            if ["http", "tcp"].contains(port.name) || !portNames.insert(port.name).inserted {
                errors.append(.invalidValue(service: service.name, field: "port name '\(port.name)'", problem: "is used twice (`port:` is called http or tcp): give each port its own name", at: at))
            }
            for number in [port.number, port.hostPort].compactMap({ $0 }) where !(1...65535).contains(number) {
                errors.append(.invalidValue(service: service.name, field: "port '\(port.name)' \(number)", problem: "is outside 1-65535", at: at))
            }
            if !portNumbers.insert("\(port.transport.rawValue)/\(port.number)").inserted {
                errors.append(.invalidValue(service: service.name, field: "port '\(port.name)' \(port.number)/\(port.transport.rawValue)", problem: "is declared twice (or is `port:` too): list each port once", at: at))
            }
        }
        let memories = [service.resources] + service.resourcesPerEnvironment.values.map { $0 }
        for resources in memories where resources.memoryMiB <= 0 || resources.memoryLimitMiB <= 0 || resources.cpuMillis <= 0 {
            errors.append(.invalidValue(service: service.name, field: "resources", problem: "need positive CPU and memory written like \"512Mi\" or \"2Gi\"", at: at))
        }
        for resources in memories where resources.memoryLimitMiB < resources.memoryMiB || resources.cpuLimitMillis < resources.cpuMillis {
            errors.append(.invalidValue(service: service.name, field: "resources", problem: "have a limit below the request: raise the limit or lower the request", at: at))
        }
        for (environment, scale) in service.autoscale.sorted(by: { $0.key < $1.key }) where scale.min < 1 || scale.max < scale.min || scale.max > Self.maximumReplicas || !(1...100).contains(scale.cpuPercent) {
            errors.append(.invalidValue(service: service.name, field: "autoscale in \(environment)", problem: "needs 1 <= min <= max <= \(Self.maximumReplicas) and a CPU target between 1 and 100", at: at))
        }
        for environment in Set(service.replicas.keys).intersection(service.autoscale.keys).sorted() {
            errors.append(.invalidValue(service: service.name, field: "replicas and autoscale in \(environment)", problem: "conflict: an autoscaled service's replica count is the autoscaler's (min \(service.autoscale[environment]?.min ?? 1)); remove `\(environment)` from `replicas:` or from `autoscale:`", at: at))
        }
        for size in service.volumes.compactMap(\.size) + [service.storage].compactMap({ $0 }) where size.mebibytes <= 0 {
            errors.append(.invalidValue(service: service.name, field: "volume size \"\(size.literal)\"", problem: "is not a size: write it like \"20Gi\" or \"512Mi\"", at: at))
        }
        for (name, setting) in service.environment.sorted(by: { $0.key < $1.key }) {
            guard let host = setting.hostVariable else { continue }
            if !host.isEmpty, host.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) == nil {
                errors.append(.invalidValue(service: service.name, field: "'\(name)' from the host variable '\(host)'", problem: "needs a variable name: letters, digits and '_'", at: at))
            }
            if ([setting.defaultValue].compactMap { $0 } + setting.values.values).contains(where: { $0.contains("}") }) {
                errors.append(.invalidValue(service: service.name, field: "'\(name)'", problem: "is a .host(...) default with '}', which would end compose's ${VAR:-default}: leave it out of the default", at: at))
            }
        }
        if let injects = service.injects {
            if service.preset.flatMap({ PresetSpec.of($0).connectionVariable }) == nil {
                errors.append(.invalidValue(service: service.name, field: "injects", problem: "is for backing presets that hand dependents a connection URL (redis, postgres, mysql, mongodb, rabbitmq)", at: at))
            }
            if let name = injects.variable, name.range(of: "^[A-Z_][A-Z0-9_]*$", options: .regularExpression) == nil {
                errors.append(.invalidValue(service: service.name, field: "injects '\(name)'", problem: "is not a variable name: use capitals, digits and '_', like REDIS_CACHE_URL", at: at))
            }
            if let scheme = injects.scheme, scheme.range(of: "^[a-z][a-z0-9+.-]*$", options: .regularExpression) == nil {
                errors.append(.invalidValue(service: service.name, field: "injects scheme '\(scheme)'", problem: "is not a URL scheme: use lowercase letters, digits, '+', '.' and '-', like postgresql+psycopg2", at: at))
            }
            if let prefix = injects.prefix, prefix.range(of: "^[A-Z][A-Z0-9_]*$", options: .regularExpression) == nil || prefix.hasSuffix("_") {
                errors.append(.invalidValue(service: service.name, field: "injects .parts(prefix: \"\(prefix)\")", problem: "needs a prefix of capitals, digits and '_' that doesn't end in '_', like DB", at: at))
            }
            if injects.prefix != nil && !service.managed.isEmpty {
                errors.append(.invalidValue(service: service.name, field: "injects .parts", problem: "can't apply where the cloud manages it (\(service.managed.joined(separator: ", "))): Terraform hands dependents one connection URL; read it as the URL there, or drop `managed:`", at: at))
            }
            if injects.scheme != nil && !service.managed.isEmpty {
                errors.append(.invalidValue(service: service.name, field: "injects scheme", problem: "can't apply where the cloud manages it (\(service.managed.joined(separator: ", "))): the URL Terraform writes uses the preset's scheme; rewrite it in the app, or keep the scheme", at: at))
            }
        }
        if service.storage != nil && (service.preset.map { PresetSpec.of($0).dataPath == nil } ?? true) {
            errors.append(.invalidValue(service: service.name, field: "storage", problem: "sizes a backing preset's data volume, and this service has none: size its own volumes with `.named(..., size:)`", at: at))
        }
        for volume in service.volumes where volume.size != nil && volume.kind != .named {
            errors.append(.invalidValue(service: service.name, field: "volume \(volume.target)", problem: "has a size, which only named volumes take", at: at))
        }
        for (environment, count) in service.replicas.sorted(by: { $0.key < $1.key }) where count < 0 || count > Self.maximumReplicas {
            errors.append(.invalidValue(service: service.name, field: "replicas in \(environment)", problem: "must be between 0 and \(Self.maximumReplicas) (Kubernetes and the clouds count replicas in 32 bits)", at: at))
        }
        if let image = service.image, !Self.isPinned(image) {
            errors.append(.unpinnedImage(service: service.name, image: image, at: at))
        }
        if service.kind == .app && service.runtime == nil {
            errors.append(.invalidValue(service: service.name, field: "runtime", problem: "is required for an app", at: at))
        }
        if let preset = service.preset, !service.managed.isEmpty, !PresetSpec.of(preset).manageable {
            errors.append(.invalidValue(service: service.name, field: "managed", problem: "is only offered for redis, postgres and mysql; scaffold has no managed \(preset.rawValue)", at: at))
        }
        // An app in no environment is only built and published (an image others run, such as an
        // MCP stdio server); anything else would be dead.
        if let environments = service.environments, environments.isEmpty, service.kind != .app {
            errors.append(.invalidValue(service: service.name, field: "environments", problem: "is empty: list at least one environment or remove the service (only an `.app` may be published without running anywhere)", at: at))
        }
    }

    /// True when a project-relative `path` leaves the project (absolute, or `..` past the root).
    static func escapesProject(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("~") { return true }
        var depth = 0
        for component in path.split(separator: "/") {
            switch component {
            case ".", "": continue
            case "..": depth -= 1
            default: depth += 1
            }
            if depth < 0 { return true }
        }
        return false
    }

    /// True when an image reference names a digest or a tag other than `latest`.
    static func isPinned(_ image: String) -> Bool {
        if image.contains("@sha256:") { return true }
        let lastComponent = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastComponent.lastIndex(of: ":") else { return false }
        let tag = lastComponent[lastComponent.index(after: colon)...]
        return !tag.isEmpty && tag != "latest"
    }
}

import BlueprintDescription
import Foundation

extension ServiceImporter {
    // MARK: - Environment variables and secrets

    /// `environment:` as the blueprint's plain variables (`"KEY": setting` items) and secret names.
    /// A credential becomes a secret (its value never written); a connection a dependency
    /// injects is left to it; an address of another service becomes `.url(of:)`.
    mutating func variables(dependencies: [String]) -> (environment: [String], secrets: [String]) {
        handled.insert("environment")
        var names: [String] = []
        for (_, value) in values("environment") {
            for key in value.keys where !names.contains(key) { names.append(key) }
        }
        var injected: [String: String] = [:]
        for dependency in dependencies {
            if let variable = context.connectionVariable(of: dependency) { injected[variable] = context.names[dependency] ?? dependency }
        }
        var environment: [String] = []
        var secrets: [String] = []
        for variable in names.sorted() {
            let perEnvironment: [(environment: ImportEnvironment, raw: YAML?)] = definitions.map { ($0.environment, $0.definition["environment"]?[variable]) }
            let kinds: [(environment: ImportEnvironment, value: ComposeValue?, passThrough: Bool)] = perEnvironment.map { entry in
                guard let raw = entry.raw else { return (entry.environment, nil, false) }
                guard let text = raw.string else { return (entry.environment, nil, true) }
                return (entry.environment, ComposeValue.classify(text), false)
            }
            guard variable.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
                note("environment \(variable) (not a variable name the platforms accept: use letters, digits and '_')")
                drop(variable)
                continue
            }
            let literals = kinds.compactMap { kind -> String? in
                if case let .literal(text)? = kind.value { return text }
                return nil
            }
            let credential = literals.contains { CredentialRule.isCredential(name: variable, value: $0) }
            let fromOutside = kinds.contains { kind in
                if kind.passThrough { return true }
                if case .reference(_, nil)? = kind.value { return true }
                if case .reference? = kind.value, CredentialRule.nameLooksSecret(variable) { return true }
                return false
            }
            if let dependency = injected[variable], credential || fromOutside {
                note("environment \(variable) (a credential: dependsOn: \"\(dependency)\" injects \(variable))")
                carried("\(variable) from \(dependency)")
                continue
            }
            if credential || fromOutside {
                let set = kinds.filter { kind in
                    if kind.passThrough { return true }
                    switch kind.value {
                    case let .literal(text)?: return !text.isEmpty
                    case .reference?, .embedded?: return true
                    case nil: return false
                    }
                }.map(\.environment)
                guard variable.first?.isNumber == false, variable.allSatisfy({ $0.isASCII }) else {
                    note("environment \(variable) (a credential, but not a secret name scaffold accepts: use ASCII letters, digits and '_')")
                    drop(variable)
                    continue
                }
                secrets.append(set.count == environments.count ? SwiftLiteral.string(variable) : ".secret(\(SwiftLiteral.string(variable)), environments: \(SettingSpelling.list(set)))")
                for kind in kinds {
                    guard let value = kind.value else { continue }
                    switch value {
                    case let .reference(name, _) where !credential:
                        check("\(variable) came from the shell or .env (\(name == variable ? "${\(variable)}" : "${\(name)}")), so it is a secret here: its value goes in .env or the secret store")
                    case .embedded where !credential:
                        check("\(variable) was built from variables of the shell or .env; it is a secret here: put its whole value in .env")
                    case .literal(""):
                        note("environment \(variable) in \(kind.environment.name) (empty there; the secret is not set in \(kind.environment.name))")
                    default: break
                    }
                }
                if kinds.contains(where: \.passThrough), !credential {
                    check("\(variable) is passed through from the shell or .env, so it is a secret here: its value goes in .env or the secret store")
                }
                carried("secret \(variable)")
                continue
            }
            if let embedded = kinds.first(where: { if case .embedded? = $0.value { return true } else { return false } }), case let .embedded(raw)? = embedded.value {
                note("environment \(variable): \(CredentialRule.describe(.string(raw), under: variable)) (compose fills in ${...} from the shell or .env: write the value itself, or make it a secret)")
                drop(variable)
                continue
            }
            let resolved: [(environment: ImportEnvironment, value: String?)] = kinds.map { kind in
                switch kind.value {
                case let .literal(text)?: return (kind.environment, text)
                case let .reference(name, fallback)?:
                    check("\(variable) read ${\(name)} from the shell or .env; its default \(fallback ?? "") is the value here")
                    return (kind.environment, fallback ?? "")
                default: return (kind.environment, nil)
                }
            }
            if let url = serviceURL(resolved) {
                environment.append("\(SwiftLiteral.string(variable)): \(url)")
                carried("\(variable) as .url(of:)")
                continue
            }
            environment.append("\(SwiftLiteral.string(variable)): \(SettingSpelling.expression(resolved))")
        }
        if !environment.isEmpty { carried("environment (\(environment.count))") }
        return (environment, secrets)
    }

    /// `.url(of: "api", path: "/v1")` when every environment sets the same `http://<service>:<port>...`
    /// of another service that runs wherever this one does.
    func serviceURL(_ values: [(environment: ImportEnvironment, value: String?)]) -> String? {
        let set = Set(values.map(\.value))
        guard set.count == 1, let value = set.first ?? nil else { return nil }
        guard let host = RuntimeDetector.first(#"^http://([A-Za-z0-9][A-Za-z0-9_.-]*):[0-9]+(?:/.*)?$"#, in: value),
              let port = RuntimeDetector.first(#"^http://[^:/]+:([0-9]+)"#, in: value).flatMap({ Int($0) }),
              host != composeName, let target = context.names[host], context.ports[host] == port else { return nil }
        let targetEnvironments = Set(context.environments(of: host).map(\.name))
        guard environments.allSatisfy({ targetEnvironments.contains($0.name) }) else { return nil }
        let path = RuntimeDetector.first(#"^http://[^/]+(/.*)$"#, in: value) ?? ""
        return ".url(of: \(SwiftLiteral.string(target))\(path.isEmpty ? "" : ", path: \(SwiftLiteral.string(path))"))"
    }

    // MARK: - Volumes

    /// `volumes:` and `tmpfs:` as `.named` and `.bind` volumes and writable paths.
    mutating func storage() -> (volumes: [String], writable: [String]) {
        handled.formUnion(["volumes", "tmpfs"])
        var mounts: [(mount: VolumeMount, entry: YAML, environments: [ImportEnvironment])] = []
        for (environment, value) in values("volumes") {
            for entry in value.list ?? [] {
                guard let mount = VolumeMount.parse(entry) else {
                    note("volumes", [(environment, entry)], because: "no container path")
                    continue
                }
                if let index = mounts.firstIndex(where: { $0.mount == mount }) {
                    mounts[index].environments.append(environment)
                } else {
                    mounts.append((mount, entry, [environment]))
                }
            }
        }
        var volumes: [String] = []
        var writable: [String] = []
        let all = environments.map(\.name)
        for (mount, entry, where_) in mounts {
            let shown = CredentialRule.describe(entry, under: "volumes")
            let names = where_.map(\.name)
            let target = SwiftLiteral.string(mount.target)
            switch mount.kind {
            case .named:
                let volume = ImportContext.blueprintName(mount.source)
                if volume != mount.source { check("the volume \(mount.source) is called \(volume) here: Kubernetes names allow no '_', '.' or capitals") }
                let scope = names == all ? "" : ", environments: \(SettingSpelling.list(where_))"
                // Mounted by several services: one volume they share (ReadWriteMany on Kubernetes).
                let factory = context.sharedVolumes.contains(mount.source) ? "shared" : "named"
                volumes.append(".\(factory)(\(SwiftLiteral.string(volume)), at: \(target)\(scope))")
                if !mount.options.isEmpty { note("volumes: \(shown) (mounted without \(mount.options.joined(separator: ",")))") }
                carried("volume \(volume)")
            case .bind:
                guard let path = context.relativePath(mount.source) else {
                    note("volumes: \(shown) (outside the project: a blueprint mounts project folders only)")
                    continue
                }
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: context.root.appendingPathComponent(path).path, isDirectory: &isDirectory)
                if exists && !isDirectory.boolValue {
                    // A file from the repository (a config file, an init script): mounted
                    // read-only in every environment, a ConfigMap on Kubernetes.
                    volumes.append(".file(\(SwiftLiteral.string(path)), at: \(target))")
                    if names != all { note("volumes: \(shown) (a file is mounted in every environment the service runs in)") }
                    if !mount.options.contains("ro") && !mount.options.contains("read_only") { note("volumes: \(shown) (mounted read-only)") }
                    carried("file \(path)")
                    continue
                }
                let production = where_.filter { !$0.isDevelopment }
                if !production.isEmpty {
                    note("volumes: \(shown) in \(production.map(\.name).joined(separator: ", ")) (bind mounts are development-only in scaffold: use .named(...) for data that must persist)")
                }
                guard where_.contains(where: \.isDevelopment) else { continue }
                volumes.append(".bind(\(SwiftLiteral.string(path)), at: \(target))")
                if !mount.options.isEmpty { note("volumes: \(shown) (mounted without \(mount.options.joined(separator: ",")))") }
                carried("bind \(path)")
            case .anonymous:
                note("volumes: \(shown)\(names == all ? "" : " in " + names.joined(separator: ", ")) (an anonymous volume: name it with .named(...) to keep its data)")
            case .tmpfs:
                writable.append(mount.target)
            case .other:
                note("volumes: \(shown) (scaffold mounts named volumes, project folders and scratch space)")
            }
        }
        for (_, value) in values("tmpfs") {
            for item in value.list ?? [value] {
                guard let path = item.string?.split(separator: ":").first.map(String.init) else { continue }
                if !writable.contains(path) { writable.append(path) }
            }
        }
        if !writable.isEmpty { carried("tmpfs as writablePaths") }
        var seen: Set<String> = []
        return (volumes.filter { seen.insert($0).inserted }, writable)
    }

    // MARK: - Health checks

    /// `healthcheck:` as `.http("/path")` when it fetches the service's own port, else `.command([...])`.
    mutating func health(port: Int?) -> String? {
        handled.insert("healthcheck")
        let all = values("healthcheck")
        guard let chosen = (all.last { !$0.environment.isDevelopment } ?? all.first) else { return nil }
        for entry in all where entry.value != chosen.value {
            note("healthcheck", [entry], because: "one health check for every environment")
        }
        let check = chosen.value
        if check["disable"]?.string == "true" {
            note("healthcheck: {disable: true} (scaffold checks every service it can)")
            return nil
        }
        var words: [String] = []
        var shell: String?
        if let items = check["test"]?.list?.map({ $0.string ?? "" }) {
            switch items.first {
            case "CMD": words = Array(items.dropFirst())
            case "CMD-SHELL": shell = items.dropFirst().joined(separator: " ")
            case "NONE":
                note("healthcheck: {test: [NONE]} (scaffold checks every service it can)")
                return nil
            default: words = items
            }
        } else if let text = check["test"]?.string {
            shell = text
        } else {
            note("healthcheck", [(chosen.environment, check)], because: "it has no test")
            return nil
        }
        let probe = words.isEmpty ? ShellSplit.words(shell ?? "") : words
        if CredentialRule.redacting(probe) != nil {
            note("healthcheck", all, because: "its test holds a credential: read it from a secret variable instead")
            return nil
        }
        let interval = check["interval"]?.string.flatMap(ComposeQuantity.seconds)
        let timeout = check["timeout"]?.string.flatMap(ComposeQuantity.seconds)
        let retries = check["retries"]?.string.flatMap { Int($0) }
        let startPeriod = check["start_period"]?.string.flatMap(ComposeQuantity.seconds)
        if let startInterval = check["start_interval"] { note("healthcheck.start_interval: \(CredentialRule.describe(startInterval, under: "start_interval"))") }
        func timing(defaultRetries: Int) -> String {
            var parts: [String] = []
            if let interval, interval != 10 { parts.append("interval: \(interval)") }
            if let timeout, timeout != 5 { parts.append("timeout: \(timeout)") }
            if let retries, retries != defaultRetries { parts.append("retries: \(retries)") }
            if let startPeriod, startPeriod != 10 { parts.append("startPeriod: \(startPeriod)") }
            return parts.isEmpty ? "" : ", " + parts.joined(separator: ", ")
        }
        if probe.contains(where: { ["curl", "wget"].contains(($0 as NSString).lastPathComponent) }), let port,
           let url = probe.first(where: { $0.hasPrefix("http://") }),
           RuntimeDetector.first(#"^http://(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::[0-9]+)?(?:/|$)"#, in: url) != nil {
            let urlPort = RuntimeDetector.first(#"^http://[^/]+:([0-9]+)"#, in: url).flatMap { Int($0) } ?? 80
            if urlPort == port {
                let path = RuntimeDetector.first(#"^http://[^/]+(/[^ ]*)$"#, in: url) ?? "/"
                carried("healthcheck → .http(\(path))")
                return ".http(\(SwiftLiteral.string(path))\(timing(defaultRetries: 3)))"
            }
        }
        carried("healthcheck → .command")
        let command = shell.map { ["sh", "-c", $0] } ?? words
        return ".command(\(SwiftLiteral.strings(command))\(timing(defaultRetries: 5)))"
    }

    // MARK: - Replicas and resources

    /// `deploy.replicas` / `scale` and `deploy.resources` / `cpus` / `mem_limit` / `mem_reservation`.
    mutating func deployment(perEnvironmentResources: Bool, replicas allowReplicas: Bool) -> (resources: String?, resourcesPerEnvironment: [String], replicas: String?) {
        handled.formUnion(["deploy", "cpus", "mem_limit", "mem_reservation", "scale"])
        var resources: [(environment: ImportEnvironment, expression: String?)] = []
        var replicas: [(environment: ImportEnvironment, count: Int)] = []
        for (environment, definition) in definitions {
            let deploy = definition["deploy"]
            for pair in deploy?.pairs ?? [] where !["replicas", "resources"].contains(pair.key) {
                note("deploy.\(pair.key)", [(environment, pair.value)], because: pair.key == "update_config" || pair.key == "rollback_config" ? "scaffold's deploy script and the platforms roll out one replica at a time" : nil)
            }
            for pair in deploy?["resources"]?.pairs ?? [] where !["limits", "reservations"].contains(pair.key) {
                note("deploy.resources.\(pair.key)", [(environment, pair.value)])
            }
            for section in ["limits", "reservations"] {
                for pair in deploy?["resources"]?[section]?.pairs ?? [] where !["cpus", "memory"].contains(pair.key) {
                    note("deploy.resources.\(section).\(pair.key)", [(environment, pair.value)], because: "scaffold sizes CPU and memory only")
                }
            }
            let limits = deploy?["resources"]?["limits"]
            let reservations = deploy?["resources"]?["reservations"]
            let cpuLimit = (limits?["cpus"]?.string ?? definition["cpus"]?.string).flatMap { Double($0) }
            let memoryLimit = (limits?["memory"]?.string ?? definition["mem_limit"]?.string).flatMap(ComposeQuantity.mebibytes)
            let cpu = reservations?["cpus"]?.string.flatMap { Double($0) }
            let memory = (reservations?["memory"]?.string ?? definition["mem_reservation"]?.string).flatMap(ComposeQuantity.mebibytes)
            resources.append((environment, Self.resources(cpu: cpu, memory: memory, cpuLimit: cpuLimit, memoryLimit: memoryLimit)))
            if let count = (deploy?["replicas"]?.string ?? definition["scale"]?.string).flatMap({ Int($0) }) {
                replicas.append((environment, count))
            }
        }
        var uniform: String?
        var perEnvironment: [String] = []
        let distinct = Set(resources.map(\.expression))
        if distinct.count == 1 {
            uniform = distinct.first ?? nil
        } else if perEnvironmentResources {
            perEnvironment = resources.compactMap { entry in entry.expression.map { "\(entry.environment.expression): \($0)" } }
        } else if let chosen = resources.last(where: { $0.expression != nil }) {
            uniform = chosen.expression
            for entry in resources where entry.expression != chosen.expression {
                note("deploy.resources in \(entry.environment.name) (one size for every environment: \(chosen.expression ?? ""))")
            }
        }
        if uniform != nil || !perEnvironment.isEmpty { carried("resources") }
        var replicasArgument: String?
        let scaled = replicas.filter { $0.count != 1 }
        if !scaled.isEmpty {
            if allowReplicas {
                replicasArgument = "[" + scaled.map { "\($0.environment.expression): \($0.count)" }.joined(separator: ", ") + "]"
                carried("replicas")
            } else {
                for entry in scaled { note("deploy.replicas: \(entry.count) in \(entry.environment.name) (a backing service runs one replica)") }
            }
        }
        return (uniform, perEnvironment, replicasArgument)
    }

    /// `Resources(cpu:memory:cpuLimit:memoryLimit:)` with what compose gives; requests stay at
    /// or below the limits (scaffold's defaults are a quarter core and 256 MiB).
    static func resources(cpu: Double?, memory: Int?, cpuLimit: Double?, memoryLimit: Int?) -> String? {
        guard cpu != nil || memory != nil || cpuLimit != nil || memoryLimit != nil else { return nil }
        var parts: [String] = []
        let request = cpu ?? cpuLimit.flatMap { $0 < 0.25 ? $0 : nil }
        if let request { parts.append("cpu: \(ComposeQuantity.cpuLiteral(request))") }
        let memoryRequest = memory ?? memoryLimit.flatMap { $0 < 256 ? $0 : nil }
        if let memoryRequest { parts.append("memory: \(SwiftLiteral.string(ComposeQuantity.memoryLiteral(memoryRequest)))") }
        if let cpuLimit { parts.append("cpuLimit: \(ComposeQuantity.cpuLiteral(cpuLimit))") }
        if let memoryLimit { parts.append("memoryLimit: \(SwiftLiteral.string(ComposeQuantity.memoryLiteral(memoryLimit)))") }
        return "Resources(\(parts.joined(separator: ", ")))"
    }
}

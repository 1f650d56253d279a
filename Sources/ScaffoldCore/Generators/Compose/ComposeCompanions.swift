import Mustache
import BlueprintDescription

/// The files that travel with the compose files: `.env.example`, `.gitignore`, and the
/// configuration backing presets mount (Prometheus scrape config, proxy routes, Grafana data source).
enum ComposeCompanions {
    /// A configuration file a preset mounts read-only.
    struct ConfigFile {
        var path: String
        var mountPath: String
        var template: String
    }

    /// The context of the shared `_config/` bodies (the same names Kubernetes renders them with).
    struct ConfigContext: Encodable {
        var name: String
        var listenPort: Int
        var routes: [RouteContext]
        var hasRoutes: Bool
        var scrapeTargets: [ScrapeTargetContext]
        var hasScrapeTargets: Bool
        var prometheusURL: String
    }

    struct EnvEntry: Encodable { var name: String; var note: String }
    struct EnvSection: Encodable {
        var environment: String; var secrets: [EnvEntry]; var settings: [EnvEntry]; var hasSettings: Bool
        /// Where the cloud that deploys the environment reads each secret (the name to create there).
        var stores: [EnvEntry]; var hasStores: Bool
    }
    struct EnvContext: Encodable {
        var secrets: [EnvEntry]; var sections: [EnvSection]
        /// `.host(...)` settings: what compose reads from the shell or `.env`, with its default.
        var overrides: [EnvEntry]; var hasOverrides: Bool
        /// `env_file`s services read, with the services reading each.
        var envFiles: [EnvEntry] = []; var hasEnvFiles: Bool = false
    }

    static func configFiles(for service: ResolvedService, in project: ResolvedProject) -> [ConfigFile] {
        switch service.preset {
        case .prometheus: return [ConfigFile(path: "monitoring/\(service.name).yml", mountPath: "/etc/prometheus/prometheus.yml", template: "compose/prometheus.yml")]
        case .grafana: return [ConfigFile(path: "monitoring/\(service.name)-datasources.yaml", mountPath: "/etc/grafana/provisioning/datasources/datasources.yaml", template: "compose/grafana-datasources.yaml")]
        case .nginx: return [ConfigFile(path: "proxy/\(service.name).conf", mountPath: "/etc/nginx/conf.d/default.conf", template: "compose/nginx-proxy.conf")]
        case .traefik: return [ConfigFile(path: "proxy/\(service.name)-dynamic.yml", mountPath: "/etc/traefik/dynamic.yml", template: "compose/traefik-dynamic.yml")]
        default: return []
        }
    }

    static func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        var requests: [RenderRequest] = []
        for service in project.services {
            for file in configFiles(for: service, in: project) {
                // One file serves every environment the service runs in, so it only names the
                // services running in all of them: nginx refuses to start on an unknown upstream.
                let environments = service.instances.filter { !$0.managed }.map(\.environment)
                let everywhere = project.services.filter { other in environments.allSatisfy { project.runningServices(in: $0).contains { $0.name == other.name } } }
                let routes = RouteContext.routes(of: service, reachable: everywhere)
                let scrapes = ScrapeTargetContext.targets(of: service, running: everywhere)
                let prometheus = service.preset == .grafana ? (service.instances.first?.dependsOn.first ?? "prometheus") : "prometheus"
                let prometheusPort = project.service(named: prometheus)?.port ?? 9090
                let context = ConfigContext(name: service.name, listenPort: service.port ?? 8080, routes: routes, hasRoutes: !routes.isEmpty,
                                            scrapeTargets: scrapes, hasScrapeTargets: !scrapes.isEmpty,
                                            prometheusURL: "http://\(prometheus):\(prometheusPort)")
                requests.append(try RenderRequest(template: file.template, path: file.path, context: context))
            }
        }
        let environment = envContext(project)
        requests.append(try RenderRequest(template: "compose/env.example", path: ".env.example", context: environment, format: EscapeFormat.none))
        requests.append(try RenderRequest(template: "compose/gitignore", path: ".gitignore", context: environment, format: EscapeFormat.none))
        return requests
    }

    /// `text` on one line, for a `# comment` in `.env.example`: a line break in a value or a
    /// description would otherwise end the comment and inject a line docker compose reads.
    static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return " "
            default: return Character(scalar)
            }
        })
    }

    static func envContext(_ project: ResolvedProject) -> EnvContext {
        var secrets: [String: (services: Set<String>, environments: [String], description: String?)] = [:]
        var sections: [EnvSection] = []
        for environment in project.environments {
            var settings: [EnvEntry] = []
            var sectionSecrets: [EnvEntry] = []
            for service in project.runningServices(in: environment.name) {
                guard let instance = service.instance(in: environment.name) else { continue }
                for variable in instance.variables {
                    if let secret = variable.secret {
                        // One entry per store key: a service reading it under another name says so.
                        let name = secret.dotEnvName
                        var entry = secrets[name] ?? ([], [], nil)
                        if name == secret.name { entry.description = secret.description ?? entry.description }
                        entry.services.insert(name == secret.name ? service.name : "\(service.name) (as \(secret.name))")
                        if !entry.environments.contains(environment.name) { entry.environments.append(environment.name) }
                        secrets[name] = entry
                        sectionSecrets.append(EnvEntry(name: name, note: name == secret.name ? service.name : "\(service.name), as \(secret.name)"))
                    } else if let value = variable.value {
                        settings.append(EnvEntry(name: variable.name, note: Self.oneLine("\(service.name): \(value)")))
                    }
                }
            }
            var stores: [EnvEntry] = []
            let managedKeys = Set(project.services.filter { $0.instance(in: environment.name)?.managed == true }.map { "\($0.name)-url" })
            for cloud in TerraformCloud.allCases where environment.platforms.contains(cloud.platform) {
                var seen = Set<String>()
                for service in project.runningServices(in: environment.name) {
                    for variable in service.instance(in: environment.name)?.secrets ?? [] {
                        guard let secret = variable.secret, seen.insert(secret.key).inserted else { continue }
                        let place = managedKeys.contains(secret.key)
                            ? "written by Terraform to \(cloud.secretLocation(key: secret.key, project: project.name, environment: environment.name))"
                            : cloud.secretLocation(key: secret.key, project: project.name, environment: environment.name)
                        stores.append(EnvEntry(name: secret.dotEnvName, note: place))
                    }
                }
            }
            stores.sort { ($0.name, $0.note) < ($1.name, $1.note) }
            sections.append(EnvSection(environment: environment.name, secrets: sectionSecrets, settings: settings, hasSettings: !settings.isEmpty,
                                       stores: stores, hasStores: !stores.isEmpty))
        }
        let entries = secrets.keys.sorted().map { name -> EnvEntry in
            let info = secrets[name]!
            let what = info.description.map { "\(Self.oneLine($0)); " } ?? ""
            return EnvEntry(name: name, note: "\(what)used by \(info.services.sorted().joined(separator: ", ")) in \(info.environments.joined(separator: ", "))")
        }
        var overrides: [String: String] = [:]
        for service in project.services {
            for instance in service.instances where !instance.managed {
                for variable in instance.variables {
                    guard let host = variable.hostVariable, overrides[host] == nil else { continue }
                    overrides[host] = Self.oneLine(variable.value ?? "")
                }
            }
        }
        let overrideEntries = overrides.keys.sorted().map { EnvEntry(name: $0, note: overrides[$0] ?? "") }
        var context = EnvContext(secrets: entries, sections: sections, overrides: overrideEntries, hasOverrides: !overrideEntries.isEmpty)
        var readers: [String: [String]] = [:]
        for service in project.services { for file in service.extraEnvFiles { readers[file, default: []].append(service.name) } }
        context.envFiles = readers.keys.sorted().map { EnvEntry(name: $0, note: readers[$0]!.joined(separator: ", ")) }
        context.hasEnvFiles = !context.envFiles.isEmpty
        return context
    }
}

import Foundation
import Mustache
import ScaffoldCore

/// `scaffold import`'s work: reads compose files, merges them per environment and drafts a
/// Blueprint.swift that declares the same services, with what the DSL can't express as
/// `// not imported:` comments. It reads the build contexts to find each app's runtime and
/// writes nothing.
struct ComposeImporter {
    /// The project root, where Blueprint.swift goes.
    var root: URL
    /// The compose files: base files first, then overlays, as `docker compose -f` takes them.
    var files: [URL]
    /// How the draft and messages name the files.
    var displayNames: [String]
    /// The project name; from compose's `name:` or the folder when nil.
    var name: String?

    /// A draft ready to render.
    struct Draft {
        /// What the template renders.
        var context: DraftContext
        /// What was and wasn't imported.
        var report: ImportReport

        /// The Blueprint.swift text.
        func render(_ templates: TemplateSet) throws -> String {
            try templates.render("import/Blueprint.swift", context: TemplateValue(encoding: context), format: .none)
        }
    }

    /// Reads the files and drafts the blueprint.
    func draft() throws -> Draft {
        let composeFiles = try zip(files, displayNames).map { try ComposeFile.read($0, displayName: $1) }
        let project = ComposeProject(files: composeFiles)
        let serviceNames = project.serviceNames
        guard !serviceNames.isEmpty else { throw ImportError.noServices(displayNames) }
        // Environments where nothing runs (a base-only project's second environment stays: the
        // base describes both) are left out.
        var environments = project.environments.filter { environment in
            !(project.documents[environment.name]?["services"]?.pairs ?? []).isEmpty
        }
        if environments.isEmpty { environments = project.environments }

        var names: [String: String] = [:]
        var taken: Set<String> = []
        for service in serviceNames {
            var candidate = ImportContext.blueprintName(service)
            var suffix = 2
            while taken.contains(candidate) { candidate = "\(ImportContext.blueprintName(service))-\(suffix)"; suffix += 1 }
            taken.insert(candidate)
            names[service] = candidate
        }
        var presets: [String: BackingImage] = [:]
        var ports: [String: Int] = [:]
        for service in serviceNames {
            let definitions = project.definitions(of: service).map(\.definition)
            let builds = definitions.contains { $0["build"] != nil }
            if !builds, let image = definitions.compactMap({ $0["image"]?.string }).last, let backing = BackingImage.preset(for: image) {
                presets[service] = backing
            }
            if let backing = presets[service] {
                ports[service] = PresetSpec.of(backing.preset).port
            } else if let port = definitions.lazy.compactMap({ $0["ports"]?.list?.first.flatMap(PortMapping.parse)?.containerPort ?? $0["expose"]?.list?.first?.string.flatMap { Int($0) } }).first {
                ports[service] = port
            }
        }
        // Grafana needs its Prometheus in the blueprint; without one it is a plain image.
        if !presets.values.contains(where: { $0.preset == .prometheus }) {
            for (service, backing) in presets where backing.preset == .grafana {
                presets[service] = nil
                if let port = project.definitions(of: service).lazy.compactMap({ $0.definition["ports"]?.list?.first.flatMap(PortMapping.parse)?.containerPort }).first { ports[service] = port }
            }
        }
        var context = ImportContext(project: project, root: root, environments: environments, names: names, presets: presets, ports: ports)
        (context.imageOwners, context.completedTargets) = Self.processes(serviceNames, in: project)
        context.sharedVolumes = Self.sharedVolumes(serviceNames, in: project)
        context.jobs = Set(context.imageOwners.keys.filter { name in
            let definitions = project.definitions(of: name)
            let runsOnce = context.completedTargets.contains(name)
                || (definitions.last { !$0.environment.isDevelopment } ?? definitions.first)?.definition["restart"]?.string == "no"
            return runsOnce && !definitions.contains { $0.definition["ports"]?.list?.isEmpty == false }
        })

        var services: [DraftService] = []
        var reports: [ServiceReport] = []
        for service in serviceNames {
            var importer = ServiceImporter(composeName: service, context: context)
            guard !importer.definitions.isEmpty else { continue }
            if names[service] != service {
                importer.check("the compose service \(service) is called \(names[service] ?? service) here: service names are DNS labels (lowercase letters, digits and '-')")
            }
            let (draft, report) = importer.run()
            services.append(draft)
            reports.append(report)
        }

        var notImported: [String] = []
        var review: [String] = []
        for pair in project.files.flatMap({ $0.document.pairs ?? [] }) where !["services", "name"].contains(pair.key) {
            let line: String
            switch pair.key {
            case "version": line = "version: \(CredentialRule.describe(pair.value, under: "version")) (compose ignores it)"
            case "volumes":
                let options = (pair.value.pairs ?? []).filter { !$0.value.isNull && $0.value.pairs?.isEmpty != true }
                guard !options.isEmpty else { continue }
                line = "volumes: " + options.map { "\($0.key): \(CredentialRule.describe($0.value, under: $0.key))" }.joined(separator: ", ") + " (scaffold declares its named volumes with the default driver)"
            case "networks": line = "networks: \(CredentialRule.describe(pair.value, under: "networks")) (scaffold puts every service on the project's network)"
            case let key where key.hasPrefix("x-"): line = "\(key) (an extension field; its anchors were expanded where they are used)"
            default: line = "\(pair.key): \(CredentialRule.describe(pair.value, under: pair.key))"
            }
            if !notImported.contains(line) { notImported.append(line) }
        }
        let composeName = composeFiles.lazy.compactMap { $0.document["name"]?.string }.first
        var projectName = name ?? composeName.map(Presets.projectName(fromFolder:)) ?? Presets.projectName(fromFolder: root.lastPathComponent)
        if name == nil, projectName.first?.isLetter != true { projectName = String(("app-" + projectName).prefix(63)) }
        guard Resolver.isValidName(projectName) else { throw ImportError.invalidName(projectName) }
        if name == nil, composeName == nil {
            review.append("the project is named after its folder; pass --name to choose another")
        }
        if project.files.allSatisfy({ $0.environment == nil }) {
            review.append("no overlay names an environment (compose.dev.yaml, compose.prod.yaml, ...), so development and production both run the compose files as they are")
        }
        let draftContext = DraftContext(
            sources: displayNames.joined(separator: ", "), name: SwiftLiteral.string(projectName),
            environments: environments.map(\.expression).joined(separator: ", "),
            notImported: notImported.map(SwiftLiteral.comment), review: review.map(SwiftLiteral.comment), services: services)
        return Draft(context: draftContext, report: ImportReport(services: reports, notImported: notImported, review: review, environments: environments.map(\.name)))
    }

    /// Services that share an earlier service's build (same context and Dockerfile) and give
    /// their own command: each runs that service's image (service → owner). And the services
    /// others wait for until they complete.
    static func processes(_ names: [String], in project: ComposeProject) -> (owners: [String: String], completed: Set<String>) {
        var firstByBuild: [String: String] = [:]
        var owners: [String: String] = [:]
        var completed: Set<String> = []
        for name in names {
            let definitions = project.definitions(of: name)
            for definition in definitions {
                for pair in definition.definition["depends_on"]?.pairs ?? [] where pair.value["condition"]?.string == "service_completed_successfully" {
                    completed.insert(pair.key)
                }
            }
            let preferred = definitions.last { !$0.environment.isDevelopment } ?? definitions.first
            guard let build = preferred?.definition["build"] else { continue }
            let context = build.string ?? build["context"]?.string ?? "."
            let dockerfile = build["dockerfile"]?.string ?? "Dockerfile"
            let key = URL(fileURLWithPath: context, relativeTo: project.folder).standardizedFileURL.path + "\u{0}" + dockerfile
            if let owner = firstByBuild[key] {
                if definitions.contains(where: { $0.definition["command"] != nil }) { owners[name] = owner }
            } else {
                firstByBuild[key] = name
            }
        }
        return (owners, completed)
    }

    /// The named volumes that more than one service mounts.
    static func sharedVolumes(_ names: [String], in project: ComposeProject) -> Set<String> {
        var mountedBy: [String: Set<String>] = [:]
        for name in names {
            for definition in project.definitions(of: name) {
                for entry in definition.definition["volumes"]?.list ?? [] {
                    guard let mount = VolumeMount.parse(entry), mount.kind == .named else { continue }
                    mountedBy[mount.source, default: []].insert(name)
                }
            }
        }
        return Set(mountedBy.filter { $0.value.count > 1 }.keys)
    }
}

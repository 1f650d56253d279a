/// `README.Deploy.md`: how to run each environment, what every generated file is, how to change
/// it (edit Blueprint.swift, run `scaffold regen`) and which secrets to set where; and next to it
/// `docs/deployment/environment-variables.md` and `troubleshooting.md`.
public struct DocsGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "docs" }

    /// The generators whose files the guide lists.
    public var documented: [any ArtifactGenerator]

    /// A guide listing the files of `documented`.
    public init(documenting documented: [any ArtifactGenerator]) {
        self.documented = documented
    }

    /// Families the guide has a paragraph for; any other family is listed with its files only.
    static let knownFamilies = ["containers", "compose", "scripts", "kubernetes", "helm", "terraform", "github_actions", "devcontainer"]

    struct Family: Encodable {
        var name: String
        var files: [String]
        var flags: [String: Bool]
    }
    struct Secret: Encodable { var name: String; var key: String; var services: String }
    struct Environment: Encodable {
        var name: String
        var aliases: String
        var development: Bool
        var deployed: Bool
        var branch: String
        var approval: Bool
        var platforms: String
        var aws: Bool
        var gcp: Bool
        var azure: Bool
        var kubernetes: Bool
        var secrets: [Secret]
        var hasSecrets: Bool
        var services: String
        /// GitHub secrets holding the webhooks deploys are reported to.
        var notifySecrets: [ListItem]
    }
    struct Context: Encodable {
        var project: String
        var summary: String
        var environments: [Environment]
        var families: [Family]
        var registry: String
        var notes: [String]
        var hasNotes: Bool
        /// Whether the GitHub Actions family publishes images (the promotion section applies).
        var publishesImages: Bool
    }

    /// The guide.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        var families: [Family] = []
        for generator in documented {
            let paths = try generator.requests(for: project).map(\.path).sorted()
            guard !paths.isEmpty else { continue }
            let key = generator.family.replacingOccurrences(of: "-", with: "_")
            var flags = Dictionary(uniqueKeysWithValues: Self.knownFamilies.map { ($0, false) })
            flags[key] = true
            families.append(Family(name: generator.family, files: paths, flags: flags))
        }
        let environments = project.environments.map { environment -> Environment in
            var secrets: [String: (key: String, services: [String])] = [:]
            for service in project.services {
                for variable in service.instance(in: environment.name)?.secrets ?? [] {
                    guard let secret = variable.secret else { continue }
                    secrets[secret.name, default: (secret.key, [])].services.append(service.name)
                }
            }
            let list = secrets.keys.sorted().map { Secret(name: $0, key: secrets[$0]!.key, services: secrets[$0]!.services.joined(separator: ", ")) }
            return Environment(
                name: environment.name, aliases: environment.alias ?? "", development: environment.isDevelopment,
                deployed: environment.branch != nil && !environment.platforms.isEmpty, branch: environment.branch ?? "",
                approval: environment.requiresApproval,
                platforms: environment.platforms.map(\.rawValue).joined(separator: ", "),
                aws: environment.platforms.contains(.ecsFargate), gcp: environment.platforms.contains(.cloudRun),
                azure: environment.platforms.contains(.containerApps), kubernetes: environment.platforms.contains(.kubernetes),
                secrets: list, hasSecrets: !list.isEmpty,
                services: project.services.filter { $0.instance(in: environment.name) != nil }.map { service in
                    service.instance(in: environment.name)?.managed == true ? "\(service.name) (cloud-managed)" : service.name
                }.joined(separator: ", "),
                notifySecrets: ListItem.list(project.notify.map(\.secret)))
        }
        let notes = Pipeline(generators: documented).notes(for: project).map(\.line)
        return [try RenderRequest(template: "docs/README.Deploy.md", path: "README.Deploy.md", context: Context(
            project: project.name, summary: project.summary, environments: environments, families: families, registry: project.registry,
            notes: notes, hasNotes: !notes.isEmpty,
            publishesImages: families.contains { $0.name == "github-actions" && $0.files.contains(".github/workflows/images.yml") }))]
            + (try ReferenceDocs.requests(for: project))
    }
}

/// An environment of an imported blueprint, named from a compose overlay's file name
/// (`docker-compose.dev.yml` → development, `compose.prod.yaml` → production, `compose.qa.yaml` → qa).
struct ImportEnvironment: Hashable, Sendable {
    /// The environment's name, as the blueprint's `Environment` has it.
    var name: String
    /// How the draft spells it: `.development`, `.staging`, `.production` or `.custom("qa")`.
    var expression: String
    /// Whether it is a development-mode environment (host ports, bind mounts, hot reload).
    var isDevelopment: Bool

    static let development = ImportEnvironment(name: "development", expression: ".development", isDevelopment: true)
    static let staging = ImportEnvironment(name: "staging", expression: ".staging", isDevelopment: false)
    static let production = ImportEnvironment(name: "production", expression: ".production", isDevelopment: false)

    /// A custom production-mode environment.
    static func custom(_ name: String) -> ImportEnvironment {
        ImportEnvironment(name: name, expression: ".custom(\(SwiftLiteral.string(name)))", isDevelopment: false)
    }

    /// The words of overlay names that mean the built-in environments.
    static let synonyms: [String: ImportEnvironment] = [
        "dev": .development, "develop": .development, "development": .development, "local": .development, "override": .development,
        "stage": .staging, "staging": .staging, "preprod": .staging,
        "prod": .production, "production": .production, "live": .production,
    ]

    /// The environment a compose file's name says it overlays, or `nil` for a base file
    /// (`compose.yaml`, `docker-compose.yml`, `stack.yml`...).
    static func overlaid(byFile fileName: String) -> ImportEnvironment? {
        var base = fileName.lowercased()
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        let words = base.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map(String.init)
            .filter { $0 != "docker" && $0 != "compose" }
        guard !words.isEmpty, base.contains("compose") || words.count == 1 && synonyms[words[0]] != nil else { return nil }
        if let known = words.lazy.compactMap({ synonyms[$0] }).first { return known }
        let name = Presets.projectName(fromFolder: words.joined(separator: "-"))
        return .custom(name.first?.isLetter == true ? name : "env-" + name)
    }

    /// `environments` in promotion order: development, staging, custom ones as given, production.
    static func ordered(_ environments: [ImportEnvironment]) -> [ImportEnvironment] {
        func rank(_ environment: ImportEnvironment) -> Int {
            switch environment.name {
            case "development": return 0
            case "staging": return 1
            case "production": return 3
            default: return 2
            }
        }
        var seen: Set<String> = []
        let unique = environments.filter { seen.insert($0.name).inserted }
        return unique.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}

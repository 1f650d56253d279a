/// Spells an environment variable's values across environments as a `Setting` expression:
/// `"info"`, `.only(.development, "true")`, `.per([.development: "debug"], default: "info")`.
enum SettingSpelling {
    /// The expression for `values`, one per environment the service runs in (`nil` where the
    /// variable is not set there).
    static func expression(_ values: [(environment: ImportEnvironment, value: String?)]) -> String {
        let set = values.filter { $0.value != nil }
        let distinct = Array(Set(set.compactMap(\.value)))
        if set.count == values.count, distinct.count == 1 { return SwiftLiteral.string(distinct[0]) }
        if set.count < values.count {
            if distinct.count == 1 { return ".only(\(environments(set.map(\.environment))), \(SwiftLiteral.string(distinct[0])))" }
            return ".per(\(dictionary(set)))"
        }
        // Set everywhere with different values: the value most environments share is the
        // default (production's on a tie), the others are listed.
        let counts = Dictionary(set.map { ($0.value!, 1) }, uniquingKeysWith: +)
        let best = counts.values.max() ?? 0
        let production = set.last { !$0.environment.isDevelopment }?.value
        let fallback = best > 1 ? (counts[production ?? ""] == best ? production : set.first { counts[$0.value!] == best }?.value) : nil
        guard let fallback else { return ".per(\(dictionary(set)))" }
        return ".per(\(dictionary(set.filter { $0.value != fallback })), default: \(SwiftLiteral.string(fallback)))"
    }

    /// `.development` for one environment, `[.development, .staging]` for several.
    static func environments(_ environments: [ImportEnvironment]) -> String {
        environments.count == 1 ? environments[0].expression : list(environments)
    }

    /// `[.development, .staging]`.
    static func list(_ environments: [ImportEnvironment]) -> String {
        "[" + environments.map(\.expression).joined(separator: ", ") + "]"
    }

    private static func dictionary(_ values: [(environment: ImportEnvironment, value: String?)]) -> String {
        "[" + values.map { "\($0.environment.expression): \(SwiftLiteral.string($0.value ?? ""))" }.joined(separator: ", ") + "]"
    }
}

import Foundation
import Mustache

/// Loads the official Mustache specification tests from `<repo>/../shared/mustache-spec` (or
/// `$MUSTACHE_SPEC_DIR`), and runs them through ``Template``.
enum SpecSuite {
    /// The modules, in the order they are reported.
    static let modules = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections",
        "~dynamic-names", "~inheritance", "~lambdas",
    ]

    /// The folder holding the spec's JSON files, or `nil` when it is not there.
    static let directory: URL? = {
        let candidate: URL
        if let override = ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"], !override.isEmpty {
            candidate = URL(fileURLWithPath: override)
        } else {
            let repoRoot = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent()  // MustacheTests
                .deletingLastPathComponent()  // Tests
                .deletingLastPathComponent()  // repository root
            candidate = repoRoot.appendingPathComponent("../shared/mustache-spec").standardizedFileURL
        }
        let probe = candidate.appendingPathComponent("interpolation.json").path
        return FileManager.default.fileExists(atPath: probe) ? candidate : nil
    }()

    /// Where the suite looked, for the skip message.
    static var searchedLocation: String {
        ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"] ?? "<repo root>/../shared/mustache-spec"
    }

    /// One JSON file.
    struct File: Decodable {
        let tests: [Case]
    }

    /// One test: render `template` with `data` and `partials`, expect `expected`.
    struct Case: Decodable {
        let name: String
        let desc: String
        let data: TemplateValue
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    /// The outcome of one case.
    struct Outcome {
        let module: String
        let name: String
        let expected: String
        let actual: Result<String, any Error>

        var passed: Bool {
            if case .success(let text) = actual { return text == expected }
            return false
        }
    }

    static func load(_ module: String, from directory: URL) throws -> [Case] {
        let data = try Data(contentsOf: directory.appendingPathComponent(module + ".json"))
        return try JSONDecoder().decode(File.self, from: data).tests
    }

    static func run(_ test: Case, module: String) -> Outcome {
        var context = test.data
        if module == "~lambdas", case .object(var members) = context {
            members["lambda"] = lambda(named: test.name).map(TemplateValue.lambda) ?? .null
            context = .object(members)
        }
        let actual = Result { () throws -> String in
            let template = try Template(source: test.template, partials: test.partials ?? [:], path: test.name)
            return try template.render(context, format: .html, strict: false)
        }
        return Outcome(module: module, name: test.name, expected: test.expected, actual: actual)
    }

    /// The Swift version of each lambda in `~lambdas.json` (whose code is for other languages).
    static func lambda(named name: String) -> MustacheLambda? {
        switch name {
        case "Interpolation":
            return MustacheLambda(interpolation: { "world" })
        case "Interpolation - Expansion":
            return MustacheLambda(interpolation: { "{{planet}}" })
        case "Interpolation - Alternate Delimiters":
            return MustacheLambda(interpolation: { "|planet| => {{planet}}" })
        case "Interpolation - Multiple Calls":
            let counter = Counter()
            return MustacheLambda(interpolation: { String(counter.next()) })
        case "Escaping":
            return MustacheLambda(interpolation: { ">" })
        case "Section":
            return MustacheLambda(section: { $0 == "{{x}}" ? "yes" : "no" })
        case "Section - Expansion":
            return MustacheLambda(section: { $0 + "{{planet}}" + $0 })
        case "Section - Alternate Delimiters":
            return MustacheLambda(section: { $0 + "{{planet}} => |planet|" + $0 })
        case "Section - Multiple Calls":
            return MustacheLambda(section: { "__" + $0 + "__" })
        case "Inverted Section":
            return MustacheLambda(section: { _ in "" })
        default:
            return nil
        }
    }

    /// A thread-safe call counter for the "Multiple Calls" lambda.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

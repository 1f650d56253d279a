#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a compiled Blueprint.swift hands back to scaffold: the schema version, the blueprint and
/// any errors, as JSON written to the file named by `SCAFFOLD_BLUEPRINT_OUTPUT` when the program
/// exits. Standard output is never used, so a `print` in a blueprint can't corrupt it.
public struct BlueprintDocument: Codable, Sendable {
    /// The version of this JSON schema. scaffold refuses documents of another version.
    public static let schemaVersion = 1

    /// The schema version of this document.
    public var version: Int
    /// The declared blueprint, if there was exactly one.
    public var blueprint: Blueprint?
    /// Problems found while declaring it, each with its location.
    public var errors: [DocumentError]

    /// A document.
    public init(version: Int = BlueprintDocument.schemaVersion, blueprint: Blueprint?, errors: [DocumentError]) {
        self.version = version
        self.blueprint = blueprint
        self.errors = errors
    }
}

/// One problem found while a blueprint was being declared.
public struct DocumentError: Codable, Hashable, Sendable {
    /// What is wrong and what to do.
    public var message: String
    /// Where, when known.
    public var location: SourceLocation?

    /// An error.
    public init(message: String, location: SourceLocation?) {
        self.message = message
        self.location = location
    }
}

/// Collects the declared blueprint and writes it out at exit.
final class BlueprintOutput: @unchecked Sendable {
    static let shared = BlueprintOutput()

    private let lock = NSLock()
    private var blueprints: [Blueprint] = []
    private var registered = false

    func register(_ blueprint: Blueprint) {
        lock.lock()
        defer { lock.unlock() }
        blueprints.append(blueprint)
        if !registered {
            registered = true
            atexit { BlueprintOutput.shared.write() }
        }
    }

    func document() -> BlueprintDocument {
        lock.lock()
        defer { lock.unlock() }
        switch blueprints.count {
        case 1:
            return BlueprintDocument(blueprint: blueprints[0], errors: [])
        case 0:
            return BlueprintDocument(blueprint: nil, errors: [DocumentError(message: "no blueprint declared: add `let blueprint = Blueprint(name: ..., services: [...])`", location: nil)])
        default:
            return BlueprintDocument(blueprint: nil, errors: blueprints.dropFirst().map {
                DocumentError(message: "a second Blueprint(...) is declared; keep exactly one per Blueprint.swift", location: $0.location)
            })
        }
    }

    func write() {
        guard let path = ProcessInfo.processInfo.environment["SCAFFOLD_BLUEPRINT_OUTPUT"] else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(document()) else { return }
        _ = FileManager.default.createFile(atPath: path, contents: data)
    }
}

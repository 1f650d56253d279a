import Foundation

/// `.scaffold/ledger.json`: every file scaffold wrote, with the SHA-256 of the bytes it wrote.
/// It is how regen tells its own files from hand edits. Commit it with the project.
public struct Ledger: Codable, Equatable, Sendable {
    /// One generated file.
    public struct Entry: Codable, Equatable, Sendable {
        /// SHA-256 of the bytes written.
        public var sha256: String
        /// Whether it was written executable.
        public var executable: Bool
    }

    /// The ledger format version.
    public var version: Int
    /// Generated files by project-relative path.
    public var files: [String: Entry]
    /// Starter sources scaffold wrote once, sorted: they are the user's, never rewritten, refused
    /// or deleted, and recorded only so no regen writes them again.
    public var starters: [String]
    /// Generated paths the user keeps as their own (`scaffold init --adopt --keep PATH`): never
    /// written, refused or deleted, sorted.
    public var kept: [String]

    /// An empty ledger.
    public init(files: [String: Entry] = [:], starters: [String] = [], kept: [String] = []) {
        self.version = 1
        self.files = files
        self.starters = starters
        self.kept = kept
    }

    private enum CodingKeys: String, CodingKey { case version, files, starters, kept }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        files = try container.decode([String: Entry].self, forKey: .files)
        starters = try container.decodeIfPresent([String].self, forKey: .starters) ?? []
        kept = try container.decodeIfPresent([String].self, forKey: .kept) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(files, forKey: .files)
        if !starters.isEmpty { try container.encode(starters, forKey: .starters) }
        if !kept.isEmpty { try container.encode(kept, forKey: .kept) }
    }

    /// The ledger's project-relative path.
    public static let path = ".scaffold/ledger.json"

    /// Reads the ledger of `root`; empty when there is none.
    public static func read(root: URL) throws -> Ledger {
        let url = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { return Ledger() }
        do {
            let ledger = try JSONDecoder().decode(Ledger.self, from: data)
            guard ledger.version == 1 else { throw WriterError.badLedger(path, "version \(ledger.version) is newer than this scaffold understands") }
            return ledger
        } catch let error as WriterError {
            throw error
        } catch {
            throw WriterError.badLedger(path, "it is not valid JSON (\(error))")
        }
    }

    /// The ledger as stable, pretty JSON with sorted keys and a final newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

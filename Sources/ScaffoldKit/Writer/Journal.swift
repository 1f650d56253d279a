import Foundation

/// `.scaffold/journal.json`: what a write is doing, recorded before it changes anything, so a
/// run killed at any moment is completed or rolled back by the next scaffold command.
struct Journal: Codable, Equatable {
    /// How far the write got.
    enum State: String, Codable {
        /// Folders are being created and new contents staged next to their targets.
        case staging
        /// Targets are being moved aside and staged files renamed into place.
        case applying
        /// Every rename is done and the ledger is written: only cleanup is left.
        case committed
    }

    /// One file the write replaces, creates or deletes (paths relative to the project root).
    struct Operation: Codable, Equatable {
        /// The file.
        var target: String
        /// Where its new contents are staged; nil for a delete.
        var staged: String?
        /// Where its old contents are moved while the write runs; nil for a new file.
        var backup: String?
    }

    static let path = ".scaffold/journal.json"

    var version = 1
    var state: State
    var operations: [Operation]
    /// Folders the write creates, parents first; removed again on rollback when empty.
    var createdFolders: [String]

    /// Writes the journal durably: a temporary file, fsync, rename, fsync of the folder.
    func save(root: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(self)
        let url = root.appendingPathComponent(Self.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileIO.writeExclusive(data, to: url.deletingLastPathComponent().appendingPathComponent(".journal-\(FileIO.randomToken()).tmp"), mode: 0o644, sync: true) { temporary in
            try FileIO.rename(temporary, to: url)
        }
        FileIO.syncFolder(url.deletingLastPathComponent())
    }

    /// The journal of `root`, if a write was interrupted there.
    static func load(root: URL) throws -> Journal? {
        let url = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(Journal.self, from: data)
        } catch {
            throw WriterError.badJournal("\(error)")
        }
    }

    static func remove(root: URL) {
        unlink(root.appendingPathComponent(path).path)
    }
}

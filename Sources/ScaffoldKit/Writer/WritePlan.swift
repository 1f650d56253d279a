import Foundation
import ScaffoldCore

/// What a regen would do to the disk, computed without touching it.
public struct WritePlan: Sendable {
    /// One planned change.
    public enum Change: Sendable, Equatable {
        /// A new file.
        case create(GeneratedFile)
        /// A generated file whose bytes (or mode) change; `old` is what is on disk.
        case update(GeneratedFile, old: String)
        /// A generated file that is no longer produced and is unmodified.
        case delete(path: String, old: String)

        /// The project-relative path.
        public var path: String {
            switch self {
            case let .create(file), let .update(file, _): return file.path
            case let .delete(path, _): return path
            }
        }
    }

    /// A file regen refuses to touch without `--force`.
    public enum Conflict: Sendable, Equatable, CustomStringConvertible {
        /// A generated file edited by hand since scaffold wrote it.
        case handEdited(String)
        /// A file scaffold would create that already exists and isn't in the ledger.
        case untracked(String)

        /// The project-relative path.
        public var path: String {
            switch self {
            case let .handEdited(path), let .untracked(path): return path
            }
        }

        public var description: String {
            switch self {
            case let .handEdited(path): return "\(path): edited by hand since scaffold generated it"
            case let .untracked(path): return "\(path): exists and was not written by scaffold"
            }
        }
    }

    /// Changes, sorted by path.
    public var changes: [Change]
    /// Conflicts, sorted by path.
    public var conflicts: [Conflict]
    /// Stale generated files that were edited by hand: kept on disk and dropped from the ledger.
    public var keptStale: [String]
    /// Files whose bytes already match.
    public var unchanged: [String]
    /// Starter sources to write: into contexts without sources, and only files that are absent.
    public var starters: [GeneratedFile] = []
    /// The ledger after applying the plan.
    public var ledger: Ledger
    /// The ledger as it is on disk.
    public var previousLedger: Ledger

    /// True when applying the plan would change no generated file. Starter sources don't count:
    /// they are the user's, so a project whose starters were never written is not drifted.
    public var isEmpty: Bool { changes.isEmpty && conflicts.isEmpty && keptStale.isEmpty && ledger.files == previousLedger.files }

    /// The unified diff of every change (and of each conflict's would-be content when `files` is given).
    public func diff(current: [String: String] = [:], files: [GeneratedFile] = []) -> String {
        var text = ""
        for change in changes {
            switch change {
            case let .create(file): text += UnifiedDiff.diff(path: file.path, old: nil, new: file.contents)
            case let .update(file, old):
                let body = UnifiedDiff.diff(path: file.path, old: old, new: file.contents)
                text += body.isEmpty ? "mode change: \(file.path) \(file.executable ? "-> executable" : "-> not executable")\n" : body
            case let .delete(path, old): text += UnifiedDiff.diff(path: path, old: old, new: nil)
            }
        }
        let byPath = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        for conflict in conflicts {
            text += UnifiedDiff.diff(path: conflict.path, old: current[conflict.path], new: byPath[conflict.path])
        }
        return text
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One all-or-nothing change of a project: every file staged next to its target under an
/// unpredictable name, a journal recorded before anything changes, then renames, with the old
/// files moved aside until the ledger is written. Any failure rolls back what was done; a kill at
/// any moment leaves a journal that the next scaffold command completes or rolls back.
struct Transaction {
    /// A file to write.
    struct Write {
        var path: String
        var data: Data
        var executable: Bool
    }

    var root: URL
    var writes: [Write]
    var deletes: [String]

    /// Test hook: `SCAFFOLD_FAULT=stage:N`, `rename:N`, `commit:1` (or `render:N`, in `TreeWriter`) kills the process (SIGKILL, as
    /// `kill -9` would) at the N-th step of that phase, so tests can prove the journal's recovery.
    static let fault: (phase: String, step: Int)? = {
        guard let value = ProcessInfo.processInfo.environment["SCAFFOLD_FAULT"] else { return nil }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let step = Int(parts[1]) else { return nil }
        return (String(parts[0]), step)
    }()

    static func checkpoint(_ phase: String, _ step: Int) {
        if let fault, fault.phase == phase, fault.step == step { kill(getpid(), SIGKILL) }
    }

    /// Checks that every change can be made (folders writable, no folder in a file's place,
    /// enough space) before the first one.
    func precheck() throws {
        var needed: UInt64 = 1 << 20
        for write in writes {
            needed += UInt64(write.data.count) + 4096
            try precheckTarget(write.path)
        }
        for path in deletes { try precheckTarget(path) }
        if let free = FileIO.freeBytes(at: root), free < needed {
            throw WriterError.diskFull(needed: needed, free: free, changed: false)
        }
    }

    private func precheckTarget(_ path: String) throws {
        let url = root.appendingPathComponent(path)
        if FileIO.kind(url) == S_IFDIR { throw WriterError.folderInTheWay(path) }
        var folder = url.deletingLastPathComponent()
        while FileIO.kind(folder) == nil, folder.path.count > root.path.count { folder.deleteLastPathComponent() }
        guard FileIO.kind(folder) == S_IFDIR else { throw WriterError.folderInTheWay(String(folder.path.dropFirst(root.path.count + 1))) }
        guard FileIO.isWritableFolder(folder) else {
            throw WriterError.fileSystem(path: folder.path, operation: "write into", errno: EACCES)
        }
    }

    /// Runs the change; on failure everything already done is undone before the error is thrown.
    func run() throws {
        try precheck()
        let token = FileIO.randomToken()
        var operations: [Journal.Operation] = []
        for (index, write) in writes.enumerated() {
            let exists = FileIO.kind(root.appendingPathComponent(write.path)) != nil
            operations.append(Journal.Operation(target: write.path, staged: Self.sibling(write.path, ".scaffold-\(token)-\(index).new"),
                                                backup: exists ? Self.sibling(write.path, ".scaffold-\(token).old") : nil))
        }
        for path in deletes {
            operations.append(Journal.Operation(target: path, staged: nil, backup: Self.sibling(path, ".scaffold-\(token).old")))
        }
        var journal = Journal(state: .staging, operations: operations, createdFolders: missingFolders())
        try journal.save(root: root)
        do {
            for folder in journal.createdFolders { try FileIO.makeFolder(root.appendingPathComponent(folder)) }
            for (index, write) in writes.enumerated() {
                Self.checkpoint("stage", index + 1)
                try FileIO.writeExclusive(write.data, to: root.appendingPathComponent(operations[index].staged!), mode: write.executable ? 0o755 : 0o644, sync: false)
            }
            FileIO.syncFileSystem(of: root)
            journal.state = .applying
            try journal.save(root: root)
            var step = 0
            for operation in operations {
                let target = root.appendingPathComponent(operation.target)
                if let backup = operation.backup {
                    step += 1
                    Self.checkpoint("rename", step)
                    try FileIO.rename(target, to: root.appendingPathComponent(backup))
                }
                if let staged = operation.staged {
                    step += 1
                    Self.checkpoint("rename", step)
                    try FileIO.rename(root.appendingPathComponent(staged), to: target)
                }
            }
            FileIO.syncFileSystem(of: root)
            journal.state = .committed
            try journal.save(root: root)
            Self.checkpoint("commit", 1)
        } catch {
            Self.rollBack(journal, root: root)
            if case let WriterError.fileSystem(path, operation, code) = error {
                throw WriterError.failedAndRestored(path: path, operation: operation, errno: code)
            }
            throw error
        }
        Self.finish(journal, root: root)
    }

    /// After the commit: the old files and the journal go; emptied folders of deleted files too.
    static func finish(_ journal: Journal, root: URL) {
        for operation in journal.operations {
            if let backup = operation.backup { unlink(root.appendingPathComponent(backup).path) }
            if let staged = operation.staged { unlink(root.appendingPathComponent(staged).path) }
            if operation.staged == nil { removeEmptyParents(of: root.appendingPathComponent(operation.target), root: root) }
        }
        Journal.remove(root: root)
    }

    /// Puts every file back as it was, whatever step the write reached, and removes what it added.
    static func rollBack(_ journal: Journal, root: URL) {
        for operation in journal.operations.reversed() {
            let target = root.appendingPathComponent(operation.target)
            let stagedLeft = operation.staged.map { FileIO.kind(root.appendingPathComponent($0)) != nil } ?? false
            if let staged = operation.staged {
                if stagedLeft {
                    unlink(root.appendingPathComponent(staged).path)
                } else if journal.state != .staging {
                    // The new contents were moved in: take them out again.
                    unlink(target.path)
                }
            }
            if let backup = operation.backup, FileIO.kind(root.appendingPathComponent(backup)) != nil {
                _ = posixRename(root.appendingPathComponent(backup).path, target.path)
            }
        }
        for folder in journal.createdFolders.reversed() { rmdir(root.appendingPathComponent(folder).path) }
        Journal.remove(root: root)
    }

    /// What an interrupted write left: completed when it had committed, rolled back otherwise.
    /// Returns what was done, for the user, or nil when nothing was interrupted.
    static func recover(root: URL) throws -> String? {
        guard let journal = try Journal.load(root: root) else { return nil }
        if journal.state == .committed {
            finish(journal, root: root)
            return "completed an interrupted scaffold write: every file is the new version"
        }
        rollBack(journal, root: root)
        return "rolled back an interrupted scaffold write: every file is as it was before it"
    }

    /// `dir/.name<suffix>` for `dir/name`.
    static func sibling(_ path: String, _ suffix: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        return (parts + [".\(name)\(suffix)"]).joined(separator: "/")
    }

    /// The folders the writes need that don't exist yet, parents first.
    private func missingFolders() -> [String] {
        // Each folder is looked at once (a set, not a scan of the list per write: that was
        // quadratic in the number of folders of a first render).
        var seen: Set<String> = []
        var folders: [String] = []
        for write in writes {
            var parts = write.path.split(separator: "/").map(String.init)
            parts.removeLast()
            for depth in 0..<parts.count {
                let folder = parts[0...depth].joined(separator: "/")
                if seen.insert(folder).inserted, FileIO.kind(root.appendingPathComponent(folder)) == nil { folders.append(folder) }
            }
        }
        return folders.sorted { $0.split(separator: "/").count < $1.split(separator: "/").count || ($0.split(separator: "/").count == $1.split(separator: "/").count && $0 < $1) }
    }

    static func removeEmptyParents(of url: URL, root: URL) {
        var folder = url.deletingLastPathComponent()
        while folder.path.count > root.path.count {
            guard rmdir(folder.path) == 0 else { return }
            folder = folder.deletingLastPathComponent()
        }
    }
}

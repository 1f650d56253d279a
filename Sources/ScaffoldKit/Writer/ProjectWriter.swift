import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ScaffoldCore

/// The only code that writes a project to disk. It is ledger-aware: it records what it wrote,
/// removes stale files, refuses to clobber hand edits, writes every file atomically (temporary
/// file + rename) and never writes outside the project root.
public struct ProjectWriter {
    /// The project root.
    public var root: URL
    /// Whether a stale ledger entry names a path scaffold could have generated; entries that don't
    /// make the ledger count as tampered with (nothing is deleted). Commands pass
    /// `GeneratedPaths.couldGenerate`; `Blueprint.swift`, `.git/` and `.scaffold/` are always refused.
    public var owns: @Sendable (String) -> Bool

    /// A writer for the project at `root`.
    public init(root: URL, owns: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.root = root.standardizedFileURL
        self.owns = owns
    }

    private var resolvedRoot: String { root.resolvingSymlinksInPath().path }

    /// Plans writing `files`, comparing against the disk and the ledger. Paths in `keeping` (and
    /// those the ledger already keeps) stay the user's: not written, not conflicts, not deleted.
    public func plan(_ files: [GeneratedFile], keeping: Set<String> = []) throws -> WritePlan {
        let previous = try Ledger.read(root: root)
        try checkLedger(previous)
        let kept = keeping.union(previous.kept)
        let files = files.filter { !kept.contains($0.path) }
        var changes: [WritePlan.Change] = []
        var conflicts: [WritePlan.Conflict] = []
        var unchanged: [String] = []
        var keptStale: [String] = []
        var ledger = Ledger()
        ledger.kept = kept.sorted()
        var checkedFolders: Set<String> = []
        let starters = try plannedStarters(files.filter { $0.starter != nil }, previous: previous)
        ledger.starters = (previous.starters.filter { (try? safeURL($0)).map { FileManager.default.fileExists(atPath: $0.path) } ?? false }
            + starters.map(\.path)).sorted()
        for file in files.sorted(by: { $0.path < $1.path }) where file.starter == nil {
            let url = try safeURL(file.path, checkedFolders: &checkedFolders)
            let entry = Ledger.Entry(sha256: SHA256.hex(file.contents), executable: file.executable)
            ledger.files[file.path] = entry
            guard let data = FileManager.default.contents(atPath: url.path) else {
                changes.append(.create(file))
                continue
            }
            let onDisk = SHA256.hex(data)
            var text: String { String(decoding: data, as: UTF8.self) }
            if onDisk == entry.sha256 {
                if isExecutable(url) != file.executable {
                    changes.append(.update(file, old: text))
                } else {
                    unchanged.append(file.path)
                }
            } else if let recorded = previous.files[file.path] {
                if recorded.sha256 == onDisk {
                    changes.append(.update(file, old: text))
                } else {
                    conflicts.append(.handEdited(file.path))
                }
            } else {
                conflicts.append(.untracked(file.path))
            }
        }
        for (path, recorded) in previous.files.sorted(by: { $0.key < $1.key }) where ledger.files[path] == nil && !kept.contains(path) {
            let url = try safeURL(path)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            if SHA256.hex(data) == recorded.sha256 {
                changes.append(.delete(path: path, old: String(decoding: data, as: UTF8.self)))
            } else {
                keptStale.append(path)
            }
        }
        return WritePlan(changes: changes.sorted { $0.path < $1.path }, conflicts: conflicts, keptStale: keptStale,
                         unchanged: unchanged, starters: starters, ledger: ledger, previousLedger: previous)
    }

    /// Refuses a ledger whose entries scaffold could never have written: unsafe or protected
    /// paths, paths no family generates, symbolic links.
    func checkLedger(_ ledger: Ledger) throws {
        var bad: [String] = []
        for path in ledger.files.keys.sorted() {
            if !Pipeline.isSafeRelativePath(path) || GeneratedPaths.isProtected(path) || !owns(path) {
                bad.append("\(path): not a file scaffold generates")
            } else if FileIO.kind(root.appendingPathComponent(path)) == S_IFLNK {
                bad.append("\(path): a symbolic link, which scaffold never writes")
            }
        }
        if !bad.isEmpty { throw WriterError.tamperedLedger(bad) }
    }

    /// The starter files to write: none for a build context whose manifest exists (it has sources)
    /// or was written before (its starter is the user's now), and, file by file, none that exists.
    func plannedStarters(_ files: [GeneratedFile], previous: Ledger) throws -> [GeneratedFile] {
        let recorded = Set(previous.starters)
        var skipped: [String: Bool] = [:]
        var result: [GeneratedFile] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            guard let mark = file.starter else { continue }
            let skip = try skipped[mark.manifest] ?? {
                let value = try recorded.contains(mark.manifest) || FileManager.default.fileExists(atPath: safeURL(mark.manifest).path)
                skipped[mark.manifest] = value
                return value
            }()
            if skip || recorded.contains(file.path) { continue }
            let url = try safeURL(file.path)
            if FileManager.default.fileExists(atPath: url.path) { continue }
            result.append(file)
        }
        return result
    }

    /// Applies `plan`. With conflicts it writes nothing and throws, unless `force` is set, in which
    /// case conflicting files are overwritten with `files`' contents.
    public func apply(_ plan: WritePlan, files: [GeneratedFile], force: Bool = false) throws {
        if !plan.conflicts.isEmpty && !force {
            throw WriterError.conflicts(plan.conflicts)
        }
        var writes: [GeneratedFile] = plan.changes.compactMap {
            switch $0 {
            case let .create(file), let .update(file, _): return file
            case .delete: return nil
            }
        }
        if force {
            let conflicting = Set(plan.conflicts.map(\.path))
            writes += files.filter { conflicting.contains($0.path) && $0.starter == nil }
        }
        writes += plan.starters
        var transaction = Transaction(root: root, writes: [], deletes: [])
        for file in writes.sorted(by: { $0.path < $1.path }) {
            _ = try safeURL(file.path)
            transaction.writes.append(.init(path: file.path, data: Data(file.contents.utf8), executable: file.executable))
        }
        for change in plan.changes {
            guard case let .delete(path, _) = change else { continue }
            _ = try safeURL(path)
            transaction.deletes.append(path)
        }
        let ledger = try plan.ledger.encoded()
        if FileManager.default.contents(atPath: root.appendingPathComponent(Ledger.path).path) != ledger {
            transaction.writes.append(.init(path: Ledger.path, data: ledger, executable: false))
        }
        guard !transaction.writes.isEmpty || !transaction.deletes.isEmpty else { return }
        try transaction.run()
    }

    /// Runs `body` holding the project's lock (so two scaffold runs never interleave), after
    /// completing or rolling back a write an earlier run was killed in. `report` hears what the
    /// recovery did.
    public func exclusively<T>(report: (String) -> Void = { _ in }, _ body: () throws -> T) throws -> T {
        let lock = try ProjectLock.acquire(root: root)
        defer { lock.release() }
        if let recovered = try Transaction.recover(root: root) { report(recovered) }
        return try body()
    }

    /// The URL of a project-relative path, refusing anything that leaves the project: absolute
    /// paths, `..`, and symlinked folders or files that point outside.
    public func safeURL(_ path: String) throws -> URL {
        var checked: Set<String> = []
        return try safeURL(path, checkedFolders: &checked)
    }

    /// `safeURL(_:)`, skipping the folders already found inside the root in `checkedFolders` (so a
    /// plan resolves each folder once, not once per file in it).
    func safeURL(_ path: String, checkedFolders: inout Set<String>) throws -> URL {
        guard Pipeline.isSafeRelativePath(path) else { throw WriterError.outsideProject(path) }
        let url = root.appendingPathComponent(path)
        let parent = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !checkedFolders.contains(parent) {
            try checkAncestors(of: url, path: path)
            checkedFolders.insert(parent)
        }
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
            throw WriterError.symlink(path)
        }
        return url
    }

    /// Every existing ancestor of `url` must resolve inside the root.
    private func checkAncestors(of url: URL, path: String) throws {
        let resolvedRoot = self.resolvedRoot
        var current = url.deletingLastPathComponent()
        while current.path.count >= root.path.count {
            if FileManager.default.fileExists(atPath: current.path) {
                let resolved = current.resolvingSymlinksInPath().path
                if resolved != resolvedRoot && !resolved.hasPrefix(resolvedRoot + "/") { throw WriterError.outsideProject(path) }
                break
            }
            current = current.deletingLastPathComponent()
        }
    }

    func isExecutable(_ url: URL) -> Bool {
        let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? 0
        return permissions & 0o100 != 0
    }
}

/// The writer refused or failed; nothing was half-written.
public enum WriterError: Error, CustomStringConvertible {
    case conflicts([WritePlan.Conflict])
    case outsideProject(String)
    case symlink(String)
    case badLedger(String, String)
    /// A file system call failed before anything was changed.
    case fileSystem(path: String, operation: String, errno: Int32)
    /// A file system call failed after changes began; every change was undone.
    case failedAndRestored(path: String, operation: String, errno: Int32)
    case diskFull(needed: UInt64, free: UInt64, changed: Bool)
    /// A folder stands where a generated file (or a file where a folder) should be.
    case folderInTheWay(String)
    case badJournal(String)
    case busy(String)
    /// Ledger entries scaffold would never write: the ledger was edited, and nothing is deleted.
    case tamperedLedger([String])

    public var description: String {
        switch self {
        case let .conflicts(conflicts):
            return "refusing to overwrite files changed outside scaffold:\n"
                + conflicts.map { "  \($0)" }.joined(separator: "\n")
                + "\nmove your change into Blueprint.swift or a template override in .scaffold/templates/, or run `scaffold regen --force` to overwrite"
        case let .outsideProject(path):
            return "refusing to write '\(path)': it is outside the project root"
        case let .symlink(path):
            return "refusing to write '\(path)': it is a symbolic link; replace it with a regular file or remove it"
        case let .badLedger(path, reason):
            return "\(path) cannot be read: \(reason); restore it from git, or delete it and run `scaffold regen --force`"
        case let .fileSystem(path, operation, code):
            return "cannot \(operation) \(path): \(Self.reason(code)); nothing was changed. \(Self.advice(code, path: path))"
        case let .failedAndRestored(path, operation, code):
            return "cannot \(operation) \(path): \(Self.reason(code)); every change already made was undone, so the project is as it was. \(Self.advice(code, path: path))"
        case let .diskFull(needed, free, changed):
            return "the disk has \(free / 1024) KiB free but the write needs about \(needed / 1024) KiB; \(changed ? "every change was undone" : "nothing was changed"). Free some space and run scaffold again"
        case let .folderInTheWay(path):
            return "cannot write \(path): a folder is in the way of a generated file (or a file of a folder); nothing was changed. Move it aside and run scaffold again"
        case let .badJournal(reason):
            return "\(Journal.path) of an interrupted write can't be read (\(reason)); nothing was changed. Check the project with `git status`, restore what git shows as changed, then delete \(Journal.path)"
        case let .busy(path):
            return "another scaffold is writing this project (it holds \(path)); wait for it to finish and run again"
        case let .tamperedLedger(entries):
            return "\(Ledger.path) names files scaffold never generates, so it was edited by hand or by a pull request; nothing was changed or deleted:\n"
                + entries.map { "  \($0)" }.joined(separator: "\n")
                + "\nrestore \(Ledger.path) from git (`git checkout -- \(Ledger.path)`), or remove those entries, and run scaffold again"
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is exhausted"
        case EROFS: return "the file system is read-only"
        case EISDIR: return "it is a folder"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EEXIST: return "something already exists there"
        case ELOOP: return "it is a symbolic link, which scaffold never writes through"
        default: return String(cString: strerror(code))
        }
    }

    static func advice(_ code: Int32, path: String) -> String {
        switch code {
        case EACCES, EPERM: return "Make it writable for your user (for example `chmod u+w` on it and its folder) and run scaffold again"
        case ENOSPC, EDQUOT: return "Free some space and run scaffold again"
        case EROFS: return "Run scaffold where the project can be written"
        default: return "Fix that and run scaffold again"
        }
    }
}

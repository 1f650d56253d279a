import Foundation
import ScaffoldCore

/// The only code that writes a project to disk. It is ledger-aware: it records what it wrote,
/// removes stale files, refuses to clobber hand edits, writes every file atomically (temporary
/// file + rename) and never writes outside the project root.
public struct ProjectWriter {
    /// The project root.
    public var root: URL

    /// A writer for the project at `root`.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    private var resolvedRoot: String { root.resolvingSymlinksInPath().path }

    /// Plans writing `files`, comparing against the disk and the ledger.
    public func plan(_ files: [GeneratedFile]) throws -> WritePlan {
        let previous = try Ledger.read(root: root)
        var changes: [WritePlan.Change] = []
        var conflicts: [WritePlan.Conflict] = []
        var unchanged: [String] = []
        var keptStale: [String] = []
        var ledger = Ledger()
        let starters = try plannedStarters(files.filter { $0.starter != nil }, previous: previous)
        ledger.starters = (previous.starters.filter { (try? safeURL($0)).map { FileManager.default.fileExists(atPath: $0.path) } ?? false }
            + starters.map(\.path)).sorted()
        for file in files.sorted(by: { $0.path < $1.path }) where file.starter == nil {
            let url = try safeURL(file.path)
            let entry = Ledger.Entry(sha256: SHA256.hex(file.contents), executable: file.executable)
            ledger.files[file.path] = entry
            guard let data = FileManager.default.contents(atPath: url.path) else {
                changes.append(.create(file))
                continue
            }
            let onDisk = SHA256.hex(data)
            let text = String(decoding: data, as: UTF8.self)
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
        for (path, recorded) in previous.files.sorted(by: { $0.key < $1.key }) where ledger.files[path] == nil {
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
        // Stage every file next to its target first; only when all are staged, rename them in.
        var staged: [(temporary: URL, target: URL)] = []
        do {
            for file in writes.sorted(by: { $0.path < $1.path }) {
                let target = try safeURL(file.path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                _ = try safeURL(file.path)  // re-check now that the parents exist
                let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).scaffold-\(ProcessInfo.processInfo.processIdentifier).tmp")
                try Data(file.contents.utf8).write(to: temporary)
                try FileManager.default.setAttributes([.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: temporary.path)
                staged.append((temporary, target))
            }
        } catch {
            for item in staged { try? FileManager.default.removeItem(at: item.temporary) }
            throw WriterError.writeFailed("\(error)")
        }
        for item in staged {
            if rename(item.temporary.path, item.target.path) != 0 {
                throw WriterError.writeFailed("cannot rename into \(item.target.path): errno \(errno)")
            }
        }
        for change in plan.changes {
            guard case let .delete(path, _) = change else { continue }
            let url = try safeURL(path)
            try FileManager.default.removeItem(at: url)
            removeEmptyParents(of: url)
        }
        try writeLedger(plan.ledger)
    }

    private func writeLedger(_ ledger: Ledger) throws {
        let url = try safeURL(Ledger.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try ledger.encoded()
        if FileManager.default.contents(atPath: url.path) == data { return }
        try data.write(to: url, options: .atomic)
    }

    /// The URL of a project-relative path, refusing anything that leaves the project: absolute
    /// paths, `..`, and symlinked folders or files that point outside.
    public func safeURL(_ path: String) throws -> URL {
        guard Pipeline.isSafeRelativePath(path) else { throw WriterError.outsideProject(path) }
        let url = root.appendingPathComponent(path)
        // Every existing ancestor must resolve inside the root.
        var current = url.deletingLastPathComponent()
        while current.path.count >= root.path.count {
            if FileManager.default.fileExists(atPath: current.path) {
                let resolved = current.resolvingSymlinksInPath().path
                if resolved != resolvedRoot && !resolved.hasPrefix(resolvedRoot + "/") { throw WriterError.outsideProject(path) }
                break
            }
            current = current.deletingLastPathComponent()
        }
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
            throw WriterError.symlink(path)
        }
        return url
    }

    private func isExecutable(_ url: URL) -> Bool {
        let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? 0
        return permissions & 0o100 != 0
    }

    private func removeEmptyParents(of url: URL) {
        var folder = url.deletingLastPathComponent()
        while folder.path.count > root.path.count {
            guard let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty else { return }
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}

/// The writer refused or failed; nothing was half-written.
public enum WriterError: Error, CustomStringConvertible {
    case conflicts([WritePlan.Conflict])
    case outsideProject(String)
    case symlink(String)
    case writeFailed(String)
    case badLedger(String, String)

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
        case let .writeFailed(reason):
            return "writing failed, nothing was changed: \(reason)"
        case let .badLedger(path, reason):
            return "\(path) cannot be read: \(reason); restore it from git, or delete it and run `scaffold regen --force`"
        }
    }
}

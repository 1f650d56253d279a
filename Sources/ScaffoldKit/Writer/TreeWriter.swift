import Foundation
import ScaffoldCore

/// Writes a rendered tree into a new or empty folder (for `render`, which keeps no ledger), all
/// or nothing: the files go into a hidden sibling folder, are flushed with one file-system sync
/// rather than one fsync each, and the folder is renamed onto the destination in one step. A run
/// killed half-way leaves the destination as it was (and a hidden `.NAME.scaffold-*` folder
/// beside it, safe to delete).
enum TreeWriter {
    static func write(_ files: [GeneratedFile], to root: URL) throws {
        for file in files where !Pipeline.isSafeRelativePath(file.path) { throw WriterError.outsideProject(file.path) }
        let parent = root.deletingLastPathComponent()
        var missing: [URL] = []
        var ancestor = parent
        while FileIO.kind(ancestor) == nil && ancestor.path != "/" {
            missing.append(ancestor)
            ancestor = ancestor.deletingLastPathComponent()
        }
        for folder in missing.reversed() { try FileIO.makeFolder(folder) }
        let staging = parent.appendingPathComponent(".\(root.lastPathComponent).scaffold-\(FileIO.randomToken())")
        try FileIO.makeFolder(staging)
        do {
            var folders: Set<String> = []
            for (index, file) in files.enumerated() {
                Transaction.checkpoint("render", index + 1)
                var folder = ""
                for component in file.path.split(separator: "/").dropLast() {
                    folder += (folder.isEmpty ? "" : "/") + component
                    if folders.insert(folder).inserted { try FileIO.makeFolder(staging.appendingPathComponent(folder)) }
                }
                try FileIO.writeExclusive(Data(file.contents.utf8), to: staging.appendingPathComponent(file.path),
                                          mode: file.executable ? 0o755 : 0o644, sync: false)
            }
            FileIO.syncFileSystem(of: staging)
            // rename(2) replaces an empty folder, so a new or empty destination both work.
            try FileIO.rename(staging, to: root)
            FileIO.syncFolder(parent)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }
}

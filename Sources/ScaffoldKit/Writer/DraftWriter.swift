import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a drafted Blueprint.swift (from `scaffold import`): atomically, so a reader sees the
/// old file or the whole new one, and never over an existing file unless told to replace it.
enum DraftWriter {
    /// Writes `text` to `url`. Without `replacing`, an existing file is refused with
    /// `ImportError.exists` (checked by the kernel at the moment of writing, not before).
    static func write(_ text: String, to url: URL, displayPath: String, replacing: Bool) throws {
        let folder = url.deletingLastPathComponent()
        if FileIO.kind(folder) == nil {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        if FileIO.kind(url) == S_IFLNK { throw WriterError.symlink(displayPath) }
        let staged = folder.appendingPathComponent(".\(url.lastPathComponent).scaffold-\(FileIO.randomToken()).new")
        try FileIO.writeExclusive(Data(text.utf8), to: staged, mode: 0o644, sync: true) { staged in
            if replacing {
                try FileIO.rename(staged, to: url)
            } else {
                // link(2) fails when the name exists, so nothing is overwritten even in a race.
                guard link(staged.path, url.path) == 0 else {
                    let code = errno
                    if code == EEXIST { throw ImportError.exists(displayPath) }
                    throw WriterError.fileSystem(path: url.path, operation: "create", errno: code)
                }
                unlink(staged.path)
            }
        }
        FileIO.syncFolder(folder)
    }
}

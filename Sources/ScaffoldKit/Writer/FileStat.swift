import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat(2)` says about a file, in the fields that change whenever its bytes do: like git's
/// index, a file whose size, modification and change times, inode and mode all match a recorded
/// entry is taken to have the recorded bytes. (Setting the modification time back with `touch -r`
/// still moves the change time, which no unprivileged call can set.)
struct FileStat: Equatable, Sendable {
    /// Size in bytes.
    var size: Int64
    /// Modification time, nanoseconds since 1970.
    var modified: Int64
    /// Status change time, nanoseconds since 1970.
    var changed: Int64
    /// Inode number (0 where the platform has none).
    var inode: UInt64
    /// `st_mode`: the file type and permission bits.
    var mode: UInt32

    /// Whether it is a regular file (not a link, folder or device).
    var isRegularFile: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    /// Whether it is a symbolic link.
    var isSymbolicLink: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFLNK) }
    /// Whether the owner may execute it, as the writer tests it.
    var isExecutable: Bool { mode & 0o100 != 0 }

    /// The entry at `path` without following a final link; nil when nothing is there.
    static func of(_ path: String) -> FileStat? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        return FileStat(size: Int64(info.st_size),
                        modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
                        changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
                        inode: UInt64(info.st_ino), mode: UInt32(info.st_mode))
    }

    /// Whether `path` is a real folder, not a link to one.
    static func isFolder(_ path: String) -> Bool {
        guard let entry = of(path) else { return false }
        return entry.mode & UInt32(S_IFMT) == UInt32(S_IFDIR)
    }

    /// The wall clock in nanoseconds since 1970, the unit the kernel stamps files in.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file system calls the writer makes, each failing with a `WriterError` that says which path,
/// what went wrong and what to do, never a raw Foundation error.
enum FileIO {
    /// 16 random hex digits, for staging names nobody can predict.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16).leftPadded(to: 16)
    }

    /// Creates `url` exclusively, never through a link (`O_CREAT|O_EXCL|O_NOFOLLOW`), writes `data`,
    /// sets `mode`, optionally fsyncs, then hands it to `body`; removes it if anything fails.
    static func writeExclusive(_ data: Data, to url: URL, mode: mode_t, sync: Bool, then body: (URL) throws -> Void = { _ in }) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriterError.fileSystem(path: url.path, operation: "create", errno: errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fchmod(fd, mode) != 0 { failure = errno }
        if failure == 0, sync, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure != 0 {
            unlink(url.path)
            throw WriterError.fileSystem(path: url.path, operation: "write", errno: failure)
        }
        do {
            try body(url)
        } catch {
            unlink(url.path)
            throw error
        }
    }

    /// Publishes `data` as the cache file `file`: written beside it under a random name, then
    /// renamed over it, so a reader sees a whole entry or none. Throws only when the temporary
    /// can't be written; when the rename fails, the temporary is removed and whatever entry is
    /// there (a concurrent writer's) stands. Nothing is fsynced: losing a cache costs a rebuild.
    static func publishCache(_ data: Data, as file: URL) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".tmp-\(file.lastPathComponent)-\(randomToken())")
        try data.write(to: temporary)
        if posixRename(temporary.path, file.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    static func rename(_ from: URL, to: URL) throws {
        guard posixRename(from.path, to.path) == 0 else {
            throw WriterError.fileSystem(path: to.path, operation: "replace", errno: errno)
        }
    }

    static func makeFolder(_ url: URL) throws {
        guard mkdir(url.path, 0o755) == 0 || errno == EEXIST else {
            throw WriterError.fileSystem(path: url.path, operation: "create the folder", errno: errno)
        }
    }

    /// Flushes everything written to the project's file system: one call for a whole batch where
    /// the platform has `syncfs`, instead of one fsync per file.
    static func syncFileSystem(of url: URL) {
        #if os(Linux)
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        typealias SyncFS = @convention(c) (Int32) -> Int32
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "syncfs") {
            _ = unsafeBitCast(symbol, to: SyncFS.self)(fd)
        } else {
            sync()
        }
        close(fd)
        #else
        sync()
        #endif
    }

    /// fsync of a folder, so a rename in it is durable.
    static func syncFolder(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Free bytes on the file system holding `url`.
    static func freeBytes(at url: URL) -> UInt64? {
        var info = statvfs()
        guard statvfs(url.path, &info) == 0 else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// Whether `url` is a folder this process may create entries in.
    static func isWritableFolder(_ url: URL) -> Bool {
        access(url.path, W_OK | X_OK) == 0
    }

    /// The kind of entry at `url` without following a final link: nil when nothing is there.
    static func kind(_ url: URL) -> mode_t? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}

/// rename(2), named so it doesn't clash with `FileIO.rename`.
func posixRename(_ from: String, _ to: String) -> Int32 {
    #if canImport(Glibc)
    return Glibc.rename(from, to)
    #else
    return Darwin.rename(from, to)
    #endif
}

extension String {
    /// The string with `0`s in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

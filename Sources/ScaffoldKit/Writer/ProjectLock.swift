import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock on `.scaffold/lock`, held while scaffold reads and writes a project, so two
/// runs never interleave: the second waits for the first (up to `wait` seconds), then says the
/// project is busy.
struct ProjectLock {
    static let path = ".scaffold/lock"
    private let fd: Int32

    static func acquire(root: URL, wait: Double = 60) throws -> ProjectLock {
        let url = root.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        if FileIO.kind(root) != nil && FileIO.kind(folder) == nil {
            try FileIO.makeFolder(folder)
        }
        let fd = open(url.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriterError.fileSystem(path: url.path, operation: "open the lock", errno: errno) }
        let deadline = Date().addingTimeInterval(wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                throw WriterError.busy(url.path)
            }
            usleep(50_000)
        }
        return ProjectLock(fd: fd)
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

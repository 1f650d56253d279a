import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion and captures its output.
///
/// The program runs in a process group of its own, so everything it starts can be stopped with
/// it: when it exits, anything it left behind in its group is killed (a detached child holding
/// its output open can't keep scaffold waiting), and past `timeout` the whole group is killed.
enum Subprocess {
    /// What the program did.
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the time limit killed it (then `status` is meaningless).
        var timedOut: Bool
    }

    /// The program could not be started at all.
    struct LaunchError: Error, CustomStringConvertible {
        var program: String
        var reason: String
        var description: String { "cannot run \(program): \(reason)" }
    }

    /// How long output is still read after the program exits, for pipes a child of it still holds.
    static let drainGrace = 0.2

    static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil, input: Data? = nil, timeout: Double? = nil) throws -> Output {
        let path = program.contains("/") ? program : CompilerVersion.which(program)
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1], inPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, input == nil || pipe(&inPipe) == 0 else {
            throw LaunchError(program: program, reason: String(cString: strerror(errno)))
        }
        var actions = FileActions()
        defer { actions.destroy() }
        actions.dup(outPipe[1], to: 1)
        actions.dup(errPipe[1], to: 2)
        if input != nil { actions.dup(inPipe[0], to: 0) } else { actions.openNull(at: 0) }
        for fd in outPipe + errPipe + inPipe where fd > 2 { actions.addClose(fd) }
        if let currentDirectory, !actions.chdir(currentDirectory.path) {
            throw LaunchError(program: program, reason: "this platform can't start a program in another folder")
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions.actions, &attributes, argv, envp)
        for fd in [outPipe[1], errPipe[1], inPipe[0]] where fd >= 0 { close(fd) }
        guard spawned == 0 else {
            for fd in [outPipe[0], errPipe[0], inPipe[1]] where fd >= 0 { close(fd) }
            throw LaunchError(program: program, reason: String(cString: strerror(spawned)))
        }
        if let input {
            let fd = inPipe[1]
            // Feed stdin from another thread, so a program that writes before it reads can't deadlock.
            Thread.detachNewThread {
                input.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                        if written <= 0 { break }
                        offset += written
                    }
                }
                close(fd)
            }
        }
        return collect(pid: pid, out: outPipe[0], err: errPipe[0], timeout: timeout)
    }

    /// Reads both pipes until the program exits (plus a short grace) or the deadline passes, then
    /// kills whatever is left of its process group and reaps it.
    private static func collect(pid: pid_t, out: Int32, err: Int32, timeout: Double?) -> Output {
        let start = Date()
        var buffers = [Data(), Data()]
        var open = [true, true]
        let fds = [out, err]
        var status: Int32 = 0
        var exited = false
        var exitTime: Date?
        var timedOut = false
        var chunk = [UInt8](repeating: 0, count: 65536)
        while open.contains(true) {
            if !exited {
                var raw: Int32 = 0
                if waitpid(pid, &raw, WNOHANG) == pid {
                    exited = true
                    exitTime = Date()
                    status = decode(raw)
                }
            }
            if let exitTime, Date().timeIntervalSince(exitTime) > drainGrace { break }
            if let timeout, !exited, Date().timeIntervalSince(start) > timeout {
                timedOut = true
                break
            }
            var polls = fds.enumerated().filter { open[$0.offset] }.map { pollfd(fd: $0.element, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polls, nfds_t(polls.count), 50)
            if ready <= 0 { continue }
            for item in polls where item.revents != 0 {
                guard let index = fds.firstIndex(of: item.fd) else { continue }
                let count = read(item.fd, &chunk, chunk.count)
                if count > 0 { buffers[index].append(contentsOf: chunk[0..<count]) } else { open[index] = false }
            }
        }
        // Nothing of the program may outlive it: its process group goes.
        kill(-pid, SIGKILL)
        if !exited {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            status = decode(raw)
        }
        close(out)
        close(err)
        return Output(status: status, stdout: String(decoding: buffers[0], as: UTF8.self),
                      stderr: String(decoding: buffers[1], as: UTF8.self), timedOut: timedOut)
    }

    /// The exit status, or 128 + the signal for a program a signal ended.
    private static func decode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }

    /// posix_spawn file actions, with `chdir` looked up at run time (glibc 2.29+ and macOS have it,
    /// but Swift's Glibc module doesn't declare it).
    private struct FileActions {
        var actions = posix_spawn_file_actions_t()

        init() { posix_spawn_file_actions_init(&actions) }

        mutating func dup(_ fd: Int32, to target: Int32) { posix_spawn_file_actions_adddup2(&actions, fd, target) }
        mutating func addClose(_ fd: Int32) { posix_spawn_file_actions_addclose(&actions, fd) }
        mutating func openNull(at target: Int32) { posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_RDONLY, 0) }

        mutating func chdir(_ path: String) -> Bool {
            typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else { return false }
            let addChdir = unsafeBitCast(symbol, to: AddChdir.self)
            return path.withCString { addChdir(&actions, $0) } == 0
        }

        mutating func destroy() { posix_spawn_file_actions_destroy(&actions) }
    }
}

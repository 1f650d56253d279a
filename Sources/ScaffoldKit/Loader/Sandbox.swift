import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a compiled blueprint may look and write: it runs confined to reading the project and the
/// libraries it needs, writing only its work folder, with no network.
///
/// On Linux scaffold re-runs itself as `scaffold __sandbox-exec ... -- BLUEPRINT`, which confines
/// itself and then `exec`s the blueprint, so the blueprint inherits the confinement:
/// - a user and network namespace of its own (no network interface but a down loopback), when the
///   kernel lets unprivileged users have one;
/// - Landlock (Linux 5.13+): reads only beneath the allowed folders, writes only beneath the work
///   folder, and (Linux 6.7+) no TCP connect or bind.
/// On macOS it runs under `sandbox-exec` with an equivalent profile, as SwiftPM runs manifests.
/// Where neither exists, the blueprint runs unconfined and scaffold says so once.
struct Sandbox: Sendable {
    /// Folders (or files) the blueprint may read and execute.
    var readable: [String]
    /// Folders it may read and write.
    var writable: [String]

    /// The hidden command's name.
    static let command = "__sandbox-exec"

    /// The command line that runs `program` confined, with `launcher` (scaffold itself) doing the
    /// confining; nil when this platform can't confine it.
    func launch(_ program: String, launcher: String) -> [String]? {
        #if os(Linux)
        guard Self.landlockABI() > 0 else { return nil }
        var arguments = [launcher, Self.command]
        for path in readable { arguments += ["--read", path] }
        for path in writable { arguments += ["--write", path] }
        return arguments + ["--", program]
        #elseif os(macOS)
        return ["/usr/bin/sandbox-exec", "-p", macProfile(), program]
        #else
        return nil
        #endif
    }

    /// Why the blueprint runs unconfined here, when it does.
    static var unavailableReason: String? {
        #if os(Linux)
        return landlockABI() > 0 ? nil : "this Linux kernel has no Landlock (5.13 or later enables it)"
        #elseif os(macOS)
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/sandbox-exec") ? nil : "sandbox-exec is missing"
        #else
        return "scaffold has no sandbox for this platform"
        #endif
    }

    #if os(macOS)
    /// A Seatbelt profile: deny by default; read the allowed folders and the system; write the
    /// work folders; no network.
    func macProfile() -> String {
        func quoted(_ path: String) -> String { "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let reads = (readable + ["/usr/lib", "/System", "/Library/Developer", "/Applications/Xcode.app", "/private/var/db/dyld", "/dev"]).map { "(subpath \(quoted($0)))" }.joined(separator: " ")
        let writes = writable.map { "(subpath \(quoted($0)))" }.joined(separator: " ")
        return "(version 1)(deny default)(allow process-exec process-fork signal (target self))(allow sysctl-read)"
            + "(allow file-read-metadata)(allow file-read* \(reads))(allow file-write* \(writes) (literal \"/dev/null\"))(deny network*)"
    }
    #endif

    // MARK: - Linux: the confining side of `__sandbox-exec`

    #if os(Linux)
    /// Landlock's ABI version, 0 when the kernel has none.
    static func landlockABI() -> Int {
        let abi = SyscallFunction.shared.call(Landlock.createRuleset, 0, 0, Landlock.createRulesetVersion)
        return abi > 0 ? abi : 0
    }

    /// `scaffold __sandbox-exec --read P ... --write P ... -- PROGRAM ARGS`: confine this process,
    /// then become PROGRAM. Never returns on success.
    static func execute(_ arguments: [String]) -> Int32 {
        var readable: [String] = [], writable: [String] = [], program: [String] = []
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--read" where index + 1 < arguments.count: readable.append(arguments[index + 1]); index += 2
            case "--write" where index + 1 < arguments.count: writable.append(arguments[index + 1]); index += 2
            case "--": program = Array(arguments[(index + 1)...]); index = arguments.count
            default: return fail("unexpected argument '\(arguments[index])'")
            }
        }
        guard let executable = program.first else { return fail("no program to run") }
        isolateNetwork()
        if let problem = confine(readable: readable + [executable], writable: writable) { return fail(problem) }
        let argv = program.map { strdup($0) } + [nil]
        execve(executable, argv, environ)
        return fail("cannot run \(executable): \(String(cString: strerror(errno)))")
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("scaffold sandbox: \(message)\n".utf8))
        return 70
    }

    /// A user and network namespace of its own, keeping its own uid and gid, when unprivileged
    /// namespaces are allowed; Landlock still denies TCP when they are not.
    private static func isolateNetwork() {
        let uid = getuid(), gid = getgid()
        typealias Unshare = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "unshare") else { return }
        let cloneNewUser: Int32 = 0x1000_0000, cloneNewNet: Int32 = 0x4000_0000
        guard unsafeBitCast(symbol, to: Unshare.self)(cloneNewUser | cloneNewNet) == 0 else { return }
        func write(_ text: String, to path: String) {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { return }
            _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
            close(fd)
        }
        write("deny", to: "/proc/self/setgroups")
        write("\(uid) \(uid) 1", to: "/proc/self/uid_map")
        write("\(gid) \(gid) 1", to: "/proc/self/gid_map")
    }

    /// Applies the Landlock ruleset; a message when it can't.
    private static func confine(readable: [String], writable: [String]) -> String? {
        let abi = landlockABI()
        guard abi > 0 else { return "this kernel has no Landlock" }
        var handledFS: UInt64 = Landlock.fsV1
        if abi >= 2 { handledFS |= Landlock.fsRefer }
        if abi >= 3 { handledFS |= Landlock.fsTruncate }
        if abi >= 5 { handledFS |= Landlock.fsIoctlDev }
        // ABI 4 adds TCP: handled with no rule, so every connect and bind is denied.
        let handledNet: UInt64 = abi >= 4 ? Landlock.netBindTCP | Landlock.netConnectTCP : 0
        // ABI 6 scopes abstract UNIX sockets and signals to the sandbox.
        let scoped: UInt64 = abi >= 6 ? Landlock.scopeAbstractUnix | Landlock.scopeSignal : 0
        var attributes: [UInt64] = [handledFS, handledNet, scoped]
        let size = abi >= 6 ? 24 : (abi >= 4 ? 16 : 8)
        let ruleset = attributes.withUnsafeMutableBytes { SyscallFunction.shared.call(Landlock.createRuleset, Int(bitPattern: $0.baseAddress), size, 0) }
        guard ruleset >= 0 else { return "Landlock refused the ruleset (errno \(errno))" }
        defer { close(Int32(ruleset)) }
        let readRights = Landlock.fsExecute | Landlock.fsReadFile | Landlock.fsReadDir
        for (paths, rights) in [(readable, readRights), (writable, handledFS)] {
            for path in paths {
                let fd = open(path, Landlock.oPath | O_CLOEXEC)
                guard fd >= 0 else { continue }
                defer { close(fd) }
                var info = stat()
                fstat(fd, &info)
                let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                let allowed = (isDirectory ? rights : rights & Landlock.fileRights) & handledFS
                // struct landlock_path_beneath_attr is packed: a u64 then an s32, 12 bytes.
                var rule = [UInt8](repeating: 0, count: 12)
                withUnsafeBytes(of: allowed.littleEndian) { rule.replaceSubrange(0..<8, with: $0) }
                withUnsafeBytes(of: fd.littleEndian) { rule.replaceSubrange(8..<12, with: $0) }
                let added = rule.withUnsafeMutableBytes { SyscallFunction.shared.call(Landlock.addRule, ruleset, Landlock.rulePathBeneath, Int(bitPattern: $0.baseAddress), 0) }
                if added != 0 { return "Landlock refused the rule for \(path) (errno \(errno))" }
            }
        }
        guard SyscallFunction.shared.call(Landlock.prctl, Landlock.prSetNoNewPrivs, 1, 0, 0) == 0 else { return "cannot set no_new_privs (errno \(errno))" }
        guard SyscallFunction.shared.call(Landlock.restrictSelf, ruleset, 0, 0) == 0 else { return "Landlock could not confine the blueprint (errno \(errno))" }
        return nil
    }

    /// Landlock's system calls and flags (linux/landlock.h; the numbers are the same on every architecture).
    private enum Landlock {
        static let createRuleset = 444, addRule = 445, restrictSelf = 446
        #if arch(x86_64)
        static let prctl = 157
        #else
        static let prctl = 167
        #endif
        static let prSetNoNewPrivs = 38
        /// open(2)'s O_PATH (Swift's Glibc doesn't export it): a descriptor naming a file without opening it.
        static let oPath: Int32 = 0o10000000
        static let createRulesetVersion = 1
        static let rulePathBeneath = 1
        static let fsExecute: UInt64 = 1 << 0, fsWriteFile: UInt64 = 1 << 1, fsReadFile: UInt64 = 1 << 2, fsReadDir: UInt64 = 1 << 3
        static let fsV1: UInt64 = (1 << 13) - 1
        static let fsRefer: UInt64 = 1 << 13, fsTruncate: UInt64 = 1 << 14, fsIoctlDev: UInt64 = 1 << 15
        /// The rights that apply to a file (the others are about directory contents).
        static let fileRights: UInt64 = fsExecute | fsWriteFile | fsReadFile | fsTruncate | fsIoctlDev
        static let netBindTCP: UInt64 = 1 << 0, netConnectTCP: UInt64 = 1 << 1
        static let scopeAbstractUnix: UInt64 = 1 << 0, scopeSignal: UInt64 = 1 << 1
    }

    /// libc's `syscall`, which Swift can't call directly (it is variadic), through a fixed-arity
    /// pointer: the integer arguments are passed the same way.
    private struct SyscallFunction: @unchecked Sendable {
        typealias Call = @convention(c) (Int, Int, Int, Int, Int, Int, Int) -> Int
        let function: Call?

        static let shared = SyscallFunction(function: dlsym(dlopen(nil, RTLD_NOW), "syscall").map { unsafeBitCast($0, to: Call.self) })

        func call(_ number: Int, _ a: Int, _ b: Int, _ c: Int, _ d: Int = 0) -> Int {
            guard let function else { errno = ENOSYS; return -1 }
            // Every register the kernel reads is set: unused arguments are zero, not leftovers.
            return function(number, a, b, c, d, 0, 0)
        }
    }
    #endif
}

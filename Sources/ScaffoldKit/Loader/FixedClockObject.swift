import Foundation
import ScaffoldCore

/// The fixed clock (`FixedClock.source`) compiled once per user and compiler into an object file,
/// with the linker flags it asks for, so a cold load compiles the blueprint alone: compiling the
/// clock (its `Glibc` import above all) was about a third of the frontend's time on a small
/// blueprint.
///
/// Kept in the per-user compiler cache, in a folder named by a digest of the compiler's version,
/// its target and the clock's source; the folder is built beside its final name and renamed into
/// place whole, so a concurrent or killed build never leaves half an object behind.
struct FixedClockObject: Sendable {
    /// The object file.
    var object: URL
    /// Its linker flags, in order.
    var linkFlags: [String]

    /// The object for `compiler`, built under `cacheDirectory` on first use; nil where it can't
    /// be built here (the caller then compiles the clock's source next to the blueprint).
    static func prepared(compiler: CompilerVersion, cacheDirectory: URL, moduleCache: URL, timeout: Double) -> FixedClockObject? {
        #if os(Linux)
        guard let triple = compiler.triple else { return nil }
        let fm = FileManager.default
        let name = "fixed-clock-" + SHA256.hex([compiler.version, triple, FixedClock.source].joined(separator: "\n")).prefix(32)
        let folder = cacheDirectory.appendingPathComponent(name)
        if let known = stored(in: folder) { return known }
        let frontend = URL(fileURLWithPath: compiler.binDirectory).appendingPathComponent("swift-frontend").path
        guard fm.isExecutableFile(atPath: frontend) else { return nil }
        let staging = cacheDirectory.appendingPathComponent(".\(name)-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: staging) }
        let source = staging.appendingPathComponent(FixedClock.fileName)
        let object = staging.appendingPathComponent("clock.o")
        guard (try? fm.createDirectory(at: staging, withIntermediateDirectories: true)) != nil,
              (try? Data(FixedClock.source.utf8).write(to: source)) != nil,
              let built = try? Subprocess.run(frontend, [
                  "-frontend", "-c", source.path, "-parse-as-library", "-target", triple, "-disable-objc-interop",
                  "-module-cache-path", moduleCache.path, "-suppress-warnings", "-Onone",
                  "-module-name", "ScaffoldFixedClock", "-o", object.path,
              ], timeout: timeout), built.status == 0, !built.timedOut,
              let flags = AutolinkEntries.read(objectAt: object.path),
              (try? Data(flags.map { $0 + "\n" }.joined().utf8).write(to: staging.appendingPathComponent("clock.autolink"))) != nil else {
            return nil
        }
        // Whoever renames first wins; a loser's folder is removed by the `defer`.
        _ = rename(staging.path, folder.path)
        return stored(in: folder)
        #else
        return nil
        #endif
    }

    /// The object and flags stored in `folder`, if both are there.
    static func stored(in folder: URL) -> FixedClockObject? {
        let object = folder.appendingPathComponent("clock.o")
        guard FileStat.of(object.path)?.isRegularFile == true,
              let text = try? String(contentsOf: folder.appendingPathComponent("clock.autolink"), encoding: .utf8) else { return nil }
        return FixedClockObject(object: object, linkFlags: text.split(separator: "\n").map(String.init))
    }
}

import Foundation

/// The jobs `swiftc` runs to build a blueprint (frontend, autolink extraction, link), spelled out
/// so the loader runs them itself: that skips the driver's own start-up and planning, and links
/// with the toolchain's `lld` where it has one. Linux only; anything unusual (another platform, a
/// toolchain missing a piece, a job failing) leaves the build to the driver, whose result stands.
struct FrontendInvocation: Sendable {
    /// One program run.
    struct Job: Sendable {
        /// The program's path.
        var program: String
        /// Its arguments.
        var arguments: [String]
    }

    /// The jobs, in order.
    var jobs: [Job]

    /// The jobs compiling `sources` (the first is the main file) into `executable`, with object
    /// files in `work`; nil where the driver must do it.
    init?(compiler: CompilerVersion, sources: [URL], modules: URL, moduleCache: URL, linkArguments: [String], work: URL, executable: URL) {
        #if os(Linux)
        let fm = FileManager.default
        let bin = URL(fileURLWithPath: compiler.binDirectory)
        let frontend = bin.appendingPathComponent("swift-frontend").path
        let autolink = bin.appendingPathComponent("swift-autolink-extract").path
        let clang = bin.appendingPathComponent("clang").path
        guard let triple = compiler.triple, let resources = compiler.runtimeResourcePath, !compiler.runtimeLibraryPaths.isEmpty,
              let arch = triple.split(separator: "-").first,
              [frontend, autolink, clang].allSatisfy(fm.isExecutableFile(atPath:)) else { return nil }
        let runtimeObject = URL(fileURLWithPath: resources).appendingPathComponent("linux/\(arch)/swiftrt.o").path
        guard fm.fileExists(atPath: runtimeObject) else { return nil }
        let object = work.appendingPathComponent("main.o").path
        let autolinked = work.appendingPathComponent("main.autolink").path
        let compile = ["-frontend", "-c"] + sources.map(\.path) + [
            "-target", triple, "-disable-objc-interop", "-I", modules.path,
            "-no-color-diagnostics", "-Xcc", "-fno-color-diagnostics", "-module-cache-path", moduleCache.path,
            "-suppress-warnings", "-Onone", "-module-name", "main", "-o", object,
        ]
        var link = ["-pie"]
        if fm.isExecutableFile(atPath: bin.appendingPathComponent("ld.lld").path) { link.append("-fuse-ld=lld") }
        for path in compiler.runtimeLibraryPaths { link += ["-Xlinker", "-rpath", "-Xlinker", path] }
        link += [runtimeObject, object, "@" + autolinked]
        for path in compiler.runtimeLibraryPaths { link += ["-L", path] }
        link += ["-lswiftCore", "--target=\(triple)"] + linkArguments + ["-Xlinker", "-export-dynamic", "-o", executable.path]
        jobs = [Job(program: frontend, arguments: compile), Job(program: autolink, arguments: [object, "-o", autolinked]),
                Job(program: clang, arguments: link)]
        #else
        return nil
        #endif
    }

    /// Runs the jobs in order, each within `timeout`, stopping at the first that fails; returns the
    /// last job's output with every job's error output.
    func run(timeout: Double) throws -> Subprocess.Output {
        var errors = ""
        var last = Subprocess.Output(status: 0, stdout: "", stderr: "", timedOut: false)
        for job in jobs {
            last = try Subprocess.run(job.program, job.arguments, timeout: timeout)
            errors += last.stderr
            if last.status != 0 || last.timedOut { break }
        }
        last.stderr = errors
        return last
    }
}

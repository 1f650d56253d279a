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

    /// The frontend compiling the sources into one object file.
    var compile: Job
    /// `swift-autolink-extract`, for an object file `AutolinkEntries` can't read.
    var autolink: Job
    /// The link into the executable.
    var link: Job
    /// The object file `compile` writes.
    var object: String
    /// The response file of linker flags `link` reads.
    var autolinked: String
    /// Linker flags of a precompiled object linked in too (the fixed clock's).
    var extraFlags: [String]

    /// The jobs compiling `sources` (the first is the main file) into `executable`, linked with
    /// `fixedClock`'s object when there is one, with object files in `work`; nil where the driver
    /// must do it.
    init?(compiler: CompilerVersion, sources: [URL], fixedClock: FixedClockObject?, modules: URL, moduleCache: URL,
          linkArguments: [String], work: URL, executable: URL) {
        #if os(Linux)
        let fm = FileManager.default
        let bin = URL(fileURLWithPath: compiler.binDirectory)
        let frontend = bin.appendingPathComponent("swift-frontend").path
        let extract = bin.appendingPathComponent("swift-autolink-extract").path
        let clang = bin.appendingPathComponent("clang").path
        guard let triple = compiler.triple, let resources = compiler.runtimeResourcePath, !compiler.runtimeLibraryPaths.isEmpty,
              let arch = triple.split(separator: "-").first,
              [frontend, extract, clang].allSatisfy(fm.isExecutableFile(atPath:)) else { return nil }
        let runtimeObject = URL(fileURLWithPath: resources).appendingPathComponent("linux/\(arch)/swiftrt.o").path
        guard fm.fileExists(atPath: runtimeObject) else { return nil }
        object = work.appendingPathComponent("main.o").path
        autolinked = work.appendingPathComponent("main.autolink").path
        extraFlags = fixedClock?.linkFlags ?? []
        compile = Job(program: frontend, arguments: ["-frontend", "-c"] + sources.map(\.path) + [
            "-target", triple, "-disable-objc-interop", "-I", modules.path,
            "-no-color-diagnostics", "-Xcc", "-fno-color-diagnostics", "-module-cache-path", moduleCache.path,
            "-suppress-warnings", "-Onone", "-module-name", "main", "-o", object,
        ])
        autolink = Job(program: extract, arguments: [object, "-o", autolinked])
        var arguments = ["-pie"]
        if fm.isExecutableFile(atPath: bin.appendingPathComponent("ld.lld").path) { arguments.append("-fuse-ld=lld") }
        for path in compiler.runtimeLibraryPaths { arguments += ["-Xlinker", "-rpath", "-Xlinker", path] }
        arguments += [runtimeObject, object] + (fixedClock.map { [$0.object.path] } ?? []) + ["@" + autolinked]
        for path in compiler.runtimeLibraryPaths { arguments += ["-L", path] }
        arguments += ["-lswiftCore", "--target=\(triple)"] + linkArguments + ["-Xlinker", "-export-dynamic", "-o", executable.path]
        link = Job(program: clang, arguments: arguments)
        #else
        return nil
        #endif
    }

    /// Compiles, gathers the linker flags (reading the object here, or with the tool) and links,
    /// each job within `timeout`, stopping at the first that fails; returns the last job's output
    /// with every job's error output.
    func run(timeout: Double) throws -> Subprocess.Output {
        var errors = ""
        /// Runs `job`; its output carries the error output of every job so far.
        func step(_ job: Job) throws -> Subprocess.Output {
            var output = try Subprocess.run(job.program, job.arguments, timeout: timeout)
            errors += output.stderr
            output.stderr = errors
            return output
        }
        func failed(_ output: Subprocess.Output) -> Bool { output.status != 0 || output.timedOut }
        let compiled = try step(compile)
        if failed(compiled) { return compiled }
        var flags: [String]
        if let read = AutolinkEntries.read(objectAt: object) {
            flags = read
        } else {
            let extracted = try step(autolink)
            if failed(extracted) { return extracted }
            flags = (try? String(contentsOfFile: autolinked, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        }
        for flag in extraFlags where !flags.contains(flag) { flags.append(flag) }
        try Data(flags.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: autolinked))
        return try step(link)
    }
}

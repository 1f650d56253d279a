import BlueprintDescription
import Foundation
import ScaffoldCore

/// Loads a `Blueprint.swift` the way SwiftPM loads `Package.swift`: compiles it with `swiftc`
/// against the prebuilt `BlueprintDescription` module, runs it, and reads the blueprint back as
/// JSON from a file named in `SCAFFOLD_BLUEPRINT_OUTPUT` (never stdout, so `print` is harmless).
///
/// Results are cached by the SHA-256 of the blueprint's bytes, the scaffold version and the
/// compiler version; a warm load reads the cached JSON and never runs `swiftc`.
public struct BlueprintLoader: Sendable {
    /// Where scaffold's module and library are.
    public var installation: Installation
    /// The cache folder.
    public var cacheDirectory: URL
    /// The compiler to run.
    public var swiftc: String
    /// How long the compiled blueprint may run before its whole process group is killed.
    public var runTimeout: Double
    /// How long compiling it may take.
    public var compileTimeout: Double
    /// swiftc's module cache: one per user and compiler, shared by every project, so a new or
    /// moved project doesn't rebuild it (clang's cache embeds its own path, so it must not travel
    /// with a project's `.scaffold/cache`).
    public var moduleCache: URL

    /// A loader caching into `cacheDirectory`.
    public init(installation: Installation, cacheDirectory: URL, swiftc: String? = nil, runTimeout: Double? = nil) {
        self.installation = installation
        self.cacheDirectory = cacheDirectory
        self.swiftc = swiftc ?? Self.findCompiler()
        self.runTimeout = runTimeout ?? Self.configuredTimeout()
        self.compileTimeout = max(600, self.runTimeout)
        self.moduleCache = ProjectSession.userCache().appendingPathComponent("module-cache")
    }

    /// Where what the compiler says of itself is cached: per user, next to the module cache, so a
    /// cleared or new project cache doesn't ask it again.
    var compilerCache: URL { moduleCache.deletingLastPathComponent().appendingPathComponent("compilers") }

    /// `SCAFFOLD_BLUEPRINT_TIMEOUT` (seconds), else 30.
    static func configuredTimeout(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Double {
        environment["SCAFFOLD_BLUEPRINT_TIMEOUT"].flatMap(Double.init).map { max($0, 1) } ?? 30
    }

    /// What a load produced.
    public struct Result: Sendable {
        /// The declared blueprint.
        public var blueprint: Blueprint
        /// Whether it came from the cache (no compiler run).
        public var cached: Bool
    }

    /// Loads the blueprint at `path`. `displayPath` is how errors name it.
    public func load(_ path: URL, displayPath: String? = nil) throws -> Result {
        let shown = displayPath ?? path.path
        guard let bytes = FileManager.default.contents(atPath: path.path) else {
            throw LoaderError.missingBlueprint(shown)
        }
        let compiler = try CompilerVersion.cached(swiftc: swiftc, cacheDirectory: compilerCache)
        let compilerVersion = compiler.version
        let key = cacheKey(bytes, compilerVersion: compilerVersion)
        let cacheFile = cacheDirectory.appendingPathComponent("blueprint-\(key).json")
        if let cached = FileManager.default.contents(atPath: cacheFile.path),
           let document = try? Self.decode(cached, shown: shown), let blueprint = document.blueprint {
            return Result(blueprint: blueprint, cached: true)
        }
        try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        // One folder per load: two loads of the same blueprint (two threads, or two processes) must
        // never share, or one's cleanup removes the other's build.
        let work = cacheDirectory.appendingPathComponent("build-\(key)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        // The blueprint is compiled as the program's main file, next to the fixed clock.
        let main = work.appendingPathComponent("main.swift")
        try bytes.write(to: main)
        let clock = work.appendingPathComponent(FixedClock.fileName)
        try Data(FixedClock.source.utf8).write(to: clock)
        let executable = work.appendingPathComponent("blueprint")
        let moduleCache = moduleCache.appendingPathComponent(SHA256.hex(compilerVersion).prefix(16).description)
        func runCompiler() throws -> Subprocess.Output {
            try Subprocess.run(swiftc, [
                "-module-name", "main", "-Onone", "-suppress-warnings",
                "-I", installation.modules.path,
                "-module-cache-path", moduleCache.path,
                main.path, clock.path, "-Xlinker", "-export-dynamic",
            ] + installation.linkArguments + ["-o", executable.path], timeout: compileTimeout)
        }
        var compile = Subprocess.Output(status: -1, stdout: "", stderr: "", timedOut: false)
        let incremental = IncrementalBuild(folder: cacheDirectory.appendingPathComponent("incremental"), swiftc: swiftc,
                                           stamp: [ScaffoldVersion.current, compilerVersion, moduleFingerprint, cacheDirectory.standardizedFileURL.path,
                                                   installation.modules.path, installation.linkArguments.joined(separator: " ")].joined(separator: "\n") + "\n")
        if let source = String(data: bytes, encoding: .utf8),
           let partition = BlueprintPartition(source: source, mainPath: incremental.mainFile.path),
           let built = try incremental.build(partition, extraSources: [(FixedClock.fileName, FixedClock.source)], arguments: [
               "-module-name", "main", "-Onone", "-suppress-warnings", "-I", installation.modules.path,
               "-module-cache-path", moduleCache.path, "-Xlinker", "-export-dynamic",
           ] + compiler.fastLinker + installation.linkArguments, timeout: compileTimeout, executable: executable) {
            // A large blueprint, built part by part; if that fails, the whole file is compiled as
            // written below, and its diagnostics are the ones shown.
            if built.timedOut { throw LoaderError.timedOut(shown, phase: "compiling", seconds: compileTimeout) }
            compile = built
        }
        // The clock precompiled once per user, or else compiled with the blueprint.
        let fixedClock = compile.status == 0 ? nil
            : FixedClockObject.prepared(compiler: compiler, cacheDirectory: compilerCache, moduleCache: moduleCache, timeout: compileTimeout)
        if compile.status != 0,
           let direct = FrontendInvocation(compiler: compiler, sources: fixedClock == nil ? [main, clock] : [main], fixedClock: fixedClock,
                                           modules: installation.modules, moduleCache: moduleCache,
                                           linkArguments: installation.linkArguments, work: work, executable: executable) {
            compile = try direct.run(timeout: compileTimeout)
            if compile.timedOut { throw LoaderError.timedOut(shown, phase: "compiling", seconds: compileTimeout) }
            if compile.status != 0, let fixedClock, FileManager.default.fileExists(atPath: direct.object) {
                // The blueprint compiled but didn't link: don't trust the stored clock again.
                try? FileManager.default.removeItem(at: fixedClock.object.deletingLastPathComponent())
            }
        }
        // The driver builds what the direct jobs didn't, and its diagnostics are the ones shown.
        if compile.status != 0 { compile = try runCompiler() }
        if compile.status != 0, compile.stderr.contains("was compiled with module cache path") || compile.stderr.contains("module file") && compile.stderr.contains("out of date") {
            // A stale or moved module cache: rebuild it once.
            try? FileManager.default.removeItem(at: moduleCache)
            compile = try runCompiler()
        }
        if compile.timedOut { throw LoaderError.timedOut(shown, phase: "compiling", seconds: compileTimeout) }
        guard compile.status == 0 else {
            throw LoaderError.compileFailed(Self.rewrite(compile.stderr + compile.stdout, path: main.path, shown: shown))
        }
        let output = work.appendingPathComponent("blueprint.json")
        let scratch = work.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // A fixed environment: nothing of the caller's (tokens, USER, CI flags) can change the result.
        let environment = [
            "SCAFFOLD_BLUEPRINT_OUTPUT": output.path, "PATH": "/usr/bin:/bin", "HOME": scratch.path,
            "TMPDIR": scratch.path, "TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        ]
        let command = sandbox(for: path, work: work).launch(executable.path, launcher: installation.executable.path) ?? [executable.path]
        let run = try Subprocess.run(command[0], Array(command.dropFirst()), environment: environment, currentDirectory: work, timeout: runTimeout)
        if run.timedOut { throw LoaderError.timedOut(shown, phase: "running", seconds: runTimeout) }
        guard run.status == 0 else {
            let said = Self.rewrite(Self.rewrite(run.stderr, path: main.path, shown: shown), path: incremental.mainFile.path, shown: shown)
            throw LoaderError.runFailed(shown, status: run.status, output: said)
        }
        guard let json = FileManager.default.contents(atPath: output.path) else {
            throw LoaderError.noBlueprint(shown)
        }
        let document = try Self.decode(json, shown: shown)
        guard document.errors.isEmpty, let blueprint = document.blueprint else {
            throw LoaderError.declarationErrors(document.errors.map { error in
                error.location.map { "\(shown):\($0.line): error: \(error.message)" } ?? "\(shown): error: \(error.message)"
            })
        }
        // Atomic publish of the cache entry: rename(2) replaces any entry a concurrent load wrote.
        try FileIO.publishCache(json, as: cacheFile)
        return Result(blueprint: blueprint, cached: false)
    }

    /// The cache key of a blueprint's bytes: it names everything the result depends on: the
    /// source, scaffold, the compiler and the DSL module it compiles against (a rebuilt module
    /// under the same version counts).
    func cacheKey(_ bytes: Data, compilerVersion: String) -> String {
        SHA256.hex(bytes + Data("\n\(ScaffoldVersion.current)\n\(compilerVersion)\n\(moduleFingerprint)\n".utf8))
    }

    /// The cached JSON document of the blueprint at `path`, without compiling or decoding it; nil
    /// when the blueprint is missing or its result isn't cached.
    public func cachedDocument(_ path: URL) -> Data? {
        guard let bytes = FileManager.default.contents(atPath: path.path),
              let compiler = try? CompilerVersion.cached(swiftc: swiftc, cacheDirectory: compilerCache) else { return nil }
        return FileManager.default.contents(atPath: cacheDirectory.appendingPathComponent("blueprint-\(cacheKey(bytes, compilerVersion: compiler.version)).json").path)
    }

    /// The DSL module's size and modification time: a rebuilt module invalidates cached results.
    var moduleFingerprint: String {
        let module = installation.modules.appendingPathComponent("BlueprintDescription.swiftmodule")
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: module.path) else { return "no module" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size) \(modified)"
    }

    /// What the blueprint may touch: its own source, the libraries it loads (the toolchain's, the
    /// system's, scaffold's module) and its work folder, nothing else of the machine.
    func sandbox(for blueprint: URL, work: URL) -> Sandbox {
        let toolchain = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        var readable = [blueprint.path, toolchain.appendingPathComponent("lib").path, "/usr/lib", "/lib", "/lib64",
                        "/etc/ld.so.cache", "/dev/null", "/dev/urandom", "/proc/self"]
        if let library = installation.libraryDirectory { readable.append(library.path) }
        return Sandbox(readable: readable, writable: [work.path])
    }

    static func decode(_ data: Data, shown: String) throws -> BlueprintDocument {
        struct Versioned: Decodable { var version: Int }
        guard let versioned = try? JSONDecoder().decode(Versioned.self, from: data) else {
            throw LoaderError.badDocument(shown, "it is not a blueprint document")
        }
        guard versioned.version == BlueprintDocument.schemaVersion else {
            throw LoaderError.badDocument(shown, "schema version \(versioned.version), this scaffold reads version \(BlueprintDocument.schemaVersion)")
        }
        do {
            return try JSONDecoder().decode(BlueprintDocument.self, from: data)
        } catch {
            throw LoaderError.badDocument(shown, "\(error)")
        }
    }

    /// Compiler messages name the file as given on the command line; show the user's path instead.
    static func rewrite(_ text: String, path: String, shown: String) -> String {
        path == shown ? text : text.replacingOccurrences(of: path, with: shown)
    }

    static func findCompiler() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["SWIFTC"], !explicit.isEmpty { return explicit }
        for dir in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "swiftc"
    }
}

/// Loading a blueprint failed.
public enum LoaderError: Error, CustomStringConvertible {
    case missingBlueprint(String)
    case compileFailed(String)
    case runFailed(String, status: Int32, output: String)
    case noBlueprint(String)
    case badDocument(String, String)
    case declarationErrors([String])
    case compilerMissing(String)
    case timedOut(String, phase: String, seconds: Double)

    public var description: String {
        switch self {
        case let .missingBlueprint(path):
            return "no blueprint at \(path): run `scaffold init` to create one, or pass --project DIR"
        case let .compileFailed(output):
            return output.trimmingCharacters(in: .whitespacesAndNewlines) + "\nerror: the blueprint does not compile: fix the errors above, then run scaffold again"
        case let .runFailed(path, status, output):
            let text = output.trimmingCharacters(in: .whitespacesAndNewlines)
            let hint = text.contains("\(path):") ? "check the line named above" : "it named no line: look for a force unwrap, an index out of range or a fatalError in the code the blueprint runs"
            return (text.isEmpty ? "" : text + "\n") + "\(path): error: the blueprint crashed while running (exit \(status)): \(hint)"
        case let .noBlueprint(path):
            return "\(path): error: the blueprint handed back no document: declare one with `let blueprint = Blueprint(name: ..., services: [...])`, and don't exit early or change SCAFFOLD_BLUEPRINT_OUTPUT"
        case let .badDocument(path, reason):
            return "\(path): error: cannot read the compiled blueprint: \(reason); rebuild scaffold so its module and binary match"
        case let .declarationErrors(lines):
            return lines.joined(separator: "\n")
        case let .timedOut(path, phase, seconds):
            return "\(path): error: \(phase) the blueprint took longer than \(Int(seconds)) s, so it and everything it started were stopped: a blueprint only declares values; remove loops and waits (or raise SCAFFOLD_BLUEPRINT_TIMEOUT)"
        case let .compilerMissing(path):
            return "cannot run the Swift compiler '\(path)': install a Swift toolchain and put swiftc on PATH (or set SWIFTC)"
        }
    }
}

import BlueprintDescription

/// The Python starter of one build context: an ASGI app (or a worker) with the blueprint's health
/// endpoints, the manifest and lockfile of its package manager (pip, Poetry or uv), and a test.
struct PythonStarter {
    var group: StarterGroup
    var project: ResolvedProject

    /// The pinned versions the starter's manifests name; the lock templates carry the same versions
    /// with their hashes.
    struct Pins: Encodable {
        var uvicorn = "0.55.0"
        var gunicorn = "27.0.1"
        var uvicornWorker = "0.4.0"
        var pytest = "9.2.0"
        var hatchling = "1.33.0"
    }


    /// How one service of the group starts, read from its runtime and command.
    enum Entry: Equatable {
        /// An ASGI app served by uvicorn or gunicorn: `module:attribute`.
        case app(module: String, attribute: String, gunicorn: Bool)
        /// `python -m module`: a server (with a port) or a worker.
        case module(String, server: Bool)
        /// A console script the project installs, for example `codenav serve ...`.
        case script(String, server: Bool)
        /// Something the starter can't provide.
        case unsupported(String)
    }

    /// A service of the group whose start command the starter can't satisfy, and why.
    struct Unsupported {
        var service: String
        var message: String
    }

    static func entry(of service: ResolvedService) -> Entry {
        guard let build = service.build else { return .unsupported("it is not built from source") }
        let runtime = build.runtime
        // A process of an app's image runs its own command, not the app's server.
        if service.imageOf == nil, let server = runtime.server, server == "uvicorn" || server == "gunicorn" {
            return appEntry(runtime.entry, gunicorn: server == "gunicorn")
        }
        let command = build.command
        guard let program = command.first else { return .unsupported("it has no start command") }
        let name = program.split(separator: "/").last.map(String.init) ?? program
        switch name {
        case "python", "python3":
            if command.count >= 3, command[1] == "-m", isModulePath(command[2]) {
                return .module(command[2], server: service.port != nil)
            }
            return .unsupported("the starter only provides `python -m MODULE` commands, not `\(command.joined(separator: " "))`")
        case "uvicorn", "gunicorn":
            if let target = command.dropFirst().first(where: { !$0.hasPrefix("-") && $0.contains(":") }) {
                return appEntry(target, gunicorn: name == "gunicorn")
            }
            return .unsupported("its \(name) command names no `module:app`")
        default:
            guard isScriptName(name) else { return .unsupported("`\(program)` is not a command a Python project can install") }
            guard runtime.tool != .pip else {
                return .unsupported("`\(name)` would be a console script, which a requirements.txt project can't install; use `packages: .uv` or `.poetry`, or start it with `python -m`")
            }
            return .script(name, server: service.port != nil)
        }
    }

    static func appEntry(_ target: String, gunicorn: Bool) -> Entry {
        let parts = target.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, isModulePath(parts[0]), isIdentifier(parts[1]) else {
            return .unsupported("`\(target)` is not a `module:attribute` the starter can write")
        }
        return .app(module: parts[0], attribute: parts[1], gunicorn: gunicorn)
    }

    /// The services of `group` the starter can't start.
    static func unsupported(_ group: StarterGroup) -> [Unsupported] {
        group.services.compactMap { service in
            guard case let .unsupported(reason) = entry(of: service) else { return nil }
            return Unsupported(service: service.name, message: "no starter source for it: \(reason)")
        }
    }

    /// The plan, or nil when no service of the group can be started by a starter.
    func plan() throws -> StarterPlan? {
        let tool = group.runtime.tool
        let name = group.projectName(in: project)
        let package = name.replacingOccurrences(of: "-", with: "_")
        let healthPaths = ListItem.list(group.healthPaths.isEmpty ? ["/health"] : group.healthPaths)
        var files = StarterPlan(manifest: tool == .pip ? "requirements.txt" : "pyproject.toml", files: [])
        var scripts: [Script] = []
        var modules: [String] = []
        var needsUvicorn = false, needsGunicorn = false
        var appModule: (module: String, attribute: String)?
        var workerModule: String?

        // A module a long-running service runs is a worker even where a task runs it too (with
        // its own arguments), whichever is declared first.
        let longRunning = Set(group.services.filter { !$0.runsToCompletion }.compactMap { service -> String? in
            if case let .module(module, false) = Self.entry(of: service) { return module }
            return nil
        })
        // The arguments a task passes to the module (or console script) a worker also runs.
        let taskWords = Set(group.taskWords)
        func worker(_ program: String) -> WorkerContext {
            let words = group.services.filter(\.runsToCompletion).flatMap { task -> [String] in
                let command = task.build?.command ?? []
                guard let at = command.firstIndex(of: program) else { return [] }
                return command[(at + 1)...].filter(taskWords.contains)
            }
            let sorted = Array(Set(words)).sorted()
            return WorkerContext(projectName: name, taskWords: ListItem.list(sorted), hasTaskWords: !sorted.isEmpty)
        }
        for service in group.services {
            let port = service.port ?? 8000
            switch Self.entry(of: service) {
            case let .app(module, attribute, gunicorn):
                needsUvicorn = true
                needsGunicorn = needsGunicorn || gunicorn
                try files.add("starters/python/app.py", at: Self.file(module), context: AppContext(projectName: name, healthPaths: healthPaths, attribute: attribute))
                modules.append(module)
                appModule = appModule ?? (module, attribute)
            case let .module(module, server):
                modules.append(module + ".__main__")
                if server {
                    needsUvicorn = true
                    try files.add("starters/python/cli.py", at: Self.file(module + ".__main__"), context: CLIContext(projectName: name, commandName: "python -m \(module)", appModule: module + ".app", port: port))
                    try files.add("starters/python/app.py", at: Self.file(module + ".app"), context: AppContext(projectName: name, healthPaths: healthPaths, attribute: "app"))
                    appModule = appModule ?? (module + ".app", "app")
                } else if service.runsToCompletion && !longRunning.contains(module) {
                    try files.add("starters/python/task.py", at: Self.file(module + ".__main__"), context: WorkerContext(projectName: name))
                } else {
                    try files.add("starters/python/worker.py", at: Self.file(module + ".__main__"), context: worker(module))
                    workerModule = workerModule ?? module + ".__main__"
                }
            case let .script(command, server):
                // One console script per name: later services started by the same command share it.
                if scripts.contains(where: { $0.name == command }) { continue }
                modules.append(package + (server ? ".cli" : ".worker"))
                if server {
                    needsUvicorn = true
                    try files.add("starters/python/cli.py", at: Self.file(package + ".cli"), context: CLIContext(projectName: name, commandName: command, appModule: package + ".app", port: port))
                    try files.add("starters/python/app.py", at: Self.file(package + ".app"), context: AppContext(projectName: name, healthPaths: healthPaths, attribute: "app"))
                    appModule = appModule ?? (package + ".app", "app")
                    scripts.append(Script(name: command, target: package + ".cli:main"))
                } else {
                    try files.add("starters/python/worker.py", at: Self.file(package + ".worker"), context: worker(command))
                    workerModule = workerModule ?? package + ".worker"
                    scripts.append(Script(name: command, target: package + ".worker:main"))
                }
            case .unsupported:
                continue
            }
        }
        guard !modules.isEmpty else { return nil }
        for module in modules {
            let parts = module.split(separator: ".").map(String.init)
            for depth in 1..<max(parts.count, 1) {
                try files.add("starters/python/__init__.py", at: parts.prefix(depth).joined(separator: "/") + "/__init__.py", context: InitContext(projectName: name))
            }
        }
        let testCommand = group.first.build?.testCommand.joined(separator: " ") ?? "pytest"
        if let appModule {
            try files.add("starters/python/test_app.py", at: "tests/test_app.py", context: TestContext(projectName: name, testCommand: testCommand, appModule: appModule.module, attribute: appModule.attribute, healthPaths: healthPaths, workerModule: ""))
        }
        if let workerModule {
            try files.add("starters/python/test_worker.py", at: "tests/test_worker.py", context: TestContext(projectName: name, testCommand: testCommand, appModule: "", attribute: "", healthPaths: healthPaths, workerModule: workerModule))
        }

        // Top-level packages (folders) and modules (`app.py`), for the build backend.
        let topLevel = Array(Set(modules.map { module -> String in
            let first = String(module.split(separator: ".")[0])
            return module.contains(".") ? first : first + ".py"
        })).sorted()
        let manifest = ManifestContext(
            projectName: name, python: group.runtime.version,
            needsUvicorn: needsUvicorn, needsGunicorn: needsGunicorn, hasRuntimeDependencies: needsUvicorn || needsGunicorn,
            pins: Pins(), hasScripts: !scripts.isEmpty, scripts: scripts, packaged: !scripts.isEmpty,
            packages: ListItem.list(topLevel), sourceKind: scripts.isEmpty ? "virtual" : "editable",
            lockEntries: Self.lockEntries(project: name, uvicorn: needsUvicorn, gunicorn: needsGunicorn),
            poetryVersion: RuntimeDefaults.toolVersion(group.runtime),
            contentHash: Self.poetryContentHash(python: group.runtime.version, uvicorn: needsUvicorn, gunicorn: needsGunicorn, pins: Pins()))
        switch tool {
        case .uv:
            try files.add("starters/python/pyproject-uv.toml", at: "pyproject.toml", context: manifest)
            try files.add("starters/python/uv.lock", at: "uv.lock", context: manifest)
        case .poetry:
            try files.add("starters/python/pyproject-poetry.toml", at: "pyproject.toml", context: manifest)
            try files.add("starters/python/poetry.lock", at: "poetry.lock", context: manifest)
        default:
            try files.add("starters/python/requirements.txt", at: "requirements.txt", context: manifest)
            try files.add("starters/python/requirements-dev.txt", at: "requirements-dev.txt", context: manifest)
            try files.add("starters/python/pytest.ini", at: "pytest.ini", context: manifest)
        }
        return files
    }

    /// `a.b.c` → `a/b/c.py`.
    static func file(_ module: String) -> String {
        module.split(separator: ".").joined(separator: "/") + ".py"
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    static func isModulePath(_ text: String) -> Bool {
        !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isIdentifier(String($0)) }
    }

    static func isScriptName(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII && first.isLetter else { return false }
        return text.allSatisfy { $0 == "-" || $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    /// The `[[package]]` entries of `uv.lock`, sorted by name as uv writes them, with the project's
    /// own entry at its place.
    static func lockEntries(project: String, uvicorn: Bool, gunicorn: Bool) -> [LockEntry] {
        var names = ["colorama", "iniconfig", "packaging", "pluggy", "pygments", "pytest"]
        if uvicorn || gunicorn { names += ["click", "h11", "uvicorn"] }
        if gunicorn { names += ["gunicorn", "uvicorn-worker"] }
        return (names.map { LockEntry(package: $0) } + [LockEntry(project: project)]).sorted { $0.sortName < $1.sortName }
    }

    /// Poetry's `content-hash`: SHA-256 of the dependency tables, encoded as Python's
    /// `json.dumps(..., sort_keys=True)` encodes them (Poetry checks it against pyproject.toml).
    static func poetryContentHash(python: String, uvicorn: Bool, gunicorn: Bool, pins: Pins) -> String {
        var dependencies = ["python": "^\(python)"]
        if uvicorn || gunicorn { dependencies["uvicorn"] = pins.uvicorn }
        if gunicorn {
            dependencies["gunicorn"] = pins.gunicorn
            dependencies["uvicorn-worker"] = pins.uvicornWorker
        }
        func object(_ pairs: [String: String]) -> String {
            "{" + pairs.keys.sorted().map { "\"\($0)\": \"\(pairs[$0]!)\"" }.joined(separator: ", ") + "}"
        }
        let json = "{\"dependencies\": \(object(dependencies)), \"dev-dependencies\": null, \"extras\": null, "
            + "\"group\": {\"dev\": {\"dependencies\": \(object(["pytest": pins.pytest]))}}, \"source\": null}"
        return SHA256.hex(json)
    }

    struct Script: Encodable {
        var name: String
        var target: String
    }

    /// One `[[package]]` of `uv.lock`: exactly one flag is set.
    struct LockEntry: Encodable {
        var sortName: String
        var project = false
        var click = false, colorama = false, gunicorn = false, h11 = false, iniconfig = false
        var packaging = false, pluggy = false, pygments = false, pytest = false, uvicorn = false
        var uvicorn_worker = false

        init(project name: String) {
            sortName = name
            project = true
        }

        init(package name: String) {
            sortName = name
            switch name {
            case "click": click = true
            case "colorama": colorama = true
            case "gunicorn": gunicorn = true
            case "h11": h11 = true
            case "iniconfig": iniconfig = true
            case "packaging": packaging = true
            case "pluggy": pluggy = true
            case "pygments": pygments = true
            case "pytest": pytest = true
            case "uvicorn": uvicorn = true
            default: uvicorn_worker = true
            }
        }

        enum CodingKeys: String, CodingKey {
            case project, click, colorama, gunicorn, h11, iniconfig, packaging, pluggy, pygments, pytest, uvicorn, uvicorn_worker
        }
    }

    struct ManifestContext: Encodable {
        var projectName: String
        var python: String
        var needsUvicorn: Bool
        var needsGunicorn: Bool
        var hasRuntimeDependencies: Bool
        var pins: Pins
        var hasScripts: Bool
        var scripts: [Script]
        var packaged: Bool
        var packages: [ListItem]
        var sourceKind: String
        var lockEntries: [LockEntry]
        var poetryVersion: String
        var contentHash: String
    }

    struct AppContext: Encodable {
        var projectName: String
        var healthPaths: [ListItem]
        var attribute: String
    }

    struct CLIContext: Encodable {
        var projectName: String
        var commandName: String
        var appModule: String
        var port: Int
    }

    struct WorkerContext: Encodable {
        var projectName: String
        /// The words a `.job` or `.cron` of this worker's module passes (`--cleanup`): seeing one,
        /// it does one round of work and exits.
        var taskWords: [ListItem] = []
        /// True when `taskWords` is not empty.
        var hasTaskWords: Bool = false
    }

    struct InitContext: Encodable {
        var projectName: String
    }

    struct TestContext: Encodable {
        var projectName: String
        var testCommand: String
        var appModule: String
        var attribute: String
        var healthPaths: [ListItem]
        var workerModule: String
    }
}

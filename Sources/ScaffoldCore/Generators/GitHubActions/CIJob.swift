import BlueprintDescription

/// One service's lint-and-test job in ci.yml. Exactly one of the tool arrays holds an element
/// (none for a `.custom` runtime, which only runs its test command).
struct CIJob: Encodable {
    /// The service name.
    var name: String
    /// The job id (`test-<service>`).
    var id: String
    /// The `changes` job output saying whether the service's files changed.
    var output: String
    /// The build context relative to the project root; jobs run there.
    var path: String
    /// Whether the service is built from the project root, so any change concerns it.
    var root: Bool
    /// The test command as one shell line: the blueprint's `test:` override or the runtime's default.
    var testCommand: String
    /// Python (pip, Poetry or uv) with ruff and pytest.
    var python: [PythonTools]
    /// Node.js or a static site (npm, pnpm or yarn).
    var node: [NodeTools]
    /// Go with gofmt, go vet and go test.
    var go: [GoTools]
    /// Rust with rustfmt, clippy and cargo test.
    var rust: [RustTools]
    /// Java with Maven or Gradle.
    var java: [JavaTools]
    /// Swift, in the official toolchain container.
    var swift: [SwiftTools]
    /// Backing services the tests run against (the service's backing dependencies).
    var services: [CIServiceContainer]
    /// Whether `services` is not empty.
    var hasServices: Bool
    /// Connection settings of those services for the test step.
    var testEnvironment: [KeyValueContext]
    /// Whether `testEnvironment` is not empty.
    var hasTestEnvironment: Bool

    /// The job of `service`, or nil when it has no test command (a `.custom` runtime without `test:`).
    init?(_ service: ResolvedService, project: ResolvedProject) {
        guard let build = service.build, let test = service.testCommand, !test.isEmpty else { return nil }
        let runtime = build.runtime
        let prefix = build.context == "." ? "" : build.context + "/"
        name = service.name
        id = JobID.test(service.name)
        output = JobID.changed(service.name)
        path = build.context
        root = build.context == "."
        testCommand = ShellWords.join(test)
        python = []
        node = []
        go = []
        rust = []
        java = []
        swift = []
        switch runtime.language {
        case .python:
            python = [PythonTools(version: runtime.version, pip: runtime.tool == .pip, poetry: runtime.tool == .poetry, uv: runtime.tool == .uv, toolVersion: RuntimeDefaults.toolVersion(runtime),
                                  lockFile: prefix + Self.pythonLockFile(runtime.tool))]
        case .node, .staticSite:
            node = [NodeTools(version: runtime.version, npm: runtime.tool != .pnpm && runtime.tool != .yarn,
                              pnpm: runtime.tool == .pnpm, yarn: runtime.tool == .yarn,
                              lockFile: prefix + Self.nodeLockFile(runtime.tool))]
        case .go:
            go = [GoTools(version: runtime.version, sumFile: prefix + "go.sum")]
        case .rust:
            rust = [RustTools(version: runtime.version, lockFile: prefix + "Cargo.lock", target: prefix + "target")]
        case .java:
            let gradle = runtime.tool == .gradle
            java = [JavaTools(version: runtime.version, maven: !gradle, gradle: gradle,
                              buildFiles: gradle ? [prefix + "**/*.gradle*", prefix + "**/gradle-wrapper.properties"] : [prefix + "**/pom.xml"])]
        case .swift:
            swift = [SwiftTools(image: "swift:\(runtime.version)-noble", resolvedFile: prefix + "Package.resolved", buildFolder: prefix + ".build")]
        case .custom:
            break
        }
        let backing = CIServiceContainer.containers(for: service, in: project, jobInContainer: !swift.isEmpty)
        services = backing.containers
        hasServices = !services.isEmpty
        testEnvironment = backing.environment
        hasTestEnvironment = !testEnvironment.isEmpty
    }

    static func pythonLockFile(_ tool: Runtime.Tool) -> String {
        switch tool {
        case .poetry: return "poetry.lock"
        case .uv: return "uv.lock"
        default: return "requirements*.txt"
        }
    }

    static func nodeLockFile(_ tool: Runtime.Tool) -> String {
        switch tool {
        case .pnpm: return "pnpm-lock.yaml"
        case .yarn: return "yarn.lock"
        default: return "package-lock.json"
        }
    }
}

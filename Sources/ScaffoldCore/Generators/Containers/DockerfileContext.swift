import BlueprintDescription

/// What a Dockerfile template needs to know about one built service.
struct DockerfileContext: Encodable {
    /// The health check as the image runs it.
    struct Health: Encodable {
        var http: Bool
        var tcp: Bool
        var command: Bool
        var url: String
        var arguments: [ListItem]
        var interval: Int
        var timeout: Int
        var retries: Int
        var startPeriod: Int
    }

    var service: String
    var summary: String
    var language: String
    var version: String
    var tool: String
    /// The package manager's pinned version (Poetry, uv).
    var toolVersion: String
    var pip: Bool
    var poetry: Bool
    var uv: Bool
    var npm: Bool
    var pnpm: Bool
    var yarn: Bool
    var maven: Bool
    var gradle: Bool
    var cargo: Bool
    var swiftpm: Bool
    var entry: String
    var hasPort: Bool
    var port: Int
    var uid: Int
    var command: [ListItem]
    var devCommand: [ListItem]
    var buildCommand: [ListItem]
    var hasBuildCommand: Bool
    var baseImage: String
    /// Zero or one health check: a list, so strict templates can test it with `{{#health}}` / `{{^health}}`.
    var health: [Health]
    var dockerfile: String
    /// A static site's proxied path prefixes (nginx.conf).
    var routes: [RouteContext]
    /// Folders named volumes are mounted at, created in the image owned by the service's user:
    /// Docker gives a new volume the ownership of the folder it is mounted over, so the
    /// unprivileged user can write to its volume.
    var ownedFolders: [ListItem]
    var hasOwnedFolders: Bool

    init(service: ResolvedService, build: ResolvedBuild, project: ResolvedProject) {
        self.init(service: service, build: build)
        routes = RouteContext.routes(of: service, reachable: project.services)
        // The image is also that of its processes (`.process`, `.job`, `.cron`): their volume
        // folders exist in it too, owned by its user, so a fresh volume mounted there is writable.
        let sharing = project.services.filter { $0.imageOf == service.name }
        let folders = Set(([service] + sharing).flatMap(\.volumes).filter { $0.kind == .named }.map(\.target)).sorted()
        ownedFolders = ListItem.list(folders)
        hasOwnedFolders = !folders.isEmpty
    }

    init(service: ResolvedService, build: ResolvedBuild) {
        let runtime = build.runtime
        self.service = service.name
        summary = service.summary
        language = runtime.language.rawValue
        version = runtime.version
        tool = runtime.tool.rawValue
        toolVersion = RuntimeDefaults.toolVersion(runtime)
        pip = runtime.tool == .pip
        poetry = runtime.tool == .poetry
        uv = runtime.tool == .uv
        npm = runtime.tool == .npm
        pnpm = runtime.tool == .pnpm
        yarn = runtime.tool == .yarn
        maven = runtime.tool == .maven
        gradle = runtime.tool == .gradle
        cargo = runtime.tool == .cargo
        swiftpm = runtime.tool == .swiftpm
        entry = runtime.entry
        hasPort = service.port != nil
        port = service.port ?? 8080
        uid = service.uid ?? 10001
        command = ListItem.list(build.command)
        devCommand = ListItem.list(build.devCommand)
        let defaultBuild: [String]
        switch runtime.tool {
        case .pnpm: defaultBuild = ["pnpm", "run", "build"]
        case .yarn: defaultBuild = ["yarn", "build"]
        default: defaultBuild = ["npm", "run", "build"]
        }
        buildCommand = ListItem.list(runtime.buildCommand ?? (runtime.language == .staticSite ? defaultBuild : []))
        hasBuildCommand = !buildCommand.isEmpty
        baseImage = runtime.baseImage ?? ""
        dockerfile = build.dockerfileInContext
        routes = []
        // Set by the init that sees the project: the folders of the processes sharing the image too.
        ownedFolders = []
        hasOwnedFolders = false
        health = (service.health.map { [$0] } ?? []).map { check in
            let path = check.livePath ?? check.path ?? "/"
            return Health(
                http: check.kind == .http, tcp: check.kind == .tcp, command: check.kind == .command,
                url: "http://127.0.0.1:\(service.port ?? 8080)\(path)",
                arguments: ListItem.list(check.command ?? []),
                interval: check.interval, timeout: check.timeout, retries: check.retries, startPeriod: check.startPeriod)
        }
    }
}

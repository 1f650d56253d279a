/// How an app service is built and started. Each runtime maps to a multi-stage Dockerfile.
public struct Runtime: Codable, Hashable, Sendable {
    /// The language or platform.
    public enum Language: String, Codable, Sendable, CaseIterable {
        case python, node, go, rust, java, swift, staticSite, custom
    }

    /// The package or build tool.
    public enum Tool: String, Codable, Sendable {
        case pip, poetry, uv, npm, pnpm, yarn, gomod, cargo, maven, gradle, swiftpm, none
    }

    /// The language or platform.
    public var language: Language
    /// The language version, for example `3.12`, `22`, `1.23`.
    public var version: String
    /// The package or build tool.
    public var tool: Tool
    /// The server that runs a Python app, if any: `uvicorn`, `gunicorn` or nil for a plain command.
    public var server: String?
    /// The entry point: an ASGI/WSGI app (`app:app`), a Go package (`./cmd/server`), a Rust binary,
    /// a Swift product, a Node script, or a static site's output folder.
    public var entry: String
    /// The production start command; derived from the runtime when nil.
    public var command: [String]?
    /// The development (hot reload) command; derived from the runtime when nil.
    public var devCommand: [String]?
    /// Worker processes for servers that take them.
    public var workers: Int?
    /// The build command of a static site or a custom image.
    public var buildCommand: [String]?
    /// The base image of a `.custom` runtime.
    public var baseImage: String?
    /// The package manager's version (Poetry `1.7.1`, uv `0.13.9`), pinned the same in the
    /// Dockerfile, CI and the dev container; scaffold's tested default when nil.
    public var toolVersion: String?

    /// A Python service.
    /// - Parameters:
    ///   - version: the CPython version, for example `3.12`.
    ///   - packages: `.pip` (requirements.txt), `.poetry` (pyproject.toml + poetry.lock) or `.uv` (uv.lock).
    ///   - toolVersion: the Poetry or uv version, for example `"1.7.1"`; every family pins the same one.
    ///   - server: how it is served: `.uvicorn("app:app")`, `.gunicorn("app:app", workers: 4)` or `.command([...])`.
    public static func python(_ version: String = "3.12", packages: Tool = .pip, toolVersion: String? = nil, server: PythonServer) -> Runtime {
        var runtime: Runtime
        switch server.kind {
        case .uvicorn:
            runtime = Runtime(language: .python, version: version, tool: packages, server: "uvicorn", entry: server.app, command: nil, devCommand: nil, workers: server.workers)
        case .gunicorn:
            runtime = Runtime(language: .python, version: version, tool: packages, server: "gunicorn", entry: server.app, command: nil, devCommand: nil, workers: server.workers)
        case .command:
            runtime = Runtime(language: .python, version: version, tool: packages, server: nil, entry: server.app, command: server.command, devCommand: server.devCommand, workers: nil)
        }
        runtime.toolVersion = toolVersion
        return runtime
    }

    /// A Node.js service started with `node <entry>` in production and `<tool> run dev` in development.
    public static func node(_ version: String = "22", packages: Tool = .npm, entry: String = "server.js", command: [String]? = nil, devCommand: [String]? = nil) -> Runtime {
        Runtime(language: .node, version: version, tool: packages, entry: entry, command: command, devCommand: devCommand)
    }

    /// A Go service built as a static binary from `package` and run from a distroless image.
    public static func go(_ version: String = "1.23", package: String = ".", devCommand: [String]? = nil) -> Runtime {
        Runtime(language: .go, version: version, tool: .gomod, entry: package, devCommand: devCommand)
    }

    /// A Rust service: the release build of `binary`, run from a distroless image.
    public static func rust(_ version: String = "1.83", binary: String, devCommand: [String]? = nil) -> Runtime {
        Runtime(language: .rust, version: version, tool: .cargo, entry: binary, devCommand: devCommand)
    }

    /// A Java service built with Maven or Gradle on a JDK and run on a JRE from `app.jar`.
    public static func java(_ version: String = "21", build: Tool = .maven, devCommand: [String]? = nil) -> Runtime {
        Runtime(language: .java, version: version, tool: build, entry: "app.jar", devCommand: devCommand)
    }

    /// A Swift server (Vapor or Hummingbird style): `product` built with a static stdlib, run from a slim image.
    public static func swift(_ version: String = "6.0", product: String, devCommand: [String]? = nil) -> Runtime {
        Runtime(language: .swift, version: version, tool: .swiftpm, entry: product, devCommand: devCommand)
    }

    /// A static frontend built with Node (`build`, output in `output`) and served by unprivileged nginx.
    public static func staticSite(node version: String = "22", packages: Tool = .npm, build: [String]? = nil, output: String = "dist", devCommand: [String]? = nil) -> Runtime {
        Runtime(language: .staticSite, version: version, tool: packages, entry: output, devCommand: devCommand, buildCommand: build)
    }

    /// The escape hatch: any base image, an optional build command and a start command.
    public static func custom(image: String, build: [String]? = nil, command: [String], devCommand: [String]? = nil) -> Runtime {
        Runtime(language: .custom, version: "", tool: .none, entry: "", command: command, devCommand: devCommand, buildCommand: build, baseImage: image)
    }

    init(language: Language, version: String, tool: Tool, server: String? = nil, entry: String, command: [String]? = nil, devCommand: [String]? = nil, workers: Int? = nil, buildCommand: [String]? = nil, baseImage: String? = nil) {
        self.language = language
        self.version = version
        self.tool = tool
        self.server = server
        self.entry = entry
        self.command = command
        self.devCommand = devCommand
        self.workers = workers
        self.buildCommand = buildCommand
        self.baseImage = baseImage
    }
}

/// How a Python app is served.
public struct PythonServer: Codable, Hashable, Sendable {
    /// The server kind.
    public enum Kind: String, Codable, Sendable { case uvicorn, gunicorn, command }
    /// The server kind.
    public var kind: Kind
    /// The ASGI/WSGI application (`module:attribute`), or the module of a plain command.
    public var app: String
    /// Worker processes.
    public var workers: Int?
    /// A plain start command.
    public var command: [String]?
    /// A plain development command.
    public var devCommand: [String]?

    /// An ASGI app served by uvicorn; development runs `--reload`.
    public static func uvicorn(_ app: String, workers: Int? = nil) -> PythonServer {
        PythonServer(kind: .uvicorn, app: app, workers: workers)
    }

    /// A WSGI/ASGI app served by gunicorn with the `uvicorn_worker.UvicornWorker` worker class.
    public static func gunicorn(_ app: String, workers: Int = 2) -> PythonServer {
        PythonServer(kind: .gunicorn, app: app, workers: workers)
    }

    /// A plain start command, for example `["python", "-m", "ralex_bridge"]`.
    public static func command(_ command: [String], dev: [String]? = nil) -> PythonServer {
        PythonServer(kind: .command, app: command.last ?? "", command: command, devCommand: dev)
    }
}

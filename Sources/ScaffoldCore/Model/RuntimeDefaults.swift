import BlueprintDescription

/// The commands, writable paths and images scaffold derives from a `Runtime` when the blueprint
/// doesn't spell them out.
public enum RuntimeDefaults {
    /// The production start command.
    public static func command(_ runtime: Runtime, port: Int, override: [String]?) -> [String] {
        if let override { return override }
        if let command = runtime.command { return command }
        switch runtime.language {
        case .python:
            let workers = runtime.workers.map { ["--workers", String($0)] } ?? []
            if runtime.server == "gunicorn" {
                return ["gunicorn", runtime.entry, "--worker-class", "uvicorn_worker.UvicornWorker", "--bind", "0.0.0.0:\(port)"] + workers
            }
            return ["uvicorn", runtime.entry, "--host", "0.0.0.0", "--port", String(port)] + workers
        case .node: return ["node", runtime.entry]
        case .go: return ["/app/server"]
        case .rust: return ["/app/\(runtime.entry)"]
        case .java: return ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
        case .swift: return ["/app/\(runtime.entry)", "--hostname", "0.0.0.0", "--port", String(port)]
        case .staticSite: return ["nginx", "-g", "daemon off;"]
        case .custom: return []
        }
    }

    /// The development (hot reload) command.
    public static func devCommand(_ runtime: Runtime, port: Int) -> [String] {
        if let command = runtime.devCommand { return command }
        switch runtime.language {
        case .python:
            if runtime.server == "gunicorn" {
                return ["gunicorn", runtime.entry, "--worker-class", "uvicorn_worker.UvicornWorker", "--bind", "0.0.0.0:\(port)", "--reload"]
            }
            if runtime.server == "uvicorn" {
                return ["uvicorn", runtime.entry, "--host", "0.0.0.0", "--port", String(port), "--reload"]
            }
            return runtime.command ?? []
        case .node: return runScript(runtime.tool, "dev")
        case .staticSite: return runScript(runtime.tool, "dev") + ["--", "--host", "0.0.0.0", "--port", String(port)]
        case .go: return ["go", "run", runtime.entry]
        case .rust: return ["cargo", "run", "--bin", runtime.entry]
        case .java: return runtime.tool == .gradle ? ["gradle", "bootRun"] : ["mvn", "spring-boot:run"]
        case .swift: return ["swift", "run", runtime.entry, "--hostname", "0.0.0.0", "--port", String(port)]
        case .custom: return runtime.command ?? []
        }
    }

    /// The default CI test command.
    public static func testCommand(_ runtime: Runtime) -> [String] {
        switch runtime.language {
        case .python:
            switch runtime.tool {
            case .poetry: return ["poetry", "run", "pytest"]
            case .uv: return ["uv", "run", "pytest"]
            default: return ["python", "-m", "pytest"]
            }
        case .node, .staticSite: return runScript(runtime.tool, "test")
        case .go: return ["go", "test", "./..."]
        case .rust: return ["cargo", "test", "--locked"]
        case .java: return runtime.tool == .gradle ? ["gradle", "test", "--no-daemon"] : ["mvn", "-B", "verify"]
        case .swift: return ["swift", "test"]
        case .custom: return []
        }
    }

    /// `npm run NAME`, `pnpm run NAME` or `yarn NAME`.
    static func runScript(_ tool: Runtime.Tool, _ name: String) -> [String] {
        switch tool {
        case .pnpm: return ["pnpm", "run", name]
        case .yarn: return ["yarn", name]
        default: return ["npm", "run", name]
        }
    }

    /// The package manager's version every family pins: the blueprint's, else the one scaffold's
    /// starters and proving ground are tested with. Empty for tools without a pinned version.
    public static func toolVersion(_ runtime: Runtime) -> String {
        if let version = runtime.toolVersion { return version }
        switch runtime.tool {
        case .poetry: return "1.8.5"
        case .uv: return "0.13.9"
        default: return ""
        }
    }

    /// Paths the runtime writes to at run time, kept writable on a read-only root filesystem.
    public static func writablePaths(_ runtime: Runtime) -> [String] {
        switch runtime.language {
        case .staticSite: return ["/tmp", "/var/cache/nginx"]
        default: return ["/tmp"]
        }
    }

    /// The dev container's default post-create command: the package manager at the version the
    /// Dockerfile and CI pin, then the dependencies. Nil for runtimes whose image has everything.
    public static func devContainerSetup(_ runtime: Runtime) -> String? {
        switch runtime.tool {
        case .poetry: return "pipx install poetry==\(toolVersion(runtime)) && poetry install --with dev"
        case .uv: return "pipx install uv==\(toolVersion(runtime)) && uv sync"
        case .pip: return "pip install --requirement requirements.txt && if [ -f requirements-dev.txt ]; then pip install --requirement requirements-dev.txt; fi"
        case .npm: return "npm ci"
        default: return nil
        }
    }

    /// The dev container image matching a runtime.
    public static func devContainerImage(_ runtime: Runtime?) -> String {
        guard let runtime else { return "mcr.microsoft.com/devcontainers/base:1-bookworm" }
        switch runtime.language {
        case .python: return "mcr.microsoft.com/devcontainers/python:1-\(runtime.version)-bookworm"
        case .node, .staticSite: return "mcr.microsoft.com/devcontainers/javascript-node:1-\(runtime.version)-bookworm"
        case .go: return "mcr.microsoft.com/devcontainers/go:1-\(runtime.version)-bookworm"
        case .rust: return "mcr.microsoft.com/devcontainers/rust:1-1-bookworm"
        case .java: return "mcr.microsoft.com/devcontainers/java:1-\(runtime.version)-bookworm"
        case .swift: return "swift:\(runtime.version)-bookworm"
        case .custom: return "mcr.microsoft.com/devcontainers/base:1-bookworm"
        }
    }
}

import Foundation
import Testing

/// The generated scripts do what their usage says, run against a stand-in `docker` that records
/// every call (the proving ground runs them against a real engine).
@Suite("Generated scripts", .serialized)
struct ScriptBehaviourTests {
    /// A rendered seed-app project and a `docker` stand-in that logs its arguments.
    struct Fixture {
        var root: URL
        var log: URL
        var bin: URL

        init() throws {
            let folder = TestPaths.temporaryFolder("scripts")
            root = folder.appendingPathComponent("app")
            let rendered = try ScaffoldBinary.run(["render", TestPaths.blueprints.appendingPathComponent("seed-app.swift").path, "-o", root.path])
            #expect(rendered.status == 0, "\(rendered.output)")
            bin = folder.appendingPathComponent("bin")
            log = folder.appendingPathComponent("docker.log")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            let docker = bin.appendingPathComponent("docker")
            try Data("""
            #!/bin/sh
            printf '%s\\n' "$*" >> "\(log.path)"
            exit 0

            """.utf8).write(to: docker)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: docker.path)
        }

        /// Runs a script of the project; returns its status, output and the docker calls it made.
        func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String, calls: [String]) {
            try? FileManager.default.removeItem(at: log)
            let process = Process()
            process.executableURL = root.appendingPathComponent(script)
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = "\(bin.path):/usr/bin:/bin"
            environment["SCAFFOLD_YES"] = "1"
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let calls = (FileManager.default.contents(atPath: log.path).map { String(decoding: $0, as: UTF8.self) } ?? "")
                .split(separator: "\n").map(String.init).filter { $0 != "compose version" }
            return (process.terminationStatus, output, calls)
        }
    }

    static let files = "-f compose.yaml -f compose.development.yaml"

    @Test("start.sh without arguments starts development, filling .env with development secrets")
    func startDefaultsToDevelopment() throws {
        let fixture = try Fixture()
        let result = try fixture.run("scripts/start.sh", [])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.calls.first == "compose \(Self.files) up --detach --build --wait", "\(result.calls)")
        let env = String(decoding: try #require(FileManager.default.contents(atPath: fixture.root.appendingPathComponent(".env").path)), as: UTF8.self)
        for name in ["PINECONE_API_KEY", "LLM_API_KEY"] {
            #expect(env.range(of: "\(name)=[0-9a-f]{48}\n", options: .regularExpression) != nil, "\(name) was not generated into .env")
        }
        #expect(result.output.contains("generated development values in .env"))
    }

    @Test("a production-mode environment refuses to start without its secrets")
    func productionNeedsSecrets() throws {
        let fixture = try Fixture()
        let result = try fixture.run("scripts/start.sh", ["prod"])
        #expect(result.status == 1)
        #expect(result.output.contains("error: set LLM_API_KEY PINECONE_API_KEY in .env before starting production"), "\(result.output)")
        #expect(result.calls.isEmpty, "\(result.calls)")
    }

    @Test("rebuild: down, build (with --no-cache), up, status")
    func rebuild() throws {
        let fixture = try Fixture()
        let result = try fixture.run("scripts/start.sh", ["dev", "rebuild", "--no-cache"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.calls == [
            "compose \(Self.files) down --remove-orphans", "compose \(Self.files) build --no-cache",
            "compose \(Self.files) up --detach --wait", "compose \(Self.files) ps",
        ])
    }

    @Test("deploy.sh start, stop, restart, logs and clean work as the seed plan names them")
    func deployLocalCommands() throws {
        let fixture = try Fixture()
        let expected = [
            ("start", "up --detach --build --wait"), ("stop", "down --remove-orphans"), ("restart", "restart"),
            ("logs", "logs --follow"), ("clean", "down --volumes --remove-orphans"),
        ]
        for (command, compose) in expected {
            let result = try fixture.run("scripts/deploy.sh", [command])
            #expect(result.status == 0, "deploy.sh \(command): \(result.output)")
            #expect(result.calls.first == "compose \(Self.files) \(compose)", "deploy.sh \(command): \(result.calls)")
        }
        #expect(try fixture.run("scripts/deploy.sh", ["bogus"]).status == 2)
    }

    @Test("deploy-prod.sh deploys to production through deploy.sh")
    func deployProd() throws {
        let fixture = try Fixture()
        let result = try fixture.run("scripts/deploy-prod.sh", ["deploy", "v1"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.calls.contains("compose -f compose.yaml -f compose.production.yaml up --detach --wait --no-build --remove-orphans"), "\(result.calls)")
        #expect(result.output.contains("deployed v1 to production"))
        #expect(try fixture.run("scripts/deploy-prod.sh", []).status == 2)
    }
}

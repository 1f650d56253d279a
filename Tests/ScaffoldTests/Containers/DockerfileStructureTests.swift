import Foundation
import ScaffoldCore
import Testing

/// Structural checks of every rendered Dockerfile that the proving ground found broken on a real
/// engine; each would have failed before its fix.
@Suite("Dockerfile structure")
struct DockerfileStructureTests {
    /// One `FROM ... AS name` stage and its instructions.
    struct Stage {
        var name: String
        var from: String
        var lines: [String]
    }

    static func stages(_ text: String) -> [Stage] {
        var stages: [Stage] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("FROM ") {
                let words = line.split(separator: " ").map(String.init)
                let name = words.count >= 4 && words[2].uppercased() == "AS" ? words[3] : "stage\(stages.count)"
                stages.append(Stage(name: name, from: words[1], lines: []))
            } else if !stages.isEmpty {
                stages[stages.count - 1].lines.append(line)
            }
        }
        return stages
    }

    /// The stage and the stages it is built on, nearest first.
    static func chain(_ name: String, in stages: [Stage]) -> [Stage] {
        var result: [Stage] = []
        var current = stages.first { $0.name == name }
        while let stage = current, !result.contains(where: { $0.name == stage.name }) {
            result.append(stage)
            current = stages.first { $0.name == stage.from }
        }
        return result
    }

    static func dockerfiles(_ preset: String) throws -> [GeneratedFile] {
        try SnapshotTests.render(preset).filter { ($0.path.split(separator: "/").last ?? "").hasPrefix("Dockerfile") && !$0.path.hasSuffix(".dockerignore") }
    }

    @Test("no `# syntax=` line: a build must not need Docker Hub for the frontend", arguments: TestPaths.presetNames)
    func noSyntaxDirective(_ preset: String) throws {
        for file in try Self.dockerfiles(preset) {
            #expect(!file.contents.split(separator: "\n").contains { $0.hasPrefix("# syntax=") }, "\(preset): \(file.path) pulls a Dockerfile frontend")
        }
    }

    @Test("both targets carry a HEALTHCHECK, a passing one when the service declares none", arguments: TestPaths.presetNames)
    func healthCheckInBothTargets(_ preset: String) throws {
        let project = try SnapshotTests.project(preset)
        for service in project.builtServices {
            let file = try #require(try Self.dockerfiles(preset).first { $0.path == service.build?.dockerfile })
            let stages = Self.stages(file.contents)
            for target in ["development", "production"] {
                let check = Self.chain(target, in: stages).lazy.compactMap { $0.lines.last { $0.hasPrefix("HEALTHCHECK") } }.first
                #expect(check != nil && check != "HEALTHCHECK NONE", "\(preset): \(file.path) target \(target) has no HEALTHCHECK, so compose's service_healthy waits forever and `up --wait` fails before compose 5.0.2")
            }
        }
    }

    @Test("uv and Poetry images install the project itself, so its console scripts exist", arguments: TestPaths.presetNames)
    func pythonProjectInstalled(_ preset: String) throws {
        for file in try Self.dockerfiles(preset) where file.contents.contains("(Python ") {
            let stages = Self.stages(file.contents)
            let production = try #require(stages.first { $0.name == "production" })
            let venvSource = try #require(production.lines.first { $0.hasPrefix("COPY --from=") && $0.contains("/opt/venv") })
                .split(separator: " ")[1].dropFirst("--from=".count)
            let chain = Self.chain(String(venvSource), in: stages).flatMap(\.lines)
            if file.contents.contains(", uv).") {
                #expect(chain.contains { $0.contains("uv sync") && !$0.contains("--no-install-project") }, "\(preset): \(file.path): the venv production copies never installs the project")
            }
            if file.contents.contains(", poetry).") {
                #expect(chain.contains { $0.contains("poetry install") && !$0.contains("--no-root") }, "\(preset): \(file.path): the venv production copies never installs the project")
            }
        }
    }

    @Test("Node images run the package's build before production", arguments: TestPaths.presetNames)
    func nodeBuilds(_ preset: String) throws {
        for file in try Self.dockerfiles(preset) where file.contents.contains("(Node.js ") {
            let stages = Self.stages(file.contents)
            let production = try #require(stages.first { $0.name == "production" })
            let source = try #require(production.lines.first { $0.hasPrefix("COPY --from=") }).split(separator: " ")[1].dropFirst("--from=".count)
            let chain = Self.chain(String(source), in: stages).flatMap(\.lines)
            #expect(chain.contains { $0.contains("run build") || $0.contains("run --if-present build") || $0.contains("yarn build") }, "\(preset): \(file.path): nothing builds the entry (dist/) production runs")
        }
    }
}

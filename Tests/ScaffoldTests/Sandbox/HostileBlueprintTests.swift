import Foundation
@testable import ScaffoldKit
import Testing

/// A blueprint is code that regen runs on pull requests from anyone: it is confined, bounded in
/// time and deterministic. Each hostile case fails cleanly or is contained.
@Suite("Hostile blueprints", .serialized)
struct HostileBlueprintTests {
    /// A project folder holding `blueprint` as its Blueprint.swift.
    func project(_ name: String, _ blueprint: String) throws -> URL {
        let root = TestPaths.temporaryFolder("hostile-\(name)").appendingPathComponent("p")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(blueprint.utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
        return root
    }

    /// The variables of the first service of the dumped model.
    func variables(_ dump: String) throws -> [String: String] {
        let model = try #require(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
        let service = try #require((model["services"] as? [[String: Any]])?.first)
        let instance = try #require((service["instances"] as? [[String: Any]])?.first)
        var result: [String: String] = [:]
        for variable in instance["variables"] as? [[String: Any]] ?? [] {
            result[variable["name"] as? String ?? ""] = variable["value"] as? String
        }
        return result
    }

    static func service(_ values: String) -> String {
        "let blueprint = Blueprint(name: \"hostile\", services: [.image(\"web\", \"nginx:1.27\", port: 80, environment: [\(values)])])\n"
    }

    @Test("it can't write or read outside its own source, start programs, or see the caller's environment or clock",
          .enabled(if: Sandbox.unavailableReason == nil, "this platform has no sandbox for blueprints"))
    func contained() throws {
        let outside = TestPaths.temporaryFolder("outside")
        let secret = outside.appendingPathComponent("secret.txt")
        try Data("top-secret".utf8).write(to: secret)
        let escaped = outside.appendingPathComponent("escaped.txt")
        let root = try project("contained", """
        import BlueprintDescription
        import Foundation
        let wrote = (try? "x".write(toFile: "\(escaped.path)", atomically: false, encoding: .utf8)) != nil
        let read = (try? String(contentsOfFile: "\(secret.path)", encoding: .utf8)) ?? "unreadable"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "echo x > \(escaped.path)"]
        let spawned = (try? process.run()) != nil
        let now = ISO8601DateFormatter().string(from: Date())
        let caller = ProcessInfo.processInfo.environment["SCAFFOLD_TEST_CALLER"] ?? "unset"
        \(Self.service(#""WROTE": .init(stringLiteral: wrote ? "yes" : "no"), "READ": .init(stringLiteral: read), "SPAWNED": .init(stringLiteral: spawned ? "yes" : "no"), "NOW": .init(stringLiteral: now), "CALLER": .init(stringLiteral: caller)"#))
        """)
        let dump = try ScaffoldBinary.run(["dump", "--project", root.path], environment: ["SCAFFOLD_TEST_CALLER": "visible"])
        #expect(dump.status == 0, "\(dump.output)")
        let values = try variables(dump.stdout)
        #expect(values["WROTE"] == "no")
        #expect(values["READ"] == "unreadable")
        #expect(values["SPAWNED"] == "no")
        #expect(values["NOW"] == "2000-01-01T00:00:00Z")
        #expect(values["CALLER"] == "unset")
        #expect(!FileManager.default.fileExists(atPath: escaped.path), "the blueprint wrote outside the project")
    }

    @Test("a blueprint that never ends is stopped at the time limit with a message that says so")
    func timeLimit() throws {
        let root = try project("loop", "import BlueprintDescription\nvar n = 0\nwhile true { n &+= 1 }\n")
        let started = Date()
        let result = try ScaffoldBinary.run(["dump", "--project", root.path], environment: ["SCAFFOLD_BLUEPRINT_TIMEOUT": "2"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("took longer than 2 s, so it and everything it started were stopped"), "\(result.output)")
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test("a program that leaves a child holding its output doesn't keep scaffold waiting")
    func detachedChild() throws {
        let started = Date()
        let output = try Subprocess.run("/bin/sh", ["-c", "sleep 30 & echo started"], timeout: 20)
        #expect(output.stdout == "started\n")
        #expect(!output.timedOut)
        #expect(Date().timeIntervalSince(started) < 5, "waited for the detached child")
        let killed = try Subprocess.run("/bin/sh", ["-c", "sleep 30"], timeout: 1)
        #expect(killed.timedOut)
    }

    @Test("warm and cold loads agree, whatever the caller's environment and clock")
    func deterministic() throws {
        let root = try project("determinism", """
        import BlueprintDescription
        import Foundation
        let stamp = ISO8601DateFormatter().string(from: Date())
        let user = ProcessInfo.processInfo.environment["USER"] ?? "nobody"
        \(Self.service(#""STAMP": .init(stringLiteral: stamp), "WHO": .init(stringLiteral: user)"#))
        """)
        let first = try ScaffoldBinary.run(["regen", "--project", root.path], environment: ["USER": "alice"])
        #expect(first.status == 0, "\(first.output)")
        try FileManager.default.removeItem(at: root.appendingPathComponent(".scaffold/cache"))
        let cold = try ScaffoldBinary.run(["regen", "--check", "--project", root.path], environment: ["USER": "bob"])
        #expect(cold.status == 0, "a cold load saw something the warm one didn't: \(cold.output)")
        let warm = try ScaffoldBinary.run(["regen", "--check", "--project", root.path], environment: ["USER": "carol"])
        #expect(warm.status == 0, "\(warm.output)")
    }

    @Test("a blueprint that declares nothing, or redirects its output, gets a message that fits")
    func noDocument() throws {
        let root = try project("redirect", """
        import BlueprintDescription
        import Foundation
        setenv("SCAFFOLD_BLUEPRINT_OUTPUT", "/nowhere/out.json", 1)
        \(Self.service(#""A": "b""#))
        """)
        let result = try ScaffoldBinary.run(["dump", "--project", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("handed back no document") && result.stderr.contains("SCAFFOLD_BLUEPRINT_OUTPUT"), "\(result.output)")
    }
}

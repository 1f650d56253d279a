import Foundation
@testable import ScaffoldKit
import Testing

/// A large blueprint is compiled part by part with swiftc's incremental mode: it must give exactly
/// what the file compiled whole gives, an edit must recompile only its part, and errors must
/// still point at the user's line.
@Suite("Blueprints built part by part", .serialized)
struct PartitionedBuildTests {
    /// A blueprint of `count` services, one `enum` per service; `port(i)` spells service i's port.
    static func blueprint(_ count: Int, port: (Int) -> String = { "port: \(8000 + $0)" }, trailer: String = "") -> String {
        var text = "import BlueprintDescription\n\n"
        for i in 0..<count {
            text += "/// Service \(i): its braces { and strings \"}\" don't confuse the cut.\n"
            text += "enum S\(i) { static let service: Service = .image(\"s\(i)\", \"nginx:1.27\",\n"
            text += "    \(port(i)),\n"
            text += "    environment: [\"NOTE\": \"#{ /* not a comment */ // nor this \\\" }\"]) }\n"
        }
        let names = (0..<count).map { "S\($0).service" }.joined(separator: ", ")
        text += "\nlet blueprint = Blueprint(name: \"big\", services: [\(names)])\n" + trailer
        return text
    }

    func project(_ name: String, _ text: String) throws -> URL {
        let root = TestPaths.temporaryFolder("partitioned-\(name)").appendingPathComponent("p")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
        return root
    }

    func incremental(_ root: URL) -> URL { root.appendingPathComponent(".scaffold/cache/incremental") }

    @Test("the cut moves whole declarations, keeps every line where it was, and leaves alone what it can't follow")
    func cut() throws {
        let source = Self.blueprint(70, trailer: "let note = \"\\(\"}\") \\(#\"{\"#)\"\nlet text = \"\"\"\n  }\n  \"\"\"\n")
        let partition = try #require(BlueprintPartition(source: source, mainPath: "/w/main.swift"))
        #expect(partition.parts.count == 3)
        let mainLines = partition.main.split(separator: "\n", omittingEmptySubsequences: false)
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(mainLines.count == sourceLines.count)
        #expect(!partition.main.contains("enum S"))
        #expect(partition.main.contains("let blueprint = Blueprint("))
        // Every declaration is in a part, right after a directive naming its own line.
        let s40 = try #require(sourceLines.firstIndex { $0.hasPrefix("enum S40 ") })
        #expect(partition.parts[1].contains("#sourceLocation(file: \"/w/main.swift\", line: \(s40 + 1))\nenum S40 "))
        #expect(partition.parts.allSatisfy { $0.hasPrefix("import BlueprintDescription\n") && $0.hasSuffix("#sourceLocation()\n") })

        #expect(BlueprintPartition(source: Self.blueprint(10), mainPath: "/w/main.swift") == nil, "a small blueprint compiles whole")
        #expect(BlueprintPartition(source: Self.blueprint(70, trailer: "#if DEBUG\n#endif\n"), mainPath: "/w/main.swift") == nil)
        #expect(BlueprintPartition(source: Self.blueprint(70, trailer: "let r = #/a+/#\n"), mainPath: "/w/main.swift") == nil)
        // Attributed or file-private declarations, and indented ones, stay in the main file.
        let kept = Self.blueprint(70) + "@available(*, deprecated)\nenum Old {}\nprivate enum Mine {}\n  enum Indented {}\nstruct Open {\n"
        #expect(BlueprintPartition(source: kept, mainPath: "/w/main.swift") == nil, "an unclosed brace gives up")
        let attributes = try #require(BlueprintPartition(source: Self.blueprint(70) + "@available(*, deprecated)\nenum Old {}\nprivate enum Mine {}\n  enum Indented {}\n", mainPath: "/w/main.swift"))
        #expect(attributes.main.contains("enum Old {}") && attributes.main.contains("private enum Mine {}") && attributes.main.contains("  enum Indented {}"))
    }

    @Test("a large blueprint built part by part gives exactly what the file compiled whole gives")
    func sameResult() throws {
        let parted = try project("parted", Self.blueprint(70))
        // A conditional block keeps the cut away: the same services, compiled as one file.
        let whole = try project("whole", Self.blueprint(70, trailer: "#if true\n#endif\n"))
        let a = try ScaffoldBinary.run(["dump", "--project", parted.path])
        let b = try ScaffoldBinary.run(["dump", "--project", whole.path])
        #expect(a.status == 0, "\(a.output)")
        #expect(b.status == 0, "\(b.output)")
        #expect(a.stdout == b.stdout)
        #expect(FileManager.default.fileExists(atPath: incremental(parted).appendingPathComponent("objects/part-0002.o").path), "the parts didn't compile")
        #expect(!FileManager.default.fileExists(atPath: incremental(whole).appendingPathComponent("part-0000.swift").path))
    }

    @Test("an edit recompiles only its part, and the result has the edit")
    func edit() throws {
        let root = try project("edit", Self.blueprint(70))
        let first = try ScaffoldBinary.run(["dump", "--project", root.path])
        #expect(first.status == 0, "\(first.output)")
        let objects = incremental(root).appendingPathComponent("objects")
        func modified(_ part: Int) throws -> Date {
            let attributes = try FileManager.default.attributesOfItem(atPath: objects.appendingPathComponent("part-000\(part).o").path)
            return try #require(attributes[.modificationDate] as? Date)
        }
        let before = try (0..<3).map(modified)
        Thread.sleep(forTimeInterval: 1.1)
        try Data(Self.blueprint(70, port: { $0 == 40 ? "port: 9440" : "port: \(8000 + $0)" }).utf8).write(to: root.appendingPathComponent("Blueprint.swift"))
        let second = try ScaffoldBinary.run(["dump", "--project", root.path])
        #expect(second.status == 0, "\(second.output)")
        #expect(second.stdout.contains("9440") && !first.stdout.contains("9440"))
        let after = try (0..<3).map(modified)
        #expect(after[0] == before[0] && after[2] == before[2], "parts without the edit were compiled again")
        #expect(after[1] > before[1], "the edited part wasn't compiled again")
    }

    @Test("a value error in a moved declaration names the line in Blueprint.swift")
    func errorLine() throws {
        let text = Self.blueprint(70, port: { $0 == 40 ? "port: 80000" : "port: \(8000 + $0)" })
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("port: 80000") }) + 1
        let root = try project("error", text)
        #expect(BlueprintPartition(source: text, mainPath: "/w/main.swift") != nil)
        let dump = try ScaffoldBinary.run(["dump", "--project", root.path])
        #expect(dump.status == 1)
        #expect(FileManager.default.fileExists(atPath: incremental(root).appendingPathComponent("objects/part-0001.o").path), "the parts didn't compile")
        #expect(dump.stderr.contains("Blueprint.swift:\(line): error: service 's40': port 80000"), "\(dump.stderr)")
    }

    @Test("a blueprint whose declarations can't leave their file still loads, compiled whole")
    func fallback() throws {
        // `secret()` is private to the file: the parts can't see it, the file compiled whole can.
        let text = Self.blueprint(70).replacingOccurrences(of: "port: 8003,", with: "port: secret(),") + "private func secret() -> Int { 8003 }\n"
        let root = try project("fallback", text)
        let dump = try ScaffoldBinary.run(["dump", "--project", root.path])
        #expect(dump.status == 0, "\(dump.output)")
        #expect(dump.stdout.contains("8003"))
    }
}

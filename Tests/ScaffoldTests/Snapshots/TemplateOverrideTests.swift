import Foundation
import ScaffoldCore
import ScaffoldKit
import Testing

/// A project's `.scaffold/templates/` override of one block changes that block and nothing else.
@Suite("Template overrides")
struct TemplateOverrideTests {
    @Test("overriding one block changes only that block")
    func oneBlock() throws {
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        func render(overrides: URL?) throws -> [GeneratedFile] {
            try ProjectSession(
                installation: installation, blueprint: TestPaths.blueprints.appendingPathComponent("block-override.swift"),
                displayPath: "Blueprints/block-override.swift", overrides: overrides,
                cacheDirectory: TestPaths.repository.appendingPathComponent(".build/scaffold-test-cache")).render().files
        }
        let plain = try render(overrides: nil)
        let overridden = try render(overrides: TestPaths.blueprints.appendingPathComponent("block-override.templates"))
        #expect(plain.map(\.path) == overridden.map(\.path))
        let changed = zip(plain, overridden).filter { $0.contents != $1.contents }.map(\.0.path)
        #expect(changed == ["Dockerfile"])
        let diff = UnifiedDiff.diff(path: "Dockerfile", old: plain.first { $0.path == "Dockerfile" }?.contents, new: overridden.first { $0.path == "Dockerfile" }?.contents)
        let removed = diff.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }
        let added = diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        #expect(removed.isEmpty)
        #expect(added.count == 4)
        #expect(added.contains { $0.contains("libpq5") })
    }

    @Test("overriding a block the parent lacks is an error naming the override")
    func unknownBlock() throws {
        let folder = TestPaths.temporaryFolder("bad-override")
        let file = folder.appendingPathComponent("containers/python.Dockerfile.mustache")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{{<containers/python.Dockerfile}}{{$no_such_block}}x{{/no_such_block}}{{/containers/python.Dockerfile}}".utf8).write(to: file)
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        #expect(throws: (any Error).self) {
            _ = try TemplateLoader.templateSet(installation: installation, overrides: folder)
        }
    }
}

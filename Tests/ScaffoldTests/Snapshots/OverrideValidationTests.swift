import Foundation
import Testing

/// A template override that would be ignored is an error, not a silent no-op.
@Suite("Override validation", .serialized)
struct OverrideValidationTests {
    func project(_ name: String) throws -> URL {
        let root = TestPaths.temporaryFolder("override-\(name)").appendingPathComponent("shop")
        let result = try ScaffoldBinary.run(["init", root.path])
        #expect(result.status == 0, "\(result.output)")
        return root
    }

    @Test("a misnamed override names the closest built-in template")
    func misnamed() throws {
        let root = try project("misnamed")
        let folder = root.appendingPathComponent(".scaffold/templates/compose")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x\n".utf8).write(to: folder.appendingPathComponent("overlay.yml.mustache"))
        let result = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(".scaffold/templates/compose/overlay.yml.mustache overrides no built-in template") && result.stderr.contains("did you mean 'compose/overlay.yaml'?"), "\(result.output)")
        // A new partial is allowed.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("overlay.yml.mustache"))
        try Data("x\n".utf8).write(to: folder.appendingPathComponent("_mine.mustache"))
        #expect(try ScaffoldBinary.run(["regen", "--project", root.path]).status == 0)
    }

    @Test("a symlinked override is refused")
    func symlinked() throws {
        let root = try project("symlinked")
        let outside = TestPaths.temporaryFolder("override-outside").appendingPathComponent("x.mustache")
        try Data("stolen\n".utf8).write(to: outside)
        let folder = root.appendingPathComponent(".scaffold/templates/compose")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("overlay.yaml.mustache"), withDestinationURL: outside)
        let result = try ScaffoldBinary.run(["regen", "--project", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a symbolic link"), "\(result.output)")
    }
}

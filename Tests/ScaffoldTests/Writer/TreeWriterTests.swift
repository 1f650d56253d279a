import Foundation
import Testing

/// `scaffold render` writes a new or empty folder all or nothing.
@Suite("render into a folder", .serialized)
struct TreeWriterTests {
    var blueprint: URL { TestPaths.blueprints.appendingPathComponent("default.swift") }

    @Test("render fills a new folder and an empty one with the same tree, modes included")
    func rendersNewAndEmptyFolders() throws {
        let base = TestPaths.temporaryFolder("render")
        let fresh = base.appendingPathComponent("deep/new")
        let empty = base.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for destination in [fresh, empty] {
            let result = try ScaffoldBinary.run(["render", blueprint.path, "-o", destination.path])
            #expect(result.status == 0, "\(result.output)")
        }
        let files = TestPaths.files(in: fresh)
        #expect(files.count > 20)
        #expect(files == TestPaths.files(in: empty))
        for path in files {
            let one = try FileManager.default.attributesOfItem(atPath: fresh.appendingPathComponent(path).path)
            let other = try FileManager.default.attributesOfItem(atPath: empty.appendingPathComponent(path).path)
            #expect(one[.posixPermissions] as? NSNumber == other[.posixPermissions] as? NSNumber, "\(path)")
            #expect(FileManager.default.contents(atPath: fresh.appendingPathComponent(path).path) == FileManager.default.contents(atPath: empty.appendingPathComponent(path).path))
        }
        #expect(files.contains { (try? FileManager.default.attributesOfItem(atPath: fresh.appendingPathComponent($0).path)[.posixPermissions] as? NSNumber)?.intValue == 0o755 },
                "some generated script is executable")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["deep", "empty"], "no staging folder is left")
    }

    @Test("render killed half-way (kill -9) leaves the destination as it was", arguments: [1, 30])
    func killedRenderLeavesNothing(_ step: Int) throws {
        let base = TestPaths.temporaryFolder("render-killed")
        let destination = base.appendingPathComponent("out")
        let result = try ScaffoldBinary.run(["render", blueprint.path, "-o", destination.path], environment: ["SCAFFOLD_FAULT": "render:\(step)"])
        #expect(result.status != 0, "the fault hook did not fire: \(result.output)")
        #expect(!FileManager.default.fileExists(atPath: destination.path), "a killed render left a partial tree")
        let retry = try ScaffoldBinary.run(["render", blueprint.path, "-o", destination.path])
        #expect(retry.status == 0, "\(retry.output)")
        #expect(TestPaths.files(in: destination).count > 20)
    }
}

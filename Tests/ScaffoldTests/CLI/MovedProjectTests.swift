import Foundation
import Testing

/// A project moved or copied with its `.scaffold/cache` still compiles its blueprint: nothing in
/// the cache may depend on the folder it was made in.
@Suite("moved and copied projects", .serialized)
struct MovedProjectTests {
    /// Runs `command` with `sh -c` in `folder`, failing the test on a non-zero exit.
    func shell(_ command: String, in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "`\(command)` failed")
    }

    /// An environment whose user cache (and so swiftc's module cache) starts empty in `folder`.
    func freshCache(_ folder: URL, _ name: String = "xdg") -> [String: String] {
        ["XDG_CACHE_HOME": folder.appendingPathComponent(name).path]
    }

    @Test("init a, mv a b, edit b/Blueprint.swift: regen --project b compiles and succeeds", arguments: ["mv", "cp -R"])
    func movedProjectRegens(_ move: String) throws {
        let folder = TestPaths.temporaryFolder("moved")
        let environment = freshCache(folder)
        let created = try ScaffoldBinary.run(["init", "a"], in: folder, environment: environment)
        try #require(created.status == 0, "\(created.output)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/.scaffold/cache").path))
        try shell("\(move) a b && echo '// x' >> b/Blueprint.swift", in: folder)
        let regen = try ScaffoldBinary.run(["regen", "--project", "b"], in: folder, environment: environment)
        #expect(regen.status == 0, "\(regen.output)")
        #expect(regen.stdout.contains("nothing to do"), "a comment changes no generated file: \(regen.output)")
        let check = try ScaffoldBinary.run(["regen", "--project", "b", "--check"], in: folder, environment: environment)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("a user cache moved to another folder is rebuilt, and the blueprint still compiles")
    func movedUserCacheRegens() throws {
        let folder = TestPaths.temporaryFolder("moved-cache")
        let created = try ScaffoldBinary.run(["init", "a"], in: folder, environment: freshCache(folder))
        try #require(created.status == 0, "\(created.output)")
        try shell("mv xdg xdg-moved && mv a b && echo '// x' >> b/Blueprint.swift", in: folder)
        let regen = try ScaffoldBinary.run(["regen", "--project", "b"], in: folder, environment: freshCache(folder, "xdg-moved"))
        #expect(regen.status == 0, "\(regen.output)")
    }
}

import Foundation
@testable import ScaffoldKit
import Testing

/// A cold load runs the compiler's jobs itself: the blueprint alone through the frontend, its
/// linker flags read from the object here, and the fixed clock precompiled once per compiler.
/// Each shortcut must give what the toolchain's own tools give, and heal when its cache is broken.
@Suite("Blueprints built without the driver", .serialized)
struct DirectBuildTests {
    static let compiler = try? CompilerVersion.ask(CompilerVersion.which(BlueprintLoader.findCompiler()),
                                                   binDirectory: URL(fileURLWithPath: CompilerVersion.which(BlueprintLoader.findCompiler()))
                                                       .resolvingSymlinksInPath().deletingLastPathComponent().path)
    static var tools: URL? {
        guard let compiler, compiler.triple?.contains("linux") == true else { return nil }
        return URL(fileURLWithPath: compiler.binDirectory)
    }

    @Test("an object's linker flags read here are swift-autolink-extract's, each once",
          .enabled(if: tools != nil, "needs a Linux Swift toolchain"))
    func autolinkFlags() throws {
        let tools = try #require(Self.tools), compiler = try #require(Self.compiler)
        let work = TestPaths.temporaryFolder("autolink")
        let source = work.appendingPathComponent("a.swift"), object = work.appendingPathComponent("a.o")
        try Data("import Foundation\nimport Dispatch\nprint(Date().timeIntervalSince1970 > 0, DispatchQueue.main.label)\n".utf8).write(to: source)
        let built = try Subprocess.run(tools.appendingPathComponent("swift-frontend").path, [
            "-frontend", "-c", source.path, "-target", try #require(compiler.triple), "-disable-objc-interop",
            "-module-cache-path", work.appendingPathComponent("mc").path, "-Onone", "-module-name", "main", "-o", object.path,
        ])
        #expect(built.status == 0, "\(built.stderr)")
        let listed = work.appendingPathComponent("a.autolink")
        let extracted = try Subprocess.run(tools.appendingPathComponent("swift-autolink-extract").path, [object.path, "-o", listed.path])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let expected = try String(contentsOf: listed, encoding: .utf8).split(separator: "\n").map(String.init)
        let read = try #require(AutolinkEntries.read(objectAt: object.path))
        // The tool moves the runtime's libraries to the front, which only a static link needs;
        // the loader links dynamically, where the flags' order doesn't change what resolves.
        #expect(read.sorted() == expected.sorted())
        #expect(Set(read).count == read.count)
        #expect(read.contains("-lFoundation") && read.contains("-lswiftCore"))
        // Anything that isn't a whole 64-bit ELF object is left to the tool.
        #expect(AutolinkEntries.read(objectAt: source.path) == nil)
        let bytes = try [UInt8](Data(contentsOf: object))
        #expect(AutolinkEntries.read(object: Array(bytes.prefix(100))) == nil)
        #expect(AutolinkEntries.read(object: []) == nil)
    }

    @Test("the fixed clock is compiled once per compiler, fixes Date() in a blueprint, and a broken copy is rebuilt",
          .enabled(if: tools != nil, "needs a Linux Swift toolchain"))
    func fixedClock() throws {
        let root = TestPaths.temporaryFolder("fixed-clock")
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        var loader = BlueprintLoader(installation: installation, cacheDirectory: root.appendingPathComponent("cache"))
        loader.moduleCache = root.appendingPathComponent("user/module-cache")
        func load(_ tag: String) throws -> String? {
            let blueprint = root.appendingPathComponent("Blueprint-\(tag).swift")
            try Data("""
            import BlueprintDescription
            import Foundation
            let now = ISO8601DateFormatter().string(from: Date())
            let blueprint = Blueprint(name: "clock", services: [.image("web", "nginx:1.27", port: 80, environment: ["NOW": .init(stringLiteral: now), "TAG": "\(tag)"])])

            """.utf8).write(to: blueprint)
            let loaded = try loader.load(blueprint)
            #expect(!loaded.cached)
            return loaded.blueprint.services.first?.environment["NOW"]?.defaultValue
        }
        #expect(try load("first") == "2000-01-01T00:00:00Z")
        let stored = try FileManager.default.contentsOfDirectory(atPath: loader.compilerCache.path).filter { $0.hasPrefix("fixed-clock-") }
        #expect(stored.count == 1)
        let object = loader.compilerCache.appendingPathComponent("\(try #require(stored.first))/clock.o")
        let built = try #require(FileStat.of(object.path))
        #expect(try load("second") == "2000-01-01T00:00:00Z")
        #expect(FileStat.of(object.path) == built, "the clock was compiled again")
        // A broken stored object: the load still succeeds (the driver builds it whole), and the
        // next load compiles a good clock again.
        try Data("not an object".utf8).write(to: object)
        #expect(try load("third") == "2000-01-01T00:00:00Z")
        #expect(try load("fourth") == "2000-01-01T00:00:00Z")
        let rebuilt = try #require(FileStat.of(object.path))
        #expect(rebuilt.size > 1000 && rebuilt != built)
    }
}

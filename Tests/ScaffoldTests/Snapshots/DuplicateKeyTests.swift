import Foundation
import Testing

/// No generated YAML file has a key twice: a duplicate is invalid YAML that most parsers accept
/// silently, keeping one value (two proxy routes to one service once wrote `depends_on` twice).
@Suite("YAML without duplicate keys")
struct DuplicateKeyTests {
    /// A python3 that has PyYAML, or nil.
    static let python: String? = {
        for candidate in ["python3"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [candidate, "-c", "import yaml"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }()

    static let script = #"""
    import sys, yaml
    class Strict(yaml.SafeLoader):
        pass
    def mapping(loader, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, "duplicate key %r" % (key,), key_node.start_mark)
            seen.add(key)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)
    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    bad = 0
    for path in sys.argv[1:]:
        try:
            list(yaml.load_all(open(path, encoding="utf-8"), Loader=Strict))
        except yaml.YAMLError as error:
            bad += 1
            print("%s: %s" % (path, str(error).replace("\n", " ")))
    print("checked %d files, %d with problems" % (len(sys.argv) - 1, bad))
    sys.exit(1 if bad else 0)
    """#

    @Test("every YAML file of every snapshot and of a blueprint with two routes to one service parses with a duplicate-rejecting loader",
          .enabled(if: python != nil, "skipped: python3 with PyYAML is not available"))
    func noDuplicates() throws {
        let python = try #require(Self.python)
        var paths = TestPaths.files(in: TestPaths.snapshots).filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.contains("/helm/") || $0.hasSuffix("values.yaml") || $0.contains("/values-") }
            .map { TestPaths.snapshots.appendingPathComponent($0).path }
        // Two routes to one service: the case that once wrote `depends_on` twice.
        let folder = TestPaths.temporaryFolder("routes")
        try Data("""
        import BlueprintDescription
        let blueprint = Blueprint(name: "routes", services: [
            .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health")),
            .proxy(.nginx, routes: ["/a/": "api", "/b/": "api"], hostPort: 9090),
        ])
        """.utf8).write(to: folder.appendingPathComponent("Blueprint.swift"))
        let render = try ScaffoldBinary.run(["render", folder.appendingPathComponent("Blueprint.swift").path, "-o", folder.appendingPathComponent("out").path])
        #expect(render.status == 0, "\(render.output)")
        paths += TestPaths.files(in: folder.appendingPathComponent("out")).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { folder.appendingPathComponent("out").appendingPathComponent($0).path }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", Self.script] + paths
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(paths.count > 100)
        print("duplicate keys: \(text.split(separator: "\n").last ?? "")")
    }
}

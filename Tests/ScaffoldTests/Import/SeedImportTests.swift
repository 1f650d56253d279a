import Foundation
import Testing
@testable import ScaffoldKit

/// The compose files the seed plans quote, imported and rendered with the real binary. The plans
/// are read from `<repository>/../shared/seeds` when the test runs (never copied into the
/// repository); without them the suite is skipped and says why.
///
/// It prints, per seed, what was imported and what became `// not imported:`; with
/// `SCAFFOLD_IMPORT_NOTES=<file>` it also writes that table as Markdown.
@Suite("scaffold import on the seed plans", .enabled(if: SeedCompose.folder != nil, Comment(rawValue: SeedCompose.unavailable)))
struct SeedImportTests {
    @Test("seeds 000-003: every quoted compose stack imports, renders, and keeps its services, images, ports and variables")
    func seeds() throws {
        var table = ["| seed | service | declared as | imported | not imported |", "| --- | --- | --- | --- | --- |"]
        for id in ["000", "001", "002", "003"] {
            let seed = try #require(SeedCompose.seed(id), "seed \(id) is missing from \(SeedCompose.folder?.path ?? "?")")
            #expect(!seed.files.isEmpty, "seed \(id) quotes no compose file")
            let folder = TestPaths.temporaryFolder("seed-import-\(id)")
            let originals = TestPaths.temporaryFolder("seed-originals-\(id)")
            for file in seed.files {
                try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name))
                try Data(file.text.utf8).write(to: originals.appendingPathComponent(file.name))
            }
            let names = seed.files.map(\.name)
            let report = try ComposeImporter(root: folder, files: names.map { folder.appendingPathComponent($0) }, displayNames: names, name: nil).draft().report
            _ = try ImportWorkflowTests.importAndRender(folder, files: names, inputs: names.map { originals.appendingPathComponent($0) }, report: report)
            print("seed \(id) (\(seed.system)): \(names.joined(separator: ", ")) → environments \(report.environments.joined(separator: ", "))")
            for line in report.notImported { print("  not imported (top level): \(line)") }
            table.append("| \(id) \(seed.system) | (top level) | | environments: \(report.environments.joined(separator: ", ")) | \(report.notImported.joined(separator: "; ")) |")
            for service in report.services {
                print("  \(service.name): \(service.declaration)")
                print("    imported: \(service.imported.joined(separator: ", "))")
                for line in service.notImported { print("    not imported: \(line)") }
                table.append("| \(id) | \(service.name) | `\(service.declaration)` | \(service.imported.joined(separator: ", ")) | \(service.notImported.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: "<br>")) |")
            }
        }
        if let path = ProcessInfo.processInfo.environment["SCAFFOLD_IMPORT_NOTES"], !path.isEmpty {
            try Data((table.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    @Test("the plans' compose blocks are found and named after the files they quote")
    func extraction() throws {
        let wraith = try #require(SeedCompose.seed("000"))
        #expect(wraith.files.map(\.name) == ["docker-compose.yml", "docker-compose.dev.yml", "docker-compose.prod.yml"])
        let codenav = try #require(SeedCompose.seed("003"))
        #expect(codenav.files.count == 2, "the service stack and the memory-limit snippet: \(codenav.files.map(\.name))")
    }
}

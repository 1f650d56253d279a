import Foundation
import ScaffoldCore
import Testing

/// The writer deletes only files whose shape a family generates: every generated path of every
/// preset must have one of those shapes, and what a ledger must never name has none.
@Suite("Generated path shapes")
struct GeneratedPathsTests {
    @Test("every generated file of every preset has a known shape", arguments: TestPaths.presetNames)
    func covered(_ preset: String) throws {
        for file in try SnapshotTests.render(preset) where file.starter == nil {
            #expect(GeneratedPaths.couldGenerate(file.path), "\(preset): \(file.path) has no shape in GeneratedPaths.patterns, so regen could never delete it")
        }
    }

    @Test("protected and source paths are never scaffold's")
    func protected() {
        for path in ["Blueprint.swift", ".git/config", ".git/hooks/pre-commit", ".scaffold/ledger.json", ".scaffold/templates/x.mustache",
                     "api/app/main.py", "src/index.html", "package.json", "README.md", "Makefile"] {
            #expect(!GeneratedPaths.couldGenerate(path), "\(path)")
        }
        for path in ["compose.yaml", "compose.staging.yaml", "api/Dockerfile", "Dockerfile.api", "deploy/helm/x/values.yaml", ".github/workflows/ci.yml"] {
            #expect(GeneratedPaths.couldGenerate(path), "\(path)")
        }
    }
}

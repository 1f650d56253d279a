import Foundation
import Mustache
import Testing

/// Runs all 194 tests of the official Mustache specification (including the optional
/// inheritance, dynamic-names and lambdas modules), printing a pass count per module.
@Suite("Mustache specification")
struct SpecConformanceTests {
    @Test("all spec modules pass",
          .enabled(if: SpecSuite.directory != nil,
                   "mustache spec: skipped, no spec files at \(SpecSuite.searchedLocation) (set MUSTACHE_SPEC_DIR)"))
    func allModules() throws {
        let directory = try #require(SpecSuite.directory)
        var passed = 0
        var total = 0
        for module in SpecSuite.modules {
            let cases = try SpecSuite.load(module, from: directory)
            let outcomes = cases.map { SpecSuite.run($0, module: module) }
            let modulePassed = outcomes.filter(\.passed).count
            print("mustache spec: \(module) \(modulePassed)/\(outcomes.count)")
            for outcome in outcomes where !outcome.passed {
                switch outcome.actual {
                case .success(let actual):
                    Issue.record("\(module) › \(outcome.name): expected \(outcome.expected.debugDescription), got \(actual.debugDescription)")
                case .failure(let error):
                    Issue.record("\(module) › \(outcome.name): threw \(error)")
                }
            }
            passed += modulePassed
            total += outcomes.count
        }
        print("mustache spec: total \(passed)/\(total)")
        #expect(total == 194, "the spec folder should hold 194 tests")
        #expect(passed == total)
    }
}

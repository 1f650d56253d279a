import BlueprintDescription
import ScaffoldCore
import Testing

/// Compose says what it can't express, only for environments it actually runs.
@Suite("Compose fidelity notes")
struct ComposeNotesTests {
    func project(targets: [Target]) throws -> ResolvedProject {
        try Resolver().resolve(Blueprint(name: "shop", services: [
            .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                 health: .http("/health", ready: "/ready"),
                 autoscale: [.production: .cpu(min: 2, max: 5)], ingress: .host("api.example.com")),
        ], targets: targets))
    }

    @Test("a production environment run by compose gets a note per setting compose can't express")
    func composeRun() throws {
        let notes = ComposeGenerator().notes(for: try project(targets: []))
        #expect(notes.count == 4)
        #expect(notes.allSatisfy { $0.family == "compose" && $0.service == "api" && $0.environment == "production" })
        #expect(notes.contains { $0.message.contains("no autoscaling") && $0.message.contains("2 replicas") })
        #expect(notes.contains { $0.message.contains("api.example.com") })
        #expect(notes.contains { $0.message.contains("/ready") })
        #expect(notes.contains { $0.message.contains("ephemeral host port") })
    }

    @Test("no notes where another target deploys the environment")
    func deployedElsewhere() throws {
        #expect(ComposeGenerator().notes(for: try project(targets: [.kubernetes(environments: [.production])])).isEmpty)
    }
}

import BlueprintDescription
import Foundation
import Testing

/// Production-mode compose publishes nothing that wasn't asked for.
@Suite("Compose exposure")
struct ComposeExposureTests {
    @Test("internal services stay on the compose network in production; public ones and explicit hostPort: are published; development publishes all on loopback")
    func productionPublishesOnlyWhatIsAsked() throws {
        let files = try QueueTests.files(Blueprint(
            name: "shop", environments: [.development, .production],
            services: [
                .app("web", path: "web", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health"),
                     ingress: .host("shop.example.com")),
                .app("internal", path: "internal", runtime: .python(server: .uvicorn("app:app")), port: 8001, health: .http("/health")),
                .app("admin", path: "admin", runtime: .python(server: .uvicorn("app:app")), port: 8002, hostPort: 9002, health: .http("/health")),
                .image("sidecar", "ghcr.io/acme/sidecar:1.0.0", port: 8003),
            ]))
        let production = try #require(files["compose.production.yaml"])
        #expect(production.contains(#"- "8000:8000""#), "the public service is published: \(production)")
        #expect(production.contains(#"- "9002:8002""#), "hostPort: asks for it")
        #expect(!production.contains("8001"), "an internal app is not published: \(production)")
        #expect(!production.contains("8003"), "an internal image is not published: \(production)")
        let development = try #require(files["compose.development.yaml"])
        for port in ["127.0.0.1:8000:8000", "127.0.0.1:8001:8001", "127.0.0.1:9002:8002", "127.0.0.1:8003:8003"] {
            #expect(development.contains(port), "\(port) in development")
        }
    }
}

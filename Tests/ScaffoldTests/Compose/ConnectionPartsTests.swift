import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// `.parts(prefix:)`: a dependency's connection as separate variables, kept in step with the preset.
@Suite("Connection parts")
struct ConnectionPartsTests {
    static func blueprint(managed: [Environment] = []) -> Blueprint {
        Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, dependsOn: ["postgres", "redis"]),
                .postgres(user: "shopper", database: "orders", managed: managed, injects: .parts(prefix: "DB")),
                .redis(injects: .parts(prefix: "CACHE")),
            ],
            targets: [.kubernetes(environments: [.production])])
    }

    @Test("host, port, user, database name and password, from the tuned preset, the password from its secret")
    func parts() throws {
        let files = try QueueTests.files(Self.blueprint())
        let compose = try #require(files["compose.yaml"])
        let api = try #require(ProcessTests.block("api", in: compose))
        for line in ["DB_HOST: postgres", #"DB_PORT: "5432""#, "DB_USER: shopper", "DB_NAME: orders",
                     #"DB_PASSWORD: "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}""#, "CACHE_HOST: redis", #"CACHE_PORT: "6379""#] {
            #expect(api.contains(line), "\(line): \(api)")
        }
        #expect(!api.contains("DATABASE_URL") && !api.contains("REDIS_URL") && !api.contains("CACHE_USER"), "\(api)")
        let patch = try #require(files["deploy/kubernetes/overlays/production/api/deployment-patch.yaml"])
        #expect(patch.contains("- name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: shop-secrets\n                  key: postgres-password"), "\(patch)")
        let ci = try #require(files[".github/workflows/ci.yml"])
        #expect(ci.contains("DB_USER: shopper") && ci.contains("DB_HOST: localhost"), "\(ci)")
    }

    @Test("parts from a cloud-managed database, a bad prefix, and a collision are refused by name")
    func refused() throws {
        #expect { _ = try Resolver().resolve(Self.blueprint(managed: [.production])) } throws: { "\($0)".contains("injects .parts") }
        #expect {
            _ = try Resolver().resolve(Blueprint(name: "shop", services: [.redis(injects: .parts(prefix: "db_"))]))
        } throws: { "\($0)".contains("needs a prefix") }
        #expect {
            _ = try Resolver().resolve(Blueprint(name: "shop", services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), dependsOn: ["a", "b"]),
                .redis(name: "a", injects: .parts(prefix: "CACHE")), .redis(name: "b", injects: .parts(prefix: "CACHE")),
            ]))
        } throws: { "\($0)".contains("both inject CACHE_HOST") }
    }
}

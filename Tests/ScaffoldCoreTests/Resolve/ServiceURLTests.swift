import BlueprintDescription
import ScaffoldCore
import Testing

/// `Setting.url(of:path:)` resolves to the called service's address, and every way of naming a
/// service that has no URL there is an error at the `.url(of:)` line that says what to do.
@Suite("Service URLs")
struct ServiceURLTests {
    func web(_ url: Setting, environments: [Environment]? = nil) -> Service {
        .image("web", "ghcr.io/acme/web:1.0.0", port: 8080, environment: ["API_URL": url], environments: environments)
    }

    func api(port: Int? = 8000, environments: [Environment]? = nil) -> Service {
        .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: port, environments: environments)
    }

    func failures(_ blueprint: Blueprint) -> [ValidationError] {
        do {
            _ = try Resolver().resolve(blueprint)
            return []
        } catch let failure as ValidationFailure {
            return failure.errors
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func aURLResolvesToTheServicesNetworkAddressEverywhereTheCallerRuns() throws {
        let project = try Resolver().resolve(Blueprint(name: "shop", services: [api(), web(.url(of: "api", path: "/v1"))]))
        for environment in ["development", "production"] {
            let variable = try #require(project.service(named: "web")?.instance(in: environment)?.variables.first { $0.name == "API_URL" })
            #expect(variable.value == "http://api:8000/v1")
            #expect(variable.serviceURL == ServiceURLReference(service: "api", port: 8000, path: "/v1"))
            #expect(variable.secret == nil)
            #expect(project.service(named: "web")?.instance(in: environment)?.calls == ["api"])
        }
    }

    @Test func aPresetsPortIsItsURLsPort() throws {
        let project = try Resolver().resolve(Blueprint(name: "shop", services: [.redis(), web(.url(of: "redis"))]))
        #expect(project.service(named: "web")?.instance(in: "production")?.variables.first { $0.name == "API_URL" }?.value == "http://redis:6379")
    }

    @Test func environmentsLimitWhereTheVariableIsSet() throws {
        let project = try Resolver().resolve(Blueprint(
            name: "shop", environments: [.development, .production],
            services: [api(environments: [.production]), web(.url(of: "api", environments: [.production]))]))
        #expect(project.service(named: "web")?.instance(in: "development")?.variables.contains { $0.name == "API_URL" } == false)
        #expect(project.service(named: "web")?.instance(in: "production")?.variables.contains { $0.name == "API_URL" } == true)
    }

    @Test func anUnknownServiceIsAnErrorAtTheURLsLine() throws {
        let line = #line + 1
        let found = failures(Blueprint(name: "shop", services: [api(), web(.url(of: "apii", path: "/v1"))]))
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.location?.line == line)
        #expect(error.rendered(file: "Blueprint.swift").hasPrefix("Blueprint.swift:\(line): error: service 'web' sets API_URL to .url(of: \"apii\"), but no service is called 'apii': name one of 'api'"))
    }

    @Test func aServiceWithoutAPortHasNoURL() throws {
        let found = failures(Blueprint(name: "shop", services: [api(port: nil), web(.url(of: "api"))]))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'api' listens on no port, so it has no URL: give it `port:`") == true)
    }

    @Test func theCalleeMustRunWhereverTheVariableIsSet() throws {
        let found = failures(Blueprint(name: "shop", services: [api(environments: [.production]), web(.url(of: "api"))]))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'api' doesn't run in development, where 'web' does") == true)
        #expect(found.first?.message.contains("environments: [...]") == true)
    }

    @Test func aCloudManagedServiceHasNoURL() throws {
        let found = failures(Blueprint(name: "shop", services: [.postgres(managed: [.production]), web(.url(of: "postgres"))]))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'postgres' is cloud-managed in production") == true)
        #expect(found.first?.message.contains("dependsOn") == true)
    }

    @Test func itselfAndPathsWithoutASlashAreErrors() throws {
        let own = failures(Blueprint(name: "shop", services: [web(.url(of: "web"))]))
        #expect(own.first?.message.contains("that is the service itself") == true)
        let path = failures(Blueprint(name: "shop", services: [api(), web(.url(of: "api", path: "v1"))]))
        #expect(path.first?.message.contains("write `path: \"/v1\"`") == true)
    }

    @Test func cloudRunWiresOneLevelOfServiceURLs() throws {
        let chain = Blueprint(
            name: "shop",
            services: [
                .image("web", "ghcr.io/acme/web:1.0.0", port: 8080, environment: ["API_URL": .url(of: "api")]),
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, environment: ["AUTH_URL": .url(of: "auth")]),
                .image("auth", "ghcr.io/acme/auth:1.0.0", port: 9000),
            ],
            targets: [.gcp(project: "shop", region: "europe-west1", environments: [.production])])
        let found = failures(chain)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'api' itself reads the URL of 'auth'") == true)
        var kubernetes = chain
        kubernetes.targets = [.kubernetes(environments: [.production])]
        #expect(failures(kubernetes).isEmpty, "clusters resolve any chain by name")
    }
}

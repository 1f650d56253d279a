import BlueprintDescription
import Testing
@testable import ScaffoldCore

/// The fidelity notes: each appears for a blueprint that triggers it, and only then.
struct TerraformNotesTests {
    /// One API on `targets`, shaped by the arguments; by default it fits every platform exactly
    /// enough to give no note on AWS.
    static func blueprint(
        resources: Resources = Resources(cpu: 0.25, memory: "512Mi"),
        autoscale: Autoscale? = nil, ingress: Ingress? = nil, health: HealthCheck? = nil,
        port: Int? = 8000, redis: Bool = false, targets: [Target]
    ) -> Blueprint {
        var services: [Service] = [
            .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: port,
                 health: health, dependsOn: redis ? ["redis"] : [], resources: resources,
                 autoscale: autoscale.map { [.production: $0] } ?? [:], ingress: ingress),
        ]
        if redis { services.append(.redis(managed: [.production])) }
        return Blueprint(name: "shop", environments: [.development, .production], services: services, targets: targets)
    }

    static func notes(_ blueprint: Blueprint) throws -> [FidelityNote] {
        TerraformGenerator().notes(for: try Resolver().resolve(blueprint))
    }

    static let aws = Target.aws(region: "eu-west-1", environments: [.production])
    static let gcp = Target.gcp(project: "shop", region: "europe-west1", environments: [.production])
    static let azure = Target.azure(location: "westeurope", environments: [.production])

    @Test func aPlainServiceThatFitsFargateGetsNoNote() throws {
        #expect(try Self.notes(Self.blueprint(targets: [Self.aws])).isEmpty)
        #expect(try Self.notes(Self.blueprint(targets: [.kubernetes(environments: [.production])])).isEmpty)
    }

    @Test func cloudRunSaysItIgnoresTheCPUTargetOnlyWhenAutoscaled() throws {
        let scaled = try Self.notes(Self.blueprint(resources: Resources(cpu: 1, memory: "1Gi"), autoscale: .cpu(min: 2, max: 6, target: 60), targets: [Self.gcp]))
        #expect(scaled.count == 1)
        #expect(scaled.first?.service == "api" && scaled.first?.environment == "production")
        #expect(scaled.first?.message.contains("60% CPU target is not used") == true)
        #expect(scaled.first?.message.contains("2 to 6 instances") == true)
        #expect(try Self.notes(Self.blueprint(resources: Resources(cpu: 1, memory: "1Gi"), targets: [Self.gcp])).isEmpty)
        // AWS and Azure scale on CPU: no note.
        #expect(try Self.notes(Self.blueprint(autoscale: .cpu(min: 2, max: 6), targets: [Self.aws])).isEmpty)
    }

    @Test func roundingIsReportedFromWhatToWhatOnlyWhenItChangesAValue() throws {
        let rounded = try Self.notes(Self.blueprint(resources: Resources(cpu: 0.25, memory: "256Mi"), targets: [Self.aws, Self.gcp, Self.azure]))
        let messages = rounded.map(\.message)
        #expect(messages.contains { $0.hasPrefix("ECS Fargate runs it at 0.25 vCPU / 512 MiB") && $0.contains("0.25 CPU / 256 MiB") })
        #expect(messages.contains { $0.hasPrefix("Cloud Run runs it at 1 CPU / 512 MiB") })
        #expect(messages.contains { $0.hasPrefix("Container Apps runs it at 0.25 CPU / 512 MiB") })
        #expect(rounded.allSatisfy { $0.service == "api" && $0.environment == "production" })
        let exact = try Self.notes(Self.blueprint(resources: Resources(cpu: 1, memory: "2Gi"), targets: [Self.aws, Self.gcp, Self.azure]))
        #expect(!exact.contains { $0.message.contains("the nearest size it offers") })
    }

    @Test func publicHostsSayWhatTheUserMustWire() throws {
        let notes = try Self.notes(Self.blueprint(ingress: .host("api.shop.example.com", path: "/v1"), targets: [Self.aws, Self.gcp, Self.azure]))
        let messages = notes.map(\.message)
        #expect(messages.contains { $0.contains("AWS creates no DNS record for api.shop.example.com") && $0.contains("load_balancer_dns_name") })
        #expect(messages.contains { $0.contains("Google Cloud doesn't map api.shop.example.com") })
        #expect(messages.contains { $0.contains("Azure doesn't bind api.shop.example.com") })
        #expect(messages.contains { $0.hasPrefix("Cloud Run can't route by path") && $0.contains("/v1") })
        #expect(messages.contains { $0.hasPrefix("Container Apps can't route by path") })
        #expect(try Self.notes(Self.blueprint(targets: [Self.aws])).allSatisfy { !$0.message.contains("DNS") })
    }

    @Test func securityOptionsAzureCannotApplyAreNamed() throws {
        let key = Security(kmsKey: "https://vault.example/keys/app")
        let azure = try Self.notes(Self.blueprint(resources: Resources(cpu: 0.25, memory: "512Mi"),
                                                  targets: [.azure(location: "westeurope", environments: [.production], security: key)]))
        #expect(azure.contains { $0.message.hasPrefix("Security.kmsKey is not applied on Azure") && $0.service == nil })
        #expect(!(try Self.notes(Self.blueprint(targets: [Self.azure]))).contains { $0.message.contains("kmsKey") })
        #expect(!(try Self.notes(Self.blueprint(targets: [.aws(region: "eu-west-1", environments: [.production], security: key)]))).contains { $0.message.contains("kmsKey") })
    }

    @Test func targetsSharingACloudSayWhichOptionWins() throws {
        let shared = try Self.notes(Blueprint(
            name: "shop", environments: [.staging, .production],
            services: [.app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, resources: Resources(cpu: 0.25, memory: "512Mi"))],
            targets: [
                .aws(region: "eu-west-1", environments: [.staging], security: Security(wafACL: "arn:aws:wafv2:eu-west-1:1:regional/webacl/a")),
                .aws(region: "us-east-1", environments: [.production], security: Security(wafACL: "arn:aws:wafv2:us-east-1:1:regional/webacl/b")),
            ]))
        #expect(shared.contains { $0.message.contains("2 AWS targets share one configuration") && $0.message.contains("production: us-east-1, staging: eu-west-1") == false && $0.message.contains("staging: eu-west-1, production: us-east-1") })
        #expect(shared.contains { $0.message.contains("Security.wafACL differently") && $0.message.contains("webacl/a") })
        #expect(!(try Self.notes(Self.blueprint(targets: [Self.aws]))).contains { $0.message.contains("share one configuration") })
    }

    @Test func memorystoreTLSNeedsTheInstanceCA() throws {
        let gcp = try Self.notes(Self.blueprint(resources: Resources(cpu: 1, memory: "1Gi"), redis: true, targets: [Self.gcp]))
        #expect(gcp.contains { $0.service == "redis" && $0.message.hasPrefix("Memorystore serves TLS") && $0.message.contains("cache_server_ca_certs") })
        #expect(gcp.contains { $0.service == "redis" && $0.message.contains("Memorystore for Redis (REDIS_7_2, 5 GiB)") })
        let aws = try Self.notes(Self.blueprint(redis: true, targets: [Self.aws]))
        #expect(!aws.contains { $0.message.contains("Memorystore") })
    }

    @Test func healthChecksAPlatformCannotRunAreNamed() throws {
        let command = HealthCheck.command(["python", "-m", "health"])
        let worker = try Self.notes(Self.blueprint(resources: Resources(cpu: 1, memory: "1Gi"), health: command, port: nil, targets: [Self.gcp]))
        #expect(worker.map(\.message) == ["Cloud Run worker pools have no probes: the health check is not run; an instance is replaced only when it exits."])
        let unbalanced = try Self.notes(Self.blueprint(health: .http("/health"), targets: [Self.aws]))
        #expect(unbalanced.contains { $0.message.hasPrefix("ECS has no HTTP check without a load balancer") })
        #expect(try Self.notes(Self.blueprint(health: command, targets: [Self.aws])).isEmpty)
    }

    @Test func healthSettingsALoadBalancerRoundsOrPicksAreNamed() throws {
        let host = Ingress.host("api.shop.example.com")
        let picked = try Self.notes(Self.blueprint(ingress: host, targets: [Self.aws]))
        #expect(picked.contains { $0.message.hasPrefix("Without a health check in the blueprint, the AWS load balancer checks GET /") })
        let fast = try Self.notes(Self.blueprint(ingress: host, health: .http("/health", interval: 2, timeout: 5), targets: [Self.aws]))
        #expect(fast.contains { $0.message.contains("checks every 5 s with a 4 s timeout") && $0.message.contains("not every 2 s with 5 s") })
        let fitting = try Self.notes(Self.blueprint(ingress: host, health: .http("/health"), targets: [Self.aws]))
        #expect(!fitting.contains { $0.message.contains("health check") || $0.message.contains("checks every") })
        let tcp = try Self.notes(Self.blueprint(resources: Resources(cpu: 1, memory: "1Gi"), health: .tcp(), targets: [Self.gcp]))
        #expect(tcp.map(\.message) == ["Cloud Run checks the TCP port only at startup: no liveness probe runs afterwards."])
    }

    @Test func anIngressWithoutAPortIsNamedOnceForAllClouds() throws {
        let notes = try Self.notes(Self.blueprint(ingress: .host("api.shop.example.com"), port: nil, targets: [Self.aws, Self.azure]))
        #expect(notes.filter { $0.message.contains("It has no port") }.count == 1)
        #expect(!(try Self.notes(Self.blueprint(port: nil, targets: [Self.aws]))).contains { $0.message.contains("It has no port") })
    }

    @Test func cloudRunTakesMoreCPUsForMoreMemory() {
        #expect(TerraformSizing.cloudRun(Resources(cpu: 1, memory: "6Gi")) == ("2", 6144))
        #expect(TerraformSizing.cloudRun(Resources(cpu: 1, memory: "4Gi")) == ("1", 4096))
    }
}

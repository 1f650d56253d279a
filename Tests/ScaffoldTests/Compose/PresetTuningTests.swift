import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// A backing preset's command flags and health timings, set on the factory.
@Suite("Preset command and health tuning")
struct PresetTuningTests {
    static func blueprint() -> Blueprint {
        Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, dependsOn: ["redis"]),
                .redis(command: ["redis-server", "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"],
                       health: .command(["redis-cli", "ping"], interval: 5, timeout: 2, retries: 10, startPeriod: 20)),
            ],
            targets: [.kubernetes(environments: [.production])])
    }

    @Test("the factories record command and health; nil keeps the preset's")
    func factories() {
        let tuned = Service.postgres(command: ["postgres", "-c", "max_connections=200"], health: .tcp(interval: 3))
        #expect(tuned.command == ["postgres", "-c", "max_connections=200"] && tuned.health?.interval == 3)
        let plain = Service.mysql()
        #expect(plain.command == nil && plain.health == nil)
    }

    @Test("compose and Kubernetes run the tuned command and check health on the tuned timings")
    func families() throws {
        let files = try QueueTests.files(Self.blueprint())
        let compose = try #require(files["compose.yaml"])
        let redis = try #require(ProcessTests.block("redis", in: compose), "\(compose)")
        #expect(redis.contains("--maxmemory") && redis.contains("allkeys-lru"), "\(redis)")
        #expect(redis.contains(#"interval: "5s""#) && redis.contains("retries: 10") && redis.contains(#"start_period: "20s""#), "\(redis)")
        let workload = try #require(files.first { $0.key.hasPrefix("deploy/kubernetes/base/redis/") && ($0.key.hasSuffix("statefulset.yaml") || $0.key.hasSuffix("deployment.yaml")) }?.value)
        #expect(workload.contains("--maxmemory") && workload.contains("periodSeconds: 5"), "\(workload)")
    }
}

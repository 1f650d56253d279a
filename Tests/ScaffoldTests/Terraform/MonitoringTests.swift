import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// `monitoring:` on a cloud target: the cloud's own alerts, for the environments it deploys.
@Suite("Cloud monitoring")
struct MonitoringTests {
    static func blueprint(_ targets: [Target]) -> Blueprint {
        Blueprint(
            name: "shop", environments: [.development, .staging, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, health: .http("/health"),
                     ingress: .host("api.shop.example.com")),
            ],
            targets: targets)
    }

    @Test("each cloud alerts on CPU, memory and 5xx answers to the target's email; a target without monitoring sets none")
    func alertsPerCloud() throws {
        let alerts = Monitoring.alerts(email: "oncall@shop.example.com", utilizationPercent: 75, serverErrors: 5)
        let files = try QueueTests.files(Self.blueprint([
            .aws(region: "eu-west-1", environments: [.production], monitoring: alerts),
            .aws(region: "eu-west-1", environments: [.staging]),
            .gcp(project: "shop", region: "europe-west1", environments: [.production], monitoring: alerts),
            .azure(location: "westeurope", environments: [.production], monitoring: alerts),
        ]))
        let aws = try #require(files["deploy/terraform/aws/monitoring.tf"])
        for metric in ["CPUUtilization", "MemoryUtilization", "HTTPCode_Target_5XX_Count", "UnHealthyHostCount", "aws_cloudwatch_dashboard"] {
            #expect(aws.contains(metric), "AWS lacks \(metric)")
        }
        #expect(aws.contains(#"protocol  = "email""#))
        let production = try #require(files["deploy/terraform/aws/environments/production.tfvars"])
        #expect(production.contains(#"monitoring = { email = "oncall@shop.example.com", utilization_percent = 75, server_errors = 5 }"#))
        #expect(try #require(files["deploy/terraform/aws/environments/staging.tfvars"]).contains("monitoring = null"))
        let gcp = try #require(files["deploy/terraform/gcp/monitoring.tf"])
        #expect(gcp.contains("run.googleapis.com/request_count") && gcp.contains("cpu/utilizations") && gcp.contains("memory/utilizations"))
        let azure = try #require(files["deploy/terraform/azure/monitoring.tf"])
        #expect(azure.contains("CpuPercentage") && azure.contains("MemoryPercentage") && azure.contains(#"values   = ["5xx"]"#))
    }

    @Test("no monitoring, no monitoring.tf")
    func none() throws {
        let files = try QueueTests.files(Self.blueprint([.aws(region: "eu-west-1", environments: [.production])]))
        #expect(files["deploy/terraform/aws/monitoring.tf"] == nil)
        #expect(!(files["deploy/terraform/aws/variables.tf"] ?? "").contains("variable \"monitoring\""))
    }
}

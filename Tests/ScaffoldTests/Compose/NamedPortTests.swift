import BlueprintDescription
import Foundation
import ScaffoldCore
import Testing

/// Named ports: TCP or UDP, internal, loopback or public per environment, in every family.
@Suite("Named ports")
struct NamedPortTests {
    static func blueprint(targets: [Target] = [.kubernetes(environments: [.production])]) -> Blueprint {
        Blueprint(
            name: "shop", registry: "ghcr.io/acme", environments: [.development, .production],
            services: [
                .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000,
                     ports: [.tcp("grpc", 9000, exposure: .public), .tcp("metrics", 9100, exposure: .internal),
                             .udp("syslog", 5514, hostPort: 1514, per: [.production: .loopback])],
                     health: .http("/health")),
                .app("web", path: "web", runtime: .python(server: .uvicorn("app:app")), port: 8080, dependsOn: ["api"]),
            ],
            targets: targets)
    }

    @Test("compose publishes each named port as its exposure says, UDP with /udp, and nothing internal")
    func compose() throws {
        let files = try QueueTests.files(Self.blueprint())
        let developmentFile = try #require(files["compose.development.yaml"])
        let development = try #require(ProcessTests.block("api", in: developmentFile))
        #expect(development.contains(#"- "9000:9000""#) && development.contains(#"- "127.0.0.1:1514:5514/udp""#), "\(development)")
        #expect(!development.contains("9100"), "internal: never published")
        let productionFile = try #require(files["compose.production.yaml"])
        let production = try #require(ProcessTests.block("api", in: productionFile))
        #expect(production.contains(#"- "9000:9000""#) && production.contains(#"- "127.0.0.1:1514:5514/udp""#), "\(production)")
    }

    @Test("Kubernetes names every port on the container and the Service, with its protocol, and dependents reach them all; the ingress controller only the main one")
    func kubernetes() throws {
        let files = try QueueTests.files(Self.blueprint())
        let service = try #require(files["deploy/kubernetes/base/api/service.yaml"])
        for (name, number, proto) in [("http", 8000, "TCP"), ("grpc", 9000, "TCP"), ("metrics", 9100, "TCP"), ("syslog", 5514, "UDP")] {
            #expect(service.contains("- name: \(name)\n      port: \(number)\n      targetPort: \(name)\n      protocol: \(proto)"), "\(name): \(service)")
        }
        #expect(files["deploy/kubernetes/base/api/kustomization.yaml"]?.components(separatedBy: "service.yaml").count == 2, "one Service file listed once")
        let deployment = try #require(files["deploy/kubernetes/base/api/deployment.yaml"])
        #expect(deployment.contains("containerPort: 5514\n              protocol: UDP"), "\(deployment)")
        let policy = try #require(files["deploy/kubernetes/overlays/production/api/networkpolicy.yaml"])
        #expect(policy.contains("- port: 5514\n          protocol: UDP"), "\(policy)")
        let web = try #require(files["deploy/kubernetes/overlays/production/web/networkpolicy.yaml"])
        #expect(web.contains("- port: 9000\n          protocol: TCP") && web.contains("- port: 5514\n          protocol: UDP"), "egress to every port of the dependency: \(web)")
        let values = try #require(files["deploy/helm/shop/values-production.yaml"])
        #expect(values.contains("extraPorts:"), "\(values)")
    }

    @Test("AWS maps every named port and opens it between tasks; Cloud Run says it serves one port")
    func clouds() throws {
        let aws = try QueueTests.files(Self.blueprint(targets: [.aws(region: "eu-west-1", environments: [.production])]))
        let tfvars = try #require(aws["deploy/terraform/aws/environments/production.tfvars"])
        #expect(tfvars.contains(#"more_ports     = [{ name = "grpc", port = 9000, protocol = "tcp" }, { name = "metrics", port = 9100, protocol = "tcp" }, { name = "syslog", port = 5514, protocol = "udp" }]"#), "\(tfvars)")
        #expect(try #require(aws["deploy/terraform/aws/ecs.tf"]).contains(#"resource "aws_vpc_security_group_ingress_rule" "tasks_more_ports""#))
        let project = try Resolver().resolve(Self.blueprint(targets: [.gcp(project: "shop", region: "europe-west1", environments: [.production])]))
        let notes = Pipeline().notes(for: project).map(\.line)
        #expect(notes.contains { $0.contains("serves one port per service") && $0.contains("grpc 9000/tcp") }, "\(notes)")
        let azure = try Resolver().resolve(Self.blueprint(targets: [.azure(location: "westeurope", environments: [.production])]))
        #expect(Pipeline().notes(for: azure).map(\.line).contains { $0.contains("additional TCP ports can't be set through the azurerm provider yet") && $0.contains("grpc 9000/tcp") })
    }

    @Test("port names and numbers are validated, and a clash of published host ports names both services")
    func validation() throws {
        func message(_ ports: [NamedPort], other: [NamedPort] = []) -> String {
            do {
                _ = try Resolver().resolve(Blueprint(name: "shop", services: [
                    .app("api", path: "api", runtime: .python(server: .uvicorn("app:app")), port: 8000, ports: ports),
                    .app("web", path: "web", runtime: .python(server: .uvicorn("app:app")), port: 8080, ports: other),
                ]))
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message([.tcp("Metrics", 9100)]).contains("is not a port name"))
        #expect(message([.tcp("a-very-long-port-name", 9100)]).contains("is not a port name"))
        #expect(message([.tcp("grpc", 9000), .tcp("grpc", 9001)]).contains("is used twice"))
        #expect(message([.tcp("http", 9000)]).contains("is used twice"))
        #expect(message([.tcp("again", 8000)]).contains("is declared twice"))
        #expect(message([.udp("again", 8000)]).isEmpty, "UDP 8000 next to TCP 8000 is fine")
        #expect(message([.tcp("grpc", 70000)]).contains("outside 1-65535"))
        #expect(message([.tcp("grpc", 9000)], other: [.tcp("grpc", 9000)]).contains("host port 9000"))
        #expect(message([.tcp("grpc", 9000)], other: [.tcp("grpc", 9000, hostPort: 9001)]).isEmpty)
    }
}

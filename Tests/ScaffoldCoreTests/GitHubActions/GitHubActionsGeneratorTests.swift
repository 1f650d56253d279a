import BlueprintDescription
@testable import ScaffoldCore
import Testing

/// Which workflows exist, and the decisions behind them, without rendering.
struct GitHubActionsGeneratorTests {
    static func paths(_ blueprint: Blueprint) throws -> [String] {
        try GitHubActionsGenerator().requests(for: Resolver().resolve(blueprint)).map(\.path).sorted()
    }

    @Test func aProjectWithoutTargetsGetsNoDeployWorkflow() throws {
        let paths = try Self.paths(Blueprint(name: "solo", services: [.app("api", runtime: .go(), port: 8080)]))
        #expect(paths == [".github/workflows/ci.yml", ".github/workflows/images.yml", ".github/workflows/scaffold.yml"])
    }

    @Test func aProjectBuildingNothingGetsOnlyTheDriftGateAndDeploy() throws {
        let paths = try Self.paths(Blueprint(
            name: "prebuilt", environments: [.development, .production],
            services: [.image("web", "nginxinc/nginx-unprivileged:1.27-alpine", port: 8080)],
            targets: [.kubernetes(environments: [.production])]))
        #expect(paths == [".github/workflows/deploy.yml", ".github/workflows/scaffold.yml"])
    }

    @Test func aCustomRuntimeWithoutATestCommandHasNoCIJob() throws {
        let project = try Resolver().resolve(Blueprint(name: "odd", services: [
            .app("tool", runtime: .custom(image: "alpine:3.20", command: ["/tool"])),
            .app("checked", path: "checked", runtime: .custom(image: "alpine:3.20", command: ["/tool"]), test: ["make", "test"]),
        ]))
        #expect(CIWorkflow(project).jobs.map(\.name) == ["checked"])
        #expect(CIWorkflow(project).jobs.first?.testCommand == "make test")
    }

    @Test func registriesLogInTheirOwnWay() {
        #expect(RegistryLogin(registry: "ghcr.io/acme").ghcr)
        #expect(!RegistryLogin(registry: "ghcr.io/acme").needsIDToken)
        #expect(RegistryLogin(registry: "us-west4-docker.pkg.dev/p/r").google)
        let ecr = RegistryLogin(registry: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team")
        #expect(ecr.aws && ecr.awsRegion == "eu-west-1" && ecr.needsIDToken)
        let acr = RegistryLogin(registry: "acmeprod.azurecr.io")
        #expect(acr.azure && acr.azureName == "acmeprod")
        #expect(RegistryLogin(registry: "docker.io/acme").other)
    }

    @Test func shellWordsQuoteOnlyWhatNeedsIt() {
        #expect(ShellWords.join(["go", "test", "./..."]) == "go test ./...")
        #expect(ShellWords.join(["pytest", "-k", "not slow", "it's"]) == "pytest -k 'not slow' 'it'\\''s'")
    }

    @Test func environmentsFromOneBranchDeployInPromotionOrder() throws {
        let project = try Resolver().resolve(Blueprint(
            name: "chain", environments: [.development, .staging, .production, .custom("qa", branch: "qa")],
            services: [.app("api", runtime: .go(), port: 8080)],
            targets: [.kubernetes(environments: [.staging, .production, "qa"])]))
        let deploy = DeployWorkflow(project)
        #expect(deploy.branches == ["main", "qa"])
        #expect(deploy.environments.map(\.after) == [[], ["deploy-staging"], []])
        #expect(deploy.environments.map(\.approval) == [false, true, false])
    }
}

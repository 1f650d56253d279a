import Mustache

/// A Helm chart in `deploy/helm/<project>/` that deploys the same objects as the kustomize
/// overlays: `values.yaml` with documented defaults, `values-<environment>.yaml` per Kubernetes
/// environment, a schema that rejects bad values, and a `helm test` hook.
public struct HelmGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "helm" }

    /// A generator.
    public init() {}

    /// The chart's version and default application version.
    static let chartVersion = "0.1.0"
    /// The image `helm test` runs, pinned by tag.
    static let testImage = "busybox:1.37.0"

    /// The chart; nothing when no target deploys to Kubernetes.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        guard let plan = KubernetesPlan.memoized(project) else { return [] }
        let root = "deploy/helm/\(plan.project)"
        let chart = ChartContext(
            project: plan.project, summary: plan.summary, version: Self.chartVersion, appVersion: Self.chartVersion,
            secretName: plan.secretName, services: services(plan, in: nil), environments: plan.environments,
            testTarget: testTarget(plan))
        let value = try TemplateValue(encoding: chart)
        var requests = [
            RenderRequest(template: "helm/Chart.yaml", path: "\(root)/Chart.yaml", encoded: value),
            RenderRequest(template: "helm/helmignore", path: "\(root)/.helmignore", encoded: value),
            RenderRequest(template: "helm/values.yaml", path: "\(root)/values.yaml", encoded: value),
            RenderRequest(template: "helm/values.schema.json", path: "\(root)/values.schema.json", encoded: value),
            RenderRequest(template: "helm/_helpers.tpl", path: "\(root)/templates/_helpers.tpl", encoded: value),
            RenderRequest(template: "helm/NOTES.txt", path: "\(root)/templates/NOTES.txt", encoded: value),
        ]
        let claims = Self.sharedClaims(plan)
        if !claims.isEmpty {
            requests.append(try RenderRequest(template: "helm/shared-volumes.yaml", path: "\(root)/templates/shared-volumes.yaml", context: SharedClaimsContext(claims: claims)))
        }
        if !chart.testTarget.isEmpty {
            requests.append(RenderRequest(template: "helm/test-connection.yaml", path: "\(root)/templates/tests/test-connection.yaml", encoded: value))
        }
        for environment in plan.environments {
            let context = HelmValuesContext(project: plan.project, environment: environment, services: services(plan, in: environment))
            requests.append(try RenderRequest(template: "helm/values-environment.yaml", path: "\(root)/values-\(environment.name).yaml", context: context))
        }
        for workload in plan.workloads {
            let folder = "\(root)/templates/\(workload.name)"
            var templates = ["serviceaccount", "configmap", "networkpolicy", workload.fileName.replacingOccurrences(of: ".yaml", with: "")]
            if workload.isLongRunning { templates.append("poddisruptionbudget") }
            if !workload.ports.isEmpty { templates.append("service") }
            if workload.isPublic { templates.append("ingress") }
            if workload.canAutoscale { templates.append("horizontalpodautoscaler") }
            templates += workload.configFiles.map(\.template)
            if workload.hasFiles {
                templates.append("files-configmap")
                for file in workload.files {
                    requests.append(try RenderRequest(template: "helm/mounted-file", path: "\(root)/files/\(workload.name)/\(file.key)", context: file))
                }
            }
            let encoded = try TemplateValue(encoding: workload)
            for name in templates {
                requests.append(RenderRequest(template: "helm/\(name).yaml", path: "\(folder)/\(name).yaml", encoded: encoded))
            }
        }
        return requests
    }

    /// Every service's values entry: defaults when `environment` is nil, else what it is there.
    func services(_ plan: KubernetesPlan, in environment: KubernetesEnvironmentPlan?) -> [HelmServiceValues] {
        let instances = Dictionary((environment?.instances ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return plan.workloads.enumerated().map { index, workload in
            let instance = instances[workload.name]
            return HelmServiceValues(
                name: workload.name, enabled: environment == nil || instance != nil, workload: workload,
                instance: instance.map { [$0] } ?? [], declaresIngress: workload.isPublic, declaresImage: workload.isBuilt,
                declaresAutoscaling: workload.canAutoscale, declaresScrapeTargets: workload.isPrometheus,
                declaresRoutes: workload.isProxy, declaresPrometheusURL: workload.isGrafana,
                last: index == plan.workloads.count - 1)
        }
    }

    /// The first app or image service with a port, preferring one with an HTTP readiness endpoint.
    func testTarget(_ plan: KubernetesPlan) -> [HelmTestTarget] {
        let candidates = plan.workloads.filter { !$0.isStateful && !$0.ports.isEmpty && $0.labels.component == "app" }
        let http = candidates.first { $0.probes.first?.readiness.isHTTP == true }
        guard let chosen = http ?? candidates.first, let port = chosen.ports.first else { return [] }
        let path = chosen.probes.first.flatMap { $0.readiness.isHTTP ? $0.readiness.path : nil }
        return [HelmTestTarget(name: chosen.name, port: port.number, httpPath: path.map { [$0] } ?? [], tcpOnly: path == nil,
                               project: plan.project, image: Self.testImage)]
    }

    /// Every shared claim of any environment, once, with every service that mounts it anywhere:
    /// the chart renders a claim when one of them is enabled.
    static func sharedClaims(_ plan: KubernetesPlan) -> [SharedClaimContext] {
        var claims: [SharedClaimContext] = []
        for claim in plan.environments.flatMap(\.sharedClaims) {
            if let index = claims.firstIndex(where: { $0.name == claim.name }) {
                let names = claims[index].services.map(\.value)
                claims[index].services = ListItem.list(names + claim.services.map(\.value).filter { !names.contains($0) })
            } else {
                claims.append(claim)
            }
        }
        return claims
    }
}

/// The chart's shared claims.
struct SharedClaimsContext: Encodable {
    var claims: [SharedClaimContext]
}

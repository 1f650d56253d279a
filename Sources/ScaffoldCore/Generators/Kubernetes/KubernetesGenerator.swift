import Mustache

/// Kustomize manifests for the environments Kubernetes targets deploy: `deploy/kubernetes/base/<service>/`
/// (what is the same everywhere) and `deploy/kubernetes/overlays/<environment>/` (namespace, image
/// tags, replicas, resources, config, network policies, ingress and autoscaling there).
public struct KubernetesGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "kubernetes" }

    /// A generator.
    public init() {}

    /// Where the manifests go.
    static let root = "deploy/kubernetes"

    /// The base of every in-cluster service and one overlay per Kubernetes environment; nothing
    /// when no target deploys to Kubernetes.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        guard let plan = KubernetesPlan.memoized(project) else { return [] }
        var requests: [RenderRequest] = [
            try RenderRequest(template: "kubernetes/README.md", path: "\(Self.root)/README.md", context: plan),
        ]
        for workload in plan.workloads {
            requests += try base(workload)
        }
        for environment in plan.environments {
            requests += try overlay(environment, plan: plan)
        }
        return requests
    }

    /// `base/<service>/`: kustomization, ServiceAccount, Service, Deployment or StatefulSet, PodDisruptionBudget.
    func base(_ workload: WorkloadContext) throws -> [RenderRequest] {
        let folder = "\(Self.root)/base/\(workload.name)"
        let workload = (model: workload, value: try TemplateValue(encoding: workload))
        var requests = [
            RenderRequest(template: "kubernetes/base-kustomization.yaml", path: "\(folder)/kustomization.yaml", encoded: workload.value),
            RenderRequest(template: "kubernetes/serviceaccount.yaml", path: "\(folder)/serviceaccount.yaml", encoded: workload.value),
        ]
        if workload.model.isLongRunning {
            requests.append(RenderRequest(template: "kubernetes/poddisruptionbudget.yaml", path: "\(folder)/poddisruptionbudget.yaml", encoded: workload.value))
        }
        if !workload.model.ports.isEmpty {
            requests.append(RenderRequest(template: "kubernetes/service.yaml", path: "\(folder)/service.yaml", encoded: workload.value))
        }
        if workload.model.hasFiles {
            requests.append(RenderRequest(template: "kubernetes/files-configmap.yaml", path: "\(folder)/files-configmap.yaml", encoded: workload.value))
        }
        let template = "kubernetes/" + workload.model.fileName.replacingOccurrences(of: ".yaml", with: "")
        requests.append(RenderRequest(template: template + ".yaml", path: "\(folder)/\(workload.model.fileName)", encoded: workload.value))
        return requests
    }

    /// `overlays/<environment>/`: kustomization, Namespace and each running service's environment files.
    func overlay(_ environment: KubernetesEnvironmentPlan, plan: KubernetesPlan) throws -> [RenderRequest] {
        let folder = "\(Self.root)/overlays/\(environment.name)"
        let context = OverlayContext(project: plan.project, secretName: plan.secretName, environment: environment,
                                     images: Self.uniqueImages(environment.instances),
                                     hasImages: environment.instances.contains(where: \.isBuilt))
        let overlay = try TemplateValue(encoding: context)
        var requests = [
            RenderRequest(template: "kubernetes/overlay-kustomization.yaml", path: "\(folder)/kustomization.yaml", encoded: overlay),
            RenderRequest(template: "kubernetes/namespace.yaml", path: "\(folder)/namespace.yaml", encoded: overlay),
        ]
        if environment.hasSharedClaims {
            requests.append(RenderRequest(template: "kubernetes/shared-volumes.yaml", path: "\(folder)/shared-volumes.yaml", encoded: overlay))
        }
        for instance in environment.instances {
            let service = "\(folder)/\(instance.name)"
            let value = try TemplateValue(encoding: instance)
            requests += [
                RenderRequest(template: "kubernetes/workload-patch.yaml", path: "\(service)/\(instance.patchFile)", encoded: value),
                RenderRequest(template: "kubernetes/configmap.yaml", path: "\(service)/configmap.yaml", encoded: value),
                RenderRequest(template: "kubernetes/networkpolicy.yaml", path: "\(service)/networkpolicy.yaml", encoded: value),
            ]
            if instance.isPublic {
                requests.append(RenderRequest(template: "kubernetes/ingress.yaml", path: "\(service)/ingress.yaml", encoded: value))
            }
            if instance.isAutoscaled {
                requests.append(RenderRequest(template: "kubernetes/horizontalpodautoscaler.yaml", path: "\(service)/horizontalpodautoscaler.yaml", encoded: value))
            }
            for file in instance.configFiles {
                requests.append(RenderRequest(template: "kubernetes/\(file.template).yaml", path: "\(service)/\(file.template).yaml", encoded: value))
            }
        }
        return requests
    }

    /// The built images of an environment, one entry per repository: processes share their app's.
    static func uniqueImages(_ instances: [WorkloadInstanceContext]) -> [WorkloadInstanceContext] {
        var seen: Set<String> = []
        return instances.filter { $0.isBuilt && seen.insert($0.imageRepository).inserted }
    }
}

import BlueprintDescription

/// A Kubernetes cluster target of one environment, deployed with its kustomize overlay.
struct ClusterTarget: Encodable {
    /// `deploy/kubernetes/overlays/<environment>`.
    var overlay: String
    /// EKS: kubeconfig from `aws eks update-kubeconfig` after OIDC.
    var eks: Bool
    /// GKE: kubeconfig from `gcloud container clusters get-credentials` after OIDC.
    var gke: Bool
    /// AKS: kubeconfig from `az aks get-credentials` (Entra ID through kubelogin) after OIDC.
    var aks: Bool
    /// Any other cluster: a kubeconfig kept in the GitHub environment's `KUBECONFIG` secret.
    var any: Bool
    /// The environment's namespace.
    var namespace: String
    /// The `.job`s in the cluster here: the deploy deletes their previous runs (a Job's pod
    /// template can't change), applies them with everything that doesn't wait for them, waits
    /// for them to complete, then applies their dependents.
    var jobs: [ListItem]
    /// True when `jobs` is not empty.
    var hasJobs: Bool
    /// How long the deploy waits for the jobs, which run side by side: the longest one's
    /// deadline (all its attempts) and a minute for the cluster to report.
    var jobWaitSeconds: Int

    /// The cluster `target` for `environment` of `project`.
    init(_ target: Target, environment: String, project: ResolvedProject) {
        overlay = "deploy/kubernetes/overlays/\(environment)"
        namespace = "\(project.name)-\(environment)"
        let running = project.runningServices(in: environment).filter(\.isJob)
        jobs = ListItem.list(running.map(\.name))
        hasJobs = !running.isEmpty
        jobWaitSeconds = (running.map(\.jobDeadlineSeconds).max() ?? 0) + 60
        let flavour = target.cluster ?? "any"
        eks = flavour == "eks"
        gke = flavour == "gke"
        aks = flavour == "aks"
        any = !(eks || gke || aks)
    }
}

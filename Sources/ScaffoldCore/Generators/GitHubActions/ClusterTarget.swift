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

    /// The cluster `target` for `environment`.
    init(_ target: Target, environment: String) {
        overlay = "deploy/kubernetes/overlays/\(environment)"
        let flavour = target.cluster ?? "any"
        eks = flavour == "eks"
        gke = flavour == "gke"
        aks = flavour == "aks"
        any = !(eks || gke || aks)
    }
}

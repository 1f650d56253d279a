/// How a workflow logs in to an image registry, decided from the registry's host name:
/// GHCR with the job's `GITHUB_TOKEN`; Artifact Registry / GCR, ECR and ACR through the cloud's
/// OIDC federation; any other registry with a `REGISTRY_USERNAME` variable and a
/// `REGISTRY_PASSWORD` secret.
struct RegistryLogin: Encodable {
    /// The registry host, for example `ghcr.io`.
    var host: String
    /// GitHub Container Registry: `GITHUB_TOKEN` with `packages: write` (read when deploying).
    var ghcr: Bool
    /// Google Artifact Registry or Container Registry: workload identity federation.
    var google: Bool
    /// Amazon ECR: an IAM role assumed through OIDC.
    var aws: Bool
    /// The ECR region (empty for other registries).
    var awsRegion: String
    /// Azure Container Registry: a federated credential.
    var azure: Bool
    /// The ACR name, the host's first label (empty for other registries).
    var azureName: String
    /// Any other registry: username and password from the repository's variables and secrets.
    var other: Bool
    /// Whether logging in needs an OIDC token (`id-token: write`).
    var needsIDToken: Bool

    /// The login for images under `registry` (`ghcr.io/acme`, `us-west4-docker.pkg.dev/p/r`, ...).
    init(registry: String) {
        let host = registry.split(separator: "/").first.map { String($0).lowercased() } ?? registry
        self.host = host
        ghcr = host == "ghcr.io"
        google = host.hasSuffix("-docker.pkg.dev") || host == "gcr.io" || host.hasSuffix(".gcr.io")
        let labels = host.split(separator: ".").map(String.init)
        if let ecr = labels.firstIndex(of: "ecr"), host.hasSuffix(".amazonaws.com"), labels.contains("dkr"), ecr + 1 < labels.count {
            aws = true
            awsRegion = labels[ecr + 1]
        } else {
            aws = false
            awsRegion = ""
        }
        azure = host.hasSuffix(".azurecr.io")
        azureName = azure ? labels[0] : ""
        other = !(ghcr || google || aws || azure)
        needsIDToken = google || aws || azure
    }
}

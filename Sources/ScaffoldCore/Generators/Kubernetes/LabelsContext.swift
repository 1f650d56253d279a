/// The standard `app.kubernetes.io/*` labels of one object (the `managed-by` value is spelled by the
/// template: `kustomize` in manifests, the release service in the Helm chart).
public struct LabelsContext: Encodable, Hashable, Sendable {
    /// `app.kubernetes.io/name`: the service name.
    public var name: String
    /// `app.kubernetes.io/instance`: the project name (the Helm release name in the chart).
    public var instance: String
    /// `app.kubernetes.io/component`: `app`, `database`, `cache`, `queue`, `monitoring`, `proxy`.
    public var component: String
    /// `app.kubernetes.io/part-of`: the project name.
    public var partOf: String
}

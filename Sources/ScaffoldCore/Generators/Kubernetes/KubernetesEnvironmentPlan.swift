/// One environment a Kubernetes target deploys: its namespace and the services running there.
public struct KubernetesEnvironmentPlan: Encodable, Hashable, Sendable {
    /// The environment name, also the overlay's folder and the values file's suffix.
    public var name: String
    /// The namespace, `<project>-<environment>`.
    public var namespace: String
    /// The services running in the cluster here, in declaration order.
    public var instances: [WorkloadInstanceContext]
    /// Services present here but provided by the cloud (no manifest; dependents read a Secret key).
    public var managed: [String]
    /// True when `managed` is not empty.
    public var hasManaged: Bool
    /// The ReadWriteMany claims `.shared` volumes need here.
    public var sharedClaims: [SharedClaimContext] = []
    /// True when `sharedClaims` is not empty.
    public var hasSharedClaims: Bool = false
}

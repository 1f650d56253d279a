/// CPU, memory and ephemeral storage requests and limits, as Kubernetes quantities.
public struct ResourcesContext: Encodable, Hashable, Sendable {
    /// Requested CPU, for example `250m`.
    public var cpuRequest: String
    /// Requested memory, for example `256Mi`.
    public var memoryRequest: String
    /// Requested ephemeral storage, for example `1Gi`.
    public var storageRequest: String
    /// CPU limit.
    public var cpuLimit: String
    /// Memory limit.
    public var memoryLimit: String
    /// Ephemeral storage limit.
    public var storageLimit: String
    /// NVIDIA GPUs it reserves (zero or one count; a limit, which Kubernetes also requests).
    public var gpus: [Int] = []
}

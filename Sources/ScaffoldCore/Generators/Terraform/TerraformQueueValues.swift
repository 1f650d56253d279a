/// A queue the cloud provisions in one environment (`.queue(...)` in Blueprint.swift): an SQS
/// queue, a Cloud Tasks queue or an Azure Storage queue, and the services that may use it.
public struct TerraformQueueValues: Encodable, Hashable, Sendable {
    /// The service name, the key in `var.queues`.
    public var name: String
    /// The cloud's name for it, `<project>-<environment>-<name>`.
    public var queueName: String
    /// The services that depend on it here and get the right to use it.
    public var senders: [TerraformListItem]
}

/// A backing service scaffold knows how to run: image, port, health check, data volume and the
/// connection settings it hands to services that depend on it.
public enum Preset: String, Codable, Sendable, CaseIterable {
    case redis, postgres, mysql, mongodb, rabbitmq, prometheus, grafana, nginx, traefik
    /// A task queue each cloud provisions natively (SQS, Cloud Tasks, an Azure Storage queue); it
    /// has no container and exists only in environments a cloud target deploys.
    case queue
}

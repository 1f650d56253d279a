import BlueprintDescription

/// One service block of a compose file (base or overlay). Optional parts are explicit flags so the
/// strict templates never meet a missing name.
struct ComposeServiceContext: Encodable {
    struct KeyValue: Encodable { var key: String; var value: String }
    struct Dependency: Encodable { var name: String; var healthy: Bool }
    struct Health: Encodable {
        var test: [ListItem]
        var interval: String
        var timeout: String
        var retries: Int
        var startPeriod: String
    }
    struct Watch: Encodable { var action: String; var path: String; var target: String?; var hasTarget: Bool }

    var name: String
    /// Whether this block defines the service (base, or an overlay-only service) rather than patching it.
    var full: Bool
    var hasBuild: Bool
    var context: String
    var dockerfile: String
    var target: String
    var hasImage: Bool
    var image: String
    var hasCommand: Bool
    var command: [ListItem]
    var hasHealth: Bool
    var health: Health?
    var environment: [KeyValue]
    var hasEnvironment: Bool
    var dependsOn: [Dependency]
    var hasDependsOn: Bool
    var volumes: [String]
    var hasVolumes: Bool
    var ports: [String]
    var hasPorts: Bool
    var watch: [Watch]
    var hasWatch: Bool
    /// Production hardening.
    var production: Bool
    var restart: Bool
    var replicas: Int
    var cpuLimit: String
    var memoryLimit: String
    var cpuReservation: String
    var memoryReservation: String
    var readOnly: Bool
    var tmpfs: [String]
    var hasTmpfs: Bool
    var capAdd: [String]
    var hasCapAdd: Bool
    var hasResources: Bool
}

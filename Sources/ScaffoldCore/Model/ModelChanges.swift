import BlueprintDescription

/// What a blueprint edit changes, in plain words per environment: services added or removed,
/// replicas, images, ports, resources and variables. Pure: compares two resolved models.
public struct ModelChanges: Encodable, Sendable {
    /// Changes in one environment.
    public struct EnvironmentChanges: Encodable, Sendable {
        /// The environment.
        public var name: String
        /// One sentence per change.
        public var lines: [String]
    }

    /// Per environment that changed, in environment order.
    public var environments: [EnvironmentChanges]

    /// Compares `old` (nil for a first render) with `new`.
    public static func compare(_ old: ResolvedProject?, _ new: ResolvedProject) -> ModelChanges {
        var result: [EnvironmentChanges] = []
        let names = new.environments.map(\.name) + (old?.environments.map(\.name).filter { name in !new.environments.contains { $0.name == name } } ?? [])
        for environment in names {
            var lines: [String] = []
            if old != nil && old?.environment(named: environment) == nil { lines.append("environment \(environment) is new") }
            if new.environment(named: environment) == nil { lines.append("environment \(environment) is removed") }
            let serviceNames = new.services.map(\.name) + (old?.services.map(\.name).filter { name in new.service(named: name) == nil } ?? [])
            for name in serviceNames {
                let before = old?.service(named: name)
                let after = new.service(named: name)
                let a = before?.instance(in: environment)
                let b = after?.instance(in: environment)
                switch (a, b) {
                case (nil, nil): continue
                case (nil, .some): if old != nil { lines.append("\(name) is added") }
                case (.some, nil): lines.append("\(name) is removed")
                case let (.some(a), .some(b)):
                    if a.replicas != b.replicas { lines.append("\(name) replicas \(a.replicas) → \(b.replicas)") }
                    if a.autoscale != b.autoscale { lines.append("\(name) autoscaling \(describe(a.autoscale)) → \(describe(b.autoscale))") }
                    if a.managed != b.managed { lines.append("\(name) is \(b.managed ? "now cloud-managed" : "no longer cloud-managed")") }
                    if a.resources != b.resources { lines.append("\(name) resources \(describe(a.resources)) → \(describe(b.resources))") }
                    let varsA = Dictionary(a.variables.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
                    let varsB = Dictionary(b.variables.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
                    for key in Set(varsA.keys).union(varsB.keys).sorted() {
                        switch (varsA[key], varsB[key]) {
                        case (nil, .some): lines.append("\(name) gains variable \(key)")
                        case (.some, nil): lines.append("\(name) loses variable \(key)")
                        case let (.some(x), .some(y)) where x != y: lines.append("\(name) changes variable \(key)")
                        default: break
                        }
                    }
                    if let before, let after {
                        if before.imageReference() != after.imageReference() { lines.append("\(name) image \(before.imageReference()) → \(after.imageReference())") }
                        if before.port != after.port { lines.append("\(name) port \(before.port.map(String.init) ?? "none") → \(after.port.map(String.init) ?? "none")") }
                        if before.hostPort != after.hostPort { lines.append("\(name) host port \(before.hostPort.map(String.init) ?? "none") → \(after.hostPort.map(String.init) ?? "none")") }
                    }
                }
            }
            if !lines.isEmpty { result.append(EnvironmentChanges(name: environment, lines: lines)) }
        }
        return ModelChanges(environments: result)
    }

    static func describe(_ scale: Autoscale?) -> String {
        scale.map { "\($0.min)-\($0.max) at \($0.cpuPercent)% CPU" } ?? "off"
    }

    static func describe(_ resources: Resources) -> String {
        "\(resources.cpuMillis)m/\(resources.memoryMiB)Mi (limits \(resources.cpuLimitMillis)m/\(resources.memoryLimitMiB)Mi)"
    }
}

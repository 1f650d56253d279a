/// CPU and memory for one replica: what it reserves and the most it may use.
///
/// ```swift
/// resources: Resources(cpu: 0.25, memory: "512Mi", cpuLimit: 1, memoryLimit: "2Gi")
/// ```
public struct Resources: Codable, Hashable, Sendable {
    /// Reserved CPU in millicores (1000 = one core).
    public var cpuMillis: Int
    /// Reserved memory in MiB.
    public var memoryMiB: Int
    /// CPU limit in millicores.
    public var cpuLimitMillis: Int
    /// Memory limit in MiB.
    public var memoryLimitMiB: Int
    /// Scratch disk per replica in MiB (Kubernetes ephemeral storage).
    public var ephemeralStorageMiB: Int

    /// Resources with cores as decimals and memory as `Memory` (`"512Mi"`, `"2Gi"`, `.mib(512)`).
    /// Limits default to twice the request for CPU and to the request for memory.
    public init(cpu: Double = 0.25, memory: Memory = "256Mi", cpuLimit: Double? = nil, memoryLimit: Memory? = nil, ephemeralStorage: Memory = "1Gi") {
        self.cpuMillis = Int((cpu * 1000).rounded())
        self.memoryMiB = memory.mebibytes
        self.cpuLimitMillis = Int(((cpuLimit ?? cpu * 2) * 1000).rounded())
        self.memoryLimitMiB = (memoryLimit ?? memory).mebibytes
        self.ephemeralStorageMiB = ephemeralStorage.mebibytes
    }

    /// A quarter core and 256 MiB reserved, half a core and 256 MiB at most.
    public static let `default` = Resources()
}

/// An amount of memory, written as a Kubernetes-style quantity: `"512Mi"`, `"2Gi"`, `"512M"`, `"2G"`.
public struct Memory: Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The amount in MiB; `-1` marks a literal that could not be read (reported by `scaffold`).
    public var mebibytes: Int
    /// The literal as written, kept for error messages.
    public var literal: String

    /// Reads `"512Mi"`, `"2Gi"`, `"512M"` or `"2G"` (M and G are treated as Mi and Gi, as compose does).
    public init(stringLiteral value: String) {
        literal = value
        let units: [(String, Int)] = [("Gi", 1024), ("Mi", 1), ("G", 1024), ("M", 1)]
        for (suffix, factor) in units where value.hasSuffix(suffix) {
            if let number = Int(value.dropLast(suffix.count)), number > 0 {
                mebibytes = number * factor
                return
            }
        }
        mebibytes = -1
    }

    /// `n` MiB.
    public static func mib(_ n: Int) -> Memory { Memory(stringLiteral: "\(n)Mi") }
    /// `n` GiB.
    public static func gib(_ n: Int) -> Memory { Memory(stringLiteral: "\(n)Gi") }
}

/// Horizontal scaling on CPU utilisation.
public struct Autoscale: Codable, Hashable, Sendable {
    /// The fewest replicas.
    public var min: Int
    /// The most replicas.
    public var max: Int
    /// Target average CPU utilisation in percent.
    public var cpuPercent: Int

    /// Scales between `min` and `max` replicas to keep average CPU near `cpu` percent.
    public static func cpu(min: Int, max: Int, target: Int = 70) -> Autoscale {
        Autoscale(min: min, max: max, cpuPercent: target)
    }
}

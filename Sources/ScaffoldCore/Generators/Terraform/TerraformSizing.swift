import BlueprintDescription

/// Maps a blueprint's `Resources` to the sizes each serverless platform accepts.
///
/// CPU comes from the request (CPU beyond it is throttled, never fatal) and memory from the
/// limit (a container above it is killed), each rounded up to the next size the platform offers.
public enum TerraformSizing {
    /// A Fargate task size: CPU units (1024 = one vCPU) and memory in MiB.
    public struct Fargate: Hashable, Sendable {
        /// CPU units.
        public var cpu: Int
        /// Memory in MiB.
        public var memory: Int
    }

    /// The smallest valid Fargate CPU/memory combination that covers `resources`.
    public static func fargate(_ resources: Resources) -> Fargate {
        let cpuUnits = (resources.cpuMillis * 1024 + 999) / 1000
        let memory = resources.memoryLimitMiB
        // (cpu, memory choices) from the Fargate task size table.
        let table: [(Int, [Int])] = [
            (256, [512, 1024, 2048]),
            (512, Array(stride(from: 1024, through: 4096, by: 1024))),
            (1024, Array(stride(from: 2048, through: 8192, by: 1024))),
            (2048, Array(stride(from: 4096, through: 16384, by: 1024))),
            (4096, Array(stride(from: 8192, through: 30720, by: 1024))),
            (8192, Array(stride(from: 16384, through: 61440, by: 4096))),
            (16384, Array(stride(from: 32768, through: 122_880, by: 8192))),
        ]
        for (cpu, memories) in table where cpu >= cpuUnits {
            if let fit = memories.first(where: { $0 >= memory }) { return Fargate(cpu: cpu, memory: fit) }
        }
        return Fargate(cpu: 16384, memory: 122_880)
    }

    /// A Cloud Run size: CPU as `"1"`, `"2"`, `"4"` or `"8"` and memory in MiB, at least what
    /// that CPU count requires (4 CPUs need 2 GiB, 8 CPUs 4 GiB) and at most what it allows
    /// (4 GiB per CPU, 32 GiB in all): more memory takes more CPUs.
    public static func cloudRun(_ resources: Resources) -> (cpu: String, memoryMiB: Int) {
        let byCPU = [1, 2, 4, 8].first { $0 * 1000 >= resources.cpuMillis } ?? 8
        let byMemory = [1, 2, 4, 8].first { $0 * 4096 >= resources.memoryLimitMiB } ?? 8
        let cpu = max(byCPU, byMemory)
        let floor = cpu >= 8 ? 4096 : cpu >= 4 ? 2048 : 512
        let memory = min(max(resources.memoryLimitMiB, floor), 32768)
        return (String(cpu), ((memory + 127) / 128) * 128)
    }

    /// An Azure Container Apps size: CPU in quarter cores and memory at 2 GiB per core, the
    /// only combinations the platform accepts; written `("0.5", "1Gi")`.
    public static func containerApps(_ resources: Resources) -> (cpu: String, memory: String) {
        let quarters = containerAppsQuarters(resources)
        return (decimal(quarters, per: 4), decimal(quarters, per: 2) + "Gi")
    }

    /// The Container Apps size in quarter cores (each with 512 MiB), from 1 to 16.
    static func containerAppsQuarters(_ resources: Resources) -> Int {
        let byCPU = (resources.cpuMillis + 249) / 250
        let byMemory = (resources.memoryLimitMiB + 511) / 512
        return min(max(byCPU, byMemory, 1), 16)
    }

    /// `n / denominator` as a short decimal: `decimal(3, per: 4)` is `"0.75"`.
    static func decimal(_ n: Int, per denominator: Int) -> String {
        let whole = n / denominator
        let remainder = n % denominator
        guard remainder != 0 else { return String(whole) }
        let fraction = remainder * 100 / denominator
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
        return "\(whole).\(digits)"
    }
}

/// How a service's process is started and limited, beyond its command: the entrypoint, the user it
/// runs as, shared memory, open files, the restart policy and GPUs.
///
/// ```swift
/// processSettings: ProcessSettings(shmSize: "1Gi", openFiles: 65536, gpus: 1)
/// ```
public struct ProcessSettings: Codable, Hashable, Sendable {
    /// When a production-mode container exits.
    public enum Restart: String, Codable, Sendable {
        /// Always restarted (compose `always`).
        case always
        /// Restarted only when it exits with an error (compose `on-failure`).
        case onFailure
        /// Never restarted (compose `"no"`).
        case never
    }

    /// Replaces the image's entrypoint (`command:` then gives its arguments); `nil` keeps it.
    public var entrypoint: [String]?
    /// The numeric user (and group) it runs as; `nil` is the image's own (10001 for images
    /// scaffold builds).
    public var user: Int?
    /// The size of `/dev/shm` (browsers, PyTorch data loaders and PostgreSQL want more than
    /// Docker's 64 MiB).
    public var shmSize: Memory?
    /// The open-files limit (`ulimit -n`), soft and hard.
    public var openFiles: Int?
    /// The restart policy in production-mode environments; `nil` is `unless-stopped` for a
    /// service (a job or a cron task is never restarted). Development never restarts.
    public var restart: Restart?
    /// NVIDIA GPUs it reserves.
    public var gpus: Int?

    /// Settings; every one left `nil` keeps the default.
    public init(entrypoint: [String]? = nil, user: Int? = nil, shmSize: Memory? = nil, openFiles: Int? = nil, restart: Restart? = nil, gpus: Int? = nil) {
        self.entrypoint = entrypoint
        self.user = user
        self.shmSize = shmSize
        self.openFiles = openFiles
        self.restart = restart
        self.gpus = gpus
    }
}

/// Node.js set-up for a CI job.
struct NodeTools: Encodable {
    /// The Node.js major.
    var version: String
    /// npm (package-lock.json).
    var npm: Bool
    /// pnpm through corepack (pnpm-lock.yaml).
    var pnpm: Bool
    /// Yarn through corepack (yarn.lock).
    var yarn: Bool
    /// The lock file whose hash keys the dependency cache.
    var lockFile: String
}

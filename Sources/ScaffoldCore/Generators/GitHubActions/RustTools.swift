/// Rust set-up for a CI job.
struct RustTools: Encodable {
    /// The toolchain version rustup installs.
    var version: String
    /// Cargo.lock, which keys the cache.
    var lockFile: String
    /// The target folder cached between runs.
    var target: String
}

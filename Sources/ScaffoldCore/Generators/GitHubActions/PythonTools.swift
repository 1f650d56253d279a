/// Python set-up for a CI job.
struct PythonTools: Encodable {
    /// The CPython version.
    var version: String
    /// Dependencies from requirements.txt.
    var pip: Bool
    /// Dependencies from poetry.lock.
    var poetry: Bool
    /// Dependencies from uv.lock.
    var uv: Bool
    /// The Poetry or uv version, pinned as in the Dockerfile.
    var toolVersion: String
    /// The file (or glob) whose hash keys the dependency cache.
    var lockFile: String
}

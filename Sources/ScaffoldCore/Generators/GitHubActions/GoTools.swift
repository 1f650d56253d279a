/// Go set-up for a CI job.
struct GoTools: Encodable {
    /// The Go version.
    var version: String
    /// go.sum, which keys the module cache.
    var sumFile: String
}

/// Swift set-up for a CI job: the job runs in the toolchain image.
struct SwiftTools: Encodable {
    /// The container image, for example `swift:6.0-noble`.
    var image: String
    /// Package.resolved, which keys the build cache.
    var resolvedFile: String
    /// The .build folder cached between runs.
    var buildFolder: String
}

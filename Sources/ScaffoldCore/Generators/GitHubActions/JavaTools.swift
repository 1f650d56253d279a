/// Java set-up for a CI job.
struct JavaTools: Encodable {
    /// The JDK feature release.
    var version: String
    /// Built with Maven.
    var maven: Bool
    /// Built with Gradle.
    var gradle: Bool
    /// The build-file globs whose hash keys the dependency cache.
    var buildFiles: [String]
}

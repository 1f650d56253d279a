/// Java set-up for a CI job.
struct JavaTools: Encodable {
    /// The JDK feature release.
    var version: String
    /// Built with Maven.
    var maven: Bool
    /// Built with Gradle.
    var gradle: Bool
    /// The build files whose hash keys the dependency cache (one glob a line).
    var buildFiles: String
}

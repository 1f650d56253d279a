/// Workflow job and step identifiers derived from blueprint names. Service and environment names
/// are DNS-1123 labels (lowercase letters, digits, `-`), which may start with a digit; a job id
/// must start with a letter, so every id carries a word prefix.
enum JobID {
    /// `test-<service>` in ci.yml.
    static func test(_ service: String) -> String { "test-\(service)" }
    /// `deploy-<environment>` in deploy.yml.
    static func deploy(_ environment: String) -> String { "deploy-\(environment)" }
    /// The `changes` job output that says whether a service's files changed.
    static func changed(_ service: String) -> String { "changed-\(service)" }
}

/// A project file mounted read-only into a workload: one key of its `<service>-files` ConfigMap.
public struct FileMountContext: Encodable, Hashable, Sendable {
    /// The ConfigMap key: the file's name.
    public var key: String
    /// Where it is mounted in the container.
    public var path: String
    /// Its project-relative path.
    public var source: String
    /// What it holds.
    public var contents: String
    /// The ConfigMap's name.
    public var configMap: String
}

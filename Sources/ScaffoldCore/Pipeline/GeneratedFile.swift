/// One rendered file, in memory: its project-relative path, its bytes and whether it is executable.
public struct GeneratedFile: Hashable, Sendable {
    /// The path relative to the project root, with `/` separators.
    public var path: String
    /// The file's text (always UTF-8 on disk).
    public var contents: String
    /// Whether it is written with the executable bit (scripts).
    public var executable: Bool

    /// A file.
    public init(path: String, contents: String, executable: Bool = false) {
        self.path = path
        self.contents = contents
        self.executable = executable
    }
}

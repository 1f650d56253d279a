/// One rendered file, in memory: its project-relative path, its bytes and whether it is executable.
public struct GeneratedFile: Hashable, Sendable {
    /// The path relative to the project root, with `/` separators.
    public var path: String
    /// The file's text (always UTF-8 on disk).
    public var contents: String
    /// Whether it is written with the executable bit (scripts).
    public var executable: Bool
    /// Set for starter sources: files that belong to the user from the moment they are written.
    public var starter: StarterMark?

    /// A file.
    public init(path: String, contents: String, executable: Bool = false, starter: StarterMark? = nil) {
        self.path = path
        self.contents = contents
        self.executable = executable
        self.starter = starter
    }
}

/// Marks a starter source: part of the minimal app scaffold writes, once, for a build context that
/// has no sources yet. The writer writes a starter file only when the context has no `manifest`
/// yet (or, file by file, when the file is absent), records it in the ledger as a starter, and
/// never regenerates, refuses or deletes it afterwards.
public struct StarterMark: Hashable, Sendable {
    /// The build context the starter fills, relative to the project root (`.` for the root).
    public var context: String
    /// The project-relative path of the file that says a context already has sources
    /// (`api/pyproject.toml`, `web/package.json`).
    public var manifest: String

    /// A mark.
    public init(context: String, manifest: String) {
        self.context = context
        self.manifest = manifest
    }
}

/// A project file services mount read-only (`Volume.file`), with its contents.
public struct ConfigFile: Hashable, Sendable, Codable {
    /// The project-relative path.
    public var path: String
    /// What it holds; nil when it doesn't exist yet (a starter writes it empty).
    public var contents: String?

    /// A file at `path` holding `contents`.
    public init(path: String, contents: String?) {
        self.path = path
        self.contents = contents
    }

    enum CodingKeys: String, CodingKey { case path, sha256 }

    /// The recorded model names each file with the digest of its contents, not the contents:
    /// an edit shows as a model change without copying the file into `resolved.json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(SHA256.hex(contents ?? ""), forKey: .sha256)
    }

    /// Decodes the path; the contents are not recorded.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        contents = nil
    }
}

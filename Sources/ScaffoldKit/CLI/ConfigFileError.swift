import Foundation

/// A project file a service mounts (`Volume.file`) that scaffold can't carry.
public enum ConfigFileError: Error, CustomStringConvertible {
    /// The path is a folder, a device or a symlink leaving the project.
    case notAFile(String)
    /// It is not UTF-8 text.
    case notText(String)
    /// It is larger than a ConfigMap holds.
    case tooLarge(String, bytes: Int)

    /// The largest file a ConfigMap holds, with room for its metadata.
    public static let maximumBytes = 1_000_000

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case let .notAFile(path):
            return "error: \(path) is mounted with .file(...) but is not a regular file inside the project: name a file, or mount a folder with .bind(...) in development"
        case let .notText(path):
            return "error: \(path) is mounted with .file(...) but is not UTF-8 text, which a ConfigMap's data holds: convert it, or build it into the image"
        case let .tooLarge(path, bytes):
            return "error: \(path) is \(bytes) bytes, more than the \(Self.maximumBytes) a Kubernetes ConfigMap holds: build it into the image instead of mounting it"
        }
    }

    /// The contents of the project file `path` under `root`, nil when it doesn't exist.
    static func read(_ path: String, root: URL) throws -> String? {
        let url = root.appendingPathComponent(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        let resolved = url.resolvingSymlinksInPath().path
        let base = root.resolvingSymlinksInPath().path
        guard !isFolder.boolValue, resolved.hasPrefix(base + "/") else { throw notAFile(path) }
        let data = try Data(contentsOf: url)
        guard data.count <= maximumBytes else { throw tooLarge(path, bytes: data.count) }
        guard let text = String(data: data, encoding: .utf8) else { throw notText(path) }
        return text
    }
}

import Foundation

/// A project folder: its root, Blueprint.swift, overrides and cache.
struct ProjectLocation {
    var root: URL

    init(_ path: String?) {
        let cwd = FileManager.default.currentDirectoryPath
        let given = path ?? cwd
        root = URL(fileURLWithPath: given, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL
    }

    var blueprint: URL { root.appendingPathComponent("Blueprint.swift") }
    var overrides: URL { root.appendingPathComponent(".scaffold/templates") }
    var cache: URL { root.appendingPathComponent(".scaffold/cache") }

    /// The blueprint as messages name it: relative to the working directory when inside it.
    var displayBlueprint: String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = blueprint.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// Throws when the folder has no Blueprint.swift: checked before a command takes the
    /// project's lock, so a command run in the wrong folder leaves nothing behind there.
    func requireBlueprint() throws {
        guard FileManager.default.fileExists(atPath: blueprint.path) else { throw LoaderError.missingBlueprint(displayBlueprint) }
    }

    func session(_ installation: Installation) -> ProjectSession {
        ProjectSession(installation: installation, blueprint: blueprint, displayPath: displayBlueprint, overrides: overrides, cacheDirectory: cache)
    }
}

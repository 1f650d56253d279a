import Foundation
import Mustache
import ScaffoldCore

/// Reads template files from disk: the built-in `Templates/` folder and a project's
/// `.scaffold/templates/` overrides. Each `X.mustache` file becomes the template named `X`.
public enum TemplateLoader {
    /// The templates under `folder`, named by their relative path without `.mustache`;
    /// `displayRoot` prefixes the paths shown in errors (`Templates/...`).
    public static func sources(in folder: URL, displayRoot: String, refusingLinks: Bool = false) throws -> [TemplateSource] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        guard let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var sources: [TemplateSource] = []
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let shownPath = displayRoot + "/" + String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            if refusingLinks, (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink == true {
                throw TemplateLoadError.symlinkedOverride(shownPath)
            }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(base + "/") else {
                if refusingLinks { throw TemplateLoadError.symlinkedOverride(shownPath) }
                continue
            }
            let relative = String(full.dropFirst(base.count + 1))
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateLoadError.unreadable(displayRoot + "/" + relative)
            }
            sources.append(TemplateSource(name: String(relative.dropLast(".mustache".count)), path: displayRoot + "/" + relative, text: text))
        }
        return sources.sorted { $0.name < $1.name }
    }

    /// A digest of every file under `folder` (names and bytes), for keying rendered output by the
    /// templates without parsing them: "none" when there is no folder, nil when `refusingLinks`
    /// and some entry is a link (loading would refuse it, so nothing may be answered from a cache).
    public static func digest(of folder: URL, refusingLinks: Bool = false, remembering memo: URL? = nil) -> String? {
        let fm = FileManager.default
        guard FileStat.isFolder(folder.path) || fm.fileExists(atPath: folder.path) else { return "none" }
        guard let enumerator = fm.enumerator(atPath: folder.path) else { return nil }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String { paths.append(path) }
        var files: [(path: String, stat: FileStat)] = []
        for path in paths.sorted() {
            let full = folder.path + "/" + path
            guard let entry = FileStat.of(full) else { return nil }
            if refusingLinks && entry.isSymbolicLink { return nil }
            if FileStat.isFolder(full) { continue }
            files.append((path, entry))
        }
        // The files' `lstat` fields, as the regen index keeps them: while they are what they
        // were when the digest was remembered, and weren't changing then, the bytes are too.
        let signature = SHA256.hex(files.map { "\($0.path)\u{0}\($0.stat.size) \($0.stat.modified) \($0.stat.changed) \($0.stat.inode) \($0.stat.mode)" }
            .joined(separator: "\n"))
        let memoFile = memo?.appendingPathComponent("templates-\(SHA256.hex(folder.standardizedFileURL.path).prefix(32)).json")
        if let memoFile, let data = fm.contents(atPath: memoFile.path),
           let remembered = try? JSONDecoder().decode(RememberedDigest.self, from: data),
           remembered.signature == signature, !files.contains(where: { RegenIndex.isRacy($0.stat, recorded: remembered.recorded) }) {
            return remembered.digest
        }
        var hashed = Data()
        for file in files {
            guard let bytes = fm.contents(atPath: folder.path + "/" + file.path) else { return nil }
            hashed.append(contentsOf: "\(file.path)\u{0}\(bytes.count)\u{0}".utf8)
            hashed.append(bytes)
        }
        let digest = SHA256.hex(hashed)
        if let memo, let memoFile, let encoded = try? JSONEncoder().encode(RememberedDigest(signature: signature, digest: digest, recorded: FileStat.now())) {
            // A cache: losing it only costs the hashing again.
            try? fm.createDirectory(at: memo, withIntermediateDirectories: true)
            try? FileIO.publishCache(encoded, as: memoFile)
        }
        return digest
    }

    /// A template folder's digest with the `lstat` signature of its files when it was computed.
    struct RememberedDigest: Codable {
        var signature: String
        var digest: String
        /// When it was computed, nanoseconds since 1970.
        var recorded: Int64
    }

    /// The parsed set: built-ins from the installation, overrides from `overrides` if it exists.
    /// An override must replace a built-in template, except new partials (names starting with
    /// `_`) that overrides include: a misnamed override would otherwise be ignored in silence.
    public static func templateSet(installation: Installation, overrides: URL?) throws -> TemplateSet {
        let builtIn = try sources(in: installation.templates, displayRoot: "Templates")
        let custom = try overrides.map { try sources(in: $0, displayRoot: ".scaffold/templates", refusingLinks: true) } ?? []
        let names = builtIn.map(\.name)
        let known = Set(names)
        for source in custom where !known.contains(source.name) && !(source.name.split(separator: "/").last ?? "").hasPrefix("_") {
            throw TemplateLoadError.unknownOverride(source.path, suggestion: TemplateSet.suggestion(
                for: source.name, among: names, otherwise: "; `scaffold` has no template of that name (new partials must start with `_`)"))
        }
        return try TemplateSet(builtIn: builtIn, overrides: custom)
    }
}

/// A template file can't be read.
public enum TemplateLoadError: Error, CustomStringConvertible {
    case unreadable(String)
    case unknownOverride(String, suggestion: String)
    case symlinkedOverride(String)

    public var description: String {
        switch self {
        case let .unreadable(path): return "\(path): cannot read this template as UTF-8 text: fix or remove it"
        case let .unknownOverride(path, suggestion):
            return "\(path) overrides no built-in template, so it would be ignored\(suggestion); rename or remove it"
        case let .symlinkedOverride(path):
            return "\(path) is a symbolic link; overrides must be regular files inside the project (a link could pull in a file from anywhere): copy the template there instead"
        }
    }
}

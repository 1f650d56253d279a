import Foundation
import Mustache

/// Reads template files from disk: the built-in `Templates/` folder and a project's
/// `.scaffold/templates/` overrides. Each `X.mustache` file becomes the template named `X`.
public enum TemplateLoader {
    /// The templates under `folder`, named by their relative path without `.mustache`;
    /// `displayRoot` prefixes the paths shown in errors (`Templates/...`).
    public static func sources(in folder: URL, displayRoot: String) throws -> [TemplateSource] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        guard let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var sources: [TemplateSource] = []
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(base + "/") else { continue }
            let relative = String(full.dropFirst(base.count + 1))
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateLoadError.unreadable(displayRoot + "/" + relative)
            }
            sources.append(TemplateSource(name: String(relative.dropLast(".mustache".count)), path: displayRoot + "/" + relative, text: text))
        }
        return sources.sorted { $0.name < $1.name }
    }

    /// The parsed set: built-ins from the installation, overrides from `overrides` if it exists.
    public static func templateSet(installation: Installation, overrides: URL?) throws -> TemplateSet {
        let builtIn = try sources(in: installation.templates, displayRoot: "Templates")
        let custom = try overrides.map { try sources(in: $0, displayRoot: ".scaffold/templates") } ?? []
        return try TemplateSet(builtIn: builtIn, overrides: custom)
    }
}

/// A template file can't be read.
public enum TemplateLoadError: Error, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case let .unreadable(path): return "\(path): cannot read this template as UTF-8 text: fix or remove it"
        }
    }
}

import BlueprintDescription
import Foundation
import Mustache
import ScaffoldCore

/// One run of the load → resolve → render stages for a blueprint file.
public struct ProjectSession {
    /// scaffold's installation.
    public var installation: Installation
    /// The blueprint file.
    public var blueprint: URL
    /// How errors name the blueprint.
    public var displayPath: String
    /// The template override folder, if any.
    public var overrides: URL?
    /// The loader cache.
    public var cacheDirectory: URL

    /// A session.
    public init(installation: Installation, blueprint: URL, displayPath: String, overrides: URL?, cacheDirectory: URL) {
        self.installation = installation
        self.blueprint = blueprint
        self.displayPath = displayPath
        self.overrides = overrides
        self.cacheDirectory = cacheDirectory
    }

    /// Loads and resolves the blueprint.
    public func resolve() throws -> (project: ResolvedProject, cached: Bool) {
        let loader = BlueprintLoader(installation: installation, cacheDirectory: cacheDirectory)
        let loaded = try loader.load(blueprint, displayPath: displayPath)
        do {
            // The files services mount are read here, where disk is allowed; the core only renders them.
            let root = blueprint.deletingLastPathComponent()
            let project = try Resolver(file: displayPath).resolve(loaded.blueprint)
                .withConfigFileContents { try ConfigFileError.read($0, root: root) }
            return (project, loaded.cached)
        } catch let failure as ValidationFailure {
            // Point each error at its value's own line where Blueprint.swift has one.
            guard let source = try? String(contentsOf: blueprint, encoding: .utf8) else { throw failure }
            let declarations = loaded.blueprint.services.map(\.location.line) + loaded.blueprint.targets.map(\.location.line)
            throw failure.pointingAtValues(source: source, declarationLines: declarations)
        }
    }

    /// What a render produced: the model, the files and the parsed templates (reusable, e.g. for summaries).
    public struct Rendering {
        /// The resolved model.
        public var project: ResolvedProject
        /// Every generated file, sorted by path.
        public var files: [GeneratedFile]
        /// The templates the files were rendered with.
        public var templates: TemplateSet
        /// Settings the targets can't express exactly; printed as warnings.
        public var notes: [FidelityNote]
    }

    /// Loads, resolves and renders every file in memory.
    public func render() throws -> Rendering {
        let (project, _) = try resolve()
        let templates = try TemplateLoader.templateSet(installation: installation, overrides: overrides)
        let (files, notes) = try Pipeline().renderWithNotes(project, templates: templates)
        return Rendering(project: project, files: files, templates: templates, notes: notes)
    }

    /// A digest of everything a render's output depends on, computed without loading or
    /// rendering: the blueprint's cached JSON document, the built-in templates and overrides (each
    /// folder's digest remembered by its files' `lstat` fields, like the regen index), and
    /// scaffold itself (its version and binary). Nil when the blueprint's compile isn't cached or
    /// the templates can't be read as loading would, so the caller renders.
    public func renderKey() -> String? {
        let loader = BlueprintLoader(installation: installation, cacheDirectory: cacheDirectory)
        guard let document = loader.cachedDocument(blueprint),
              let builtIn = TemplateLoader.digest(of: installation.templates, remembering: Self.userCache().appendingPathComponent("template-digests")),
              let custom = overrides.map({ TemplateLoader.digest(of: $0, refusingLinks: true, remembering: cacheDirectory.appendingPathComponent("template-digests")) }) ?? "none",
              let binary = FileStat.of(installation.executable.resolvingSymlinksInPath().path) else { return nil }
        return SHA256.hex("""
        scaffold render key 2
        \(ScaffoldVersion.current)
        \(binary.size) \(binary.modified) \(binary.inode)
        \(loader.moduleFingerprint)
        \(SHA256.hex(document))
        \(builtIn)
        \(custom)
        \(mountedFilesDigest(document))
        """)
    }

    /// The project files the blueprint mounts (`Volume.file`) are inputs of the render too (the
    /// ConfigMaps carry them): a digest of each one's bytes, or of its absence.
    func mountedFilesDigest(_ document: Data) -> String {
        // Only the volumes are read; a blueprint without file mounts costs one scan of the bytes.
        guard document.range(of: Data("\"file\"".utf8)) != nil else { return "no files" }
        struct Mount: Decodable { var kind: String; var source: String }
        struct Mounting: Decodable { var volumes: [Mount] }
        struct Declared: Decodable { var services: [Mounting] }
        struct Document: Decodable { var blueprint: Declared? }
        guard let declared = try? JSONDecoder().decode(Document.self, from: document) else { return "unreadable" }
        let root = blueprint.deletingLastPathComponent()
        let paths = Set((declared.blueprint?.services ?? []).flatMap(\.volumes).filter { $0.kind == "file" }.map(\.source)).sorted()
        return paths.map { path in
            let bytes = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
            return "\(path) \(bytes.map { SHA256.hex($0) } ?? "absent")"
        }.joined(separator: "\n")
    }

    /// The user cache folder for renders outside a project: `$XDG_CACHE_HOME/scaffold` or `~/.cache/scaffold`.
    public static func userCache(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("scaffold") }
        let home = environment["HOME"] ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/scaffold")
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `scaffold init` created in a project folder, so that a refusal or a failure can take it
/// back and leave the folder exactly as it was (no Blueprint.swift, no empty `.scaffold/`).
struct InitUndo {
    /// The project.
    var location: ProjectLocation
    /// Whether init created the project folder itself.
    var createdRoot: Bool
    /// Whether init created `.scaffold/` (its lock, cache and copied overrides).
    var createdScaffold: Bool
    /// Whether init wrote Blueprint.swift.
    var wroteBlueprint = false
    /// Template overrides init copied from the preset.
    var copiedOverrides: [URL] = []

    /// Records what exists before init starts.
    init(_ location: ProjectLocation) {
        self.location = location
        createdRoot = FileIO.kind(location.root) == nil
        createdScaffold = FileIO.kind(location.root.appendingPathComponent(".scaffold")) == nil
    }

    private var scaffoldFolder: URL { location.root.appendingPathComponent(".scaffold") }

    /// Takes back everything init created; with `keepingBlueprint` the Blueprint.swift it wrote
    /// (and the overrides that go with it) stay, for the user to fix.
    func undo(keepingBlueprint: Bool = false) {
        let fm = FileManager.default
        if !keepingBlueprint {
            if wroteBlueprint { try? fm.removeItem(at: location.blueprint) }
            for url in copiedOverrides { try? fm.removeItem(at: url) }
        }
        try? fm.removeItem(at: location.cache)
        if createdScaffold {
            try? fm.removeItem(at: scaffoldFolder.appendingPathComponent("lock"))
            removeEmptyFolders(under: scaffoldFolder)
        }
        if createdRoot, (try? fm.contentsOfDirectory(atPath: location.root.path))?.isEmpty == true {
            try? fm.removeItem(at: location.root)
        }
    }

    /// Removes `folder` and its subfolders when they hold no files.
    private func removeEmptyFolders(under folder: URL) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let child = folder.appendingPathComponent(name)
            if FileIO.kind(child) == S_IFDIR { removeEmptyFolders(under: child) }
        }
        if (try? fm.contentsOfDirectory(atPath: folder.path))?.isEmpty == true { try? fm.removeItem(at: folder) }
    }
}

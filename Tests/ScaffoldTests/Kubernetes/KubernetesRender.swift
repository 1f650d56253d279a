import Foundation
import Mustache
import ScaffoldCore
import ScaffoldKit

/// Renders a preset's Kubernetes and Helm files through the real loader, resolver and templates,
/// and writes them into a fresh folder for `kubectl kustomize` and `helm template`.
enum KubernetesRender {
    /// The preset's project and its kustomize + Helm files, written under a new temporary folder.
    static func render(_ name: String) throws -> (project: ResolvedProject, root: URL, files: [GeneratedFile]) {
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        let session = ProjectSession(
            installation: installation, blueprint: TestPaths.blueprints.appendingPathComponent("\(name).swift"),
            displayPath: "Blueprints/\(name).swift", overrides: nil,
            cacheDirectory: TestPaths.repository.appendingPathComponent(".build/scaffold-test-cache"))
        let (project, _) = try session.resolve()
        let (root, files) = try render(project, folder: name, keep: true)
        return (project, root, files)
    }

    /// Renders `project`'s Kubernetes and Helm files into a new folder named after `folder`; with
    /// `keep`, under `$SCAFFOLD_K8S_KEEP/<folder>` when that is set, to look at or lint by hand.
    static func render(_ project: ResolvedProject, folder name: String, keep: Bool = false) throws -> (root: URL, files: [GeneratedFile]) {
        let installation = try Installation.current(executable: TestPaths.scaffold.path)
        // Only this family's templates (and the headers), so another family's work in progress
        // can't fail this test.
        let sources = try TemplateLoader.sources(in: installation.templates, displayRoot: "Templates")
            .filter { ["kubernetes/", "helm/", "_header/", "_config/"].contains(where: $0.name.hasPrefix) }
        let templates = try TemplateSet(builtIn: sources)
        let files = try Pipeline(generators: [KubernetesGenerator(), HelmGenerator()]).render(project, templates: templates)
        let root: URL
        if keep, let folder = ProcessInfo.processInfo.environment["SCAFFOLD_K8S_KEEP"], !folder.isEmpty {
            root = URL(fileURLWithPath: folder).appendingPathComponent(name)
            try? FileManager.default.removeItem(at: root)
        } else {
            root = TestPaths.temporaryFolder("kubernetes-\(name)")
        }
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
        return (root, files)
    }

    /// The presets that deploy to Kubernetes.
    static func kubernetesPresets() throws -> [String] {
        TestPaths.presetNames.filter { name in
            let text = (try? String(contentsOf: TestPaths.blueprints.appendingPathComponent("\(name).swift"), encoding: .utf8)) ?? ""
            return text.contains(".kubernetes(")
        }
    }
}

import Foundation
import ScaffoldCore
import Testing

/// Every image tag a committed deploy manifest references (kustomize overlays' `newTag`, Helm
/// values' `image.tag`) is one that images.yml pushes: a branch it runs on, tagged the way
/// docker/metadata-action's `type=ref,event=branch` tags it.
@Suite("Deployed image tags exist")
struct ImageTagTests {
    /// metadata-action's branch tag: characters a tag can't hold become `-`.
    static func metadataBranchTag(_ branch: String) -> String {
        String(branch.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
    }

    @Test("manifests reference only tags images.yml pushes", arguments: try KubernetesRender.kubernetesPresets())
    func tagsArePushed(_ preset: String) throws {
        let files = Dictionary(uniqueKeysWithValues: try SnapshotTests.render(preset).map { ($0.path, $0.contents) })
        let images = try WorkflowRender.parse(try #require(files[".github/workflows/images.yml"]))
        let steps = ((images["jobs"] as? [String: Any])?.values.compactMap { ($0 as? [String: Any])?["steps"] as? [[String: Any]] } ?? []).flatMap { $0 }
        let tagRules = steps.compactMap { (($0["with"] as? [String: Any])?["tags"] as? String) }.joined(separator: "\n")
        #expect(tagRules.contains("type=ref,event=branch"), "images.yml no longer tags branches")
        var branches = Set(((images["on"] as? [String: Any])?["push"] as? [String: Any])?["branches"] as? [String] ?? [])
        if let deploy = files[".github/workflows/deploy.yml"] {
            // deploy.yml calls images.yml for the branches it deploys from.
            let parsed = try WorkflowRender.parse(deploy)
            branches.formUnion(((parsed["on"] as? [String: Any])?["push"] as? [String: Any])?["branches"] as? [String] ?? [])
        }
        let pushed = Set(branches.map(Self.metadataBranchTag))
        var referenced: [(String, String)] = []
        for (path, text) in files where path.hasPrefix("deploy/kubernetes/overlays/") && path.hasSuffix("/kustomization.yaml") {
            for object in try KubernetesTools.objects(fromYAML: text) {
                for image in object["images"] as? [[String: Any]] ?? [] {
                    if let tag = image["newTag"] as? String { referenced.append((path, tag)) }
                }
            }
        }
        for (path, text) in files where path.hasPrefix("deploy/helm/") && path.contains("/values-") {
            for object in try KubernetesTools.objects(fromYAML: text) {
                for (_, service) in object["services"] as? [String: Any] ?? [:] {
                    if let tag = ((service as? [String: Any])?["image"] as? [String: Any])?["tag"] as? String { referenced.append((path, tag)) }
                }
            }
        }
        #expect(!referenced.isEmpty, "\(preset): no image tags found in the manifests")
        for (path, tag) in referenced {
            #expect(pushed.contains(tag), "\(preset): \(path) deploys tag '\(tag)', which images.yml never pushes (it pushes \(pushed.sorted()) and commit SHAs)")
        }
    }
}

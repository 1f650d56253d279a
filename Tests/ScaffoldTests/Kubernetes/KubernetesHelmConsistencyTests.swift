import Foundation
import ScaffoldCore
import Testing

/// For every environment a Kubernetes target deploys, the kustomize overlay (`kubectl kustomize`)
/// and the Helm chart (`helm template -f values-<env>.yaml`) must produce the same objects: same
/// kinds and names, and field for field the same spec (images, ports, probes, env, resources,
/// security contexts, everything). The only differences allowed are listed below, each with its
/// reason; any other difference fails the test.
@Suite("Kubernetes and Helm say the same thing")
struct KubernetesHelmConsistencyTests {
    /// Objects only one side renders, by `Kind/name` pattern (`*` = the project name).
    static let onlyInKustomize: [(object: String, reason: String)] = [
        ("Namespace/*-<environment>", "the overlay creates its namespace with the Pod Security Admission labels; a Helm chart installs into a namespace that exists (helm --namespace), and one that created its own would fight the release namespace"),
    ]
    /// Helm-only objects: those carrying this annotation.
    static let helmOnlyAnnotation = (key: "helm.sh/hook", value: "test", reason: "the helm test hook (a Pod and the NetworkPolicies that let it reach the service) exists only while `helm test` runs")
    /// Labels whose values legitimately differ, removed from both sides before comparing.
    static let ignoredLabels: [(label: String, reason: String)] = [
        ("app.kubernetes.io/managed-by", "names the tool that applies the object: kustomize or Helm"),
        ("helm.sh/chart", "Helm's chart name and version label, which kustomize has no equivalent of"),
    ]
    /// Annotations only Helm reads, removed from Helm's side before comparing.
    static let helmAnnotations: [(annotation: String, reason: String)] = [
        ("helm.sh/hook", "the chart runs a job as an install and upgrade hook; the kustomize deploy deletes, applies and waits for it instead"),
        ("helm.sh/hook-delete-policy", "Helm deletes a job's previous run before the hook runs it again"),
    ]

    @Test("every Kubernetes environment renders the same objects from kustomize and Helm", arguments: try KubernetesRender.kubernetesPresets())
    func sameObjects(_ preset: String) throws {
        let (project, root, _) = try KubernetesRender.render(preset)
        guard let plan = KubernetesPlan(project: project) else {
            Issue.record("\(preset) names a Kubernetes target but has no Kubernetes plan")
            return
        }
        guard let helm = KubernetesTools.helmOrSkip("the Kubernetes/Helm consistency test") else { return }
        for environment in plan.environments {
            let objects = try KubernetesTools.objects(root: root, project: plan.project, environment: environment.name,
                                                      namespace: environment.namespace, helm: helm)
            let differences = try Self.compare(
                kustomize: objects.kustomize, helm: objects.helm,
                project: plan.project, environment: environment.name)
            for difference in differences {
                Issue.record("\(preset) \(environment.name): \(difference)")
            }
            #expect(differences.isEmpty, "rendered into \(root.path)")
        }
    }

    /// The differences between the two object sets, after the allow-list.
    static func compare(kustomize: [[String: Any]], helm: [[String: Any]], project: String, environment: String) throws -> [String] {
        let kustomizeOnly = Set(onlyInKustomize.map { $0.object.replacingOccurrences(of: "*", with: project).replacingOccurrences(of: "<environment>", with: environment) })
        var left: [String: [String: Any]] = [:]
        var right: [String: [String: Any]] = [:]
        var problems: [String] = []
        for object in kustomize {
            let id = identity(object)
            if kustomizeOnly.contains(id) { continue }
            if left[id] != nil { problems.append("kustomize renders \(id) twice") }
            left[id] = normalized(object)
        }
        for object in helm {
            let annotations = (object["metadata"] as? [String: Any])?["annotations"] as? [String: Any]
            if (annotations?[helmOnlyAnnotation.key] as? String) == helmOnlyAnnotation.value { continue }
            let id = identity(object)
            if right[id] != nil { problems.append("helm renders \(id) twice") }
            right[id] = normalized(object)
        }
        for id in Set(left.keys).subtracting(right.keys).sorted() { problems.append("\(id) is only in the kustomize output") }
        for id in Set(right.keys).subtracting(left.keys).sorted() { problems.append("\(id) is only in the Helm output") }
        for id in Set(left.keys).intersection(right.keys).sorted() {
            problems += difference(left[id], right[id], path: id)
        }
        return problems
    }

    /// `Kind/name`.
    static func identity(_ object: [String: Any]) -> String {
        let name = (object["metadata"] as? [String: Any])?["name"] as? String ?? "?"
        return "\(object["kind"] as? String ?? "?")/\(name)"
    }

    /// The object without the allow-listed labels.
    static func normalized(_ object: [String: Any]) -> [String: Any] {
        func strip(_ metadata: Any?) -> Any? {
            guard var metadata = metadata as? [String: Any] else { return metadata }
            if var labels = metadata["labels"] as? [String: Any] {
                for entry in ignoredLabels { labels.removeValue(forKey: entry.label) }
                metadata["labels"] = labels
            }
            return metadata
        }
        var copy = object
        copy["metadata"] = strip(object["metadata"])
        if var metadata = copy["metadata"] as? [String: Any], var annotations = metadata["annotations"] as? [String: Any] {
            for entry in helmAnnotations { annotations.removeValue(forKey: entry.annotation) }
            metadata["annotations"] = annotations.isEmpty ? nil : annotations
            copy["metadata"] = metadata
        }
        func stripTemplate(_ spec: Any?) -> Any? {
            guard var spec = spec as? [String: Any] else { return spec }
            if var template = spec["template"] as? [String: Any] {
                template["metadata"] = strip(template["metadata"])
                spec["template"] = template
            }
            // A CronJob's pod template is one level further down.
            if var jobTemplate = spec["jobTemplate"] as? [String: Any] {
                jobTemplate["spec"] = stripTemplate(jobTemplate["spec"])
                spec["jobTemplate"] = jobTemplate
            }
            return spec
        }
        copy["spec"] = stripTemplate(copy["spec"])
        return copy
    }

    /// Every place two JSON values differ, as `path: kustomize ≠ helm`.
    static func difference(_ a: Any?, _ b: Any?, path: String) -> [String] {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            return Set(x.keys).union(y.keys).sorted().flatMap { difference(x[$0], y[$0], path: "\(path).\($0)") }
        case let (x as [Any], y as [Any]):
            guard x.count == y.count else { return ["\(path): \(x.count) items in kustomize, \(y.count) in Helm: \(describe(x)) ≠ \(describe(y))"] }
            return zip(x, y).enumerated().flatMap { difference($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]") }
        default:
            // Scalars compare by their JSON spelling, so `1`, `true` and `"1"` stay different.
            if describe(a) == describe(b) { return [] }
            return ["\(path): \(describe(a)) in kustomize ≠ \(describe(b)) in Helm"]
        }
    }

    static func describe(_ value: Any?) -> String {
        guard let value else { return "absent" }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
}

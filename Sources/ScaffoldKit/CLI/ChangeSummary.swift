import Foundation
import Mustache
import ScaffoldCore

/// The Markdown summary of pending changes (`scaffold diff --summary`, the drift gate's step
/// summary): per environment what the model change alters, then per file what regen would do.
enum ChangeSummary {
    struct Context: Encodable {
        struct FileLine: Encodable { var action: String; var path: String }
        struct Group: Encodable { var environment: String; var files: [FileLine] }
        var changes: ModelChanges
        var groups: [Group]
        var clean: Bool
        var firstRender: Bool
    }

    /// The previous model, as the last regen recorded it in `.scaffold/resolved.json`.
    static func previousModel(root: URL) -> ResolvedProject? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(ScaffoldStateGenerator.modelPath).path) else { return nil }
        return ModelJSON.decode(String(decoding: data, as: UTF8.self))
    }

    static func markdown(plan: WritePlan, project: ResolvedProject, previous: ResolvedProject?, templates: TemplateSet) throws -> String {
        var groups: [String: [Context.FileLine]] = [:]
        func add(_ action: String, _ path: String) {
            groups[environment(of: path, in: project), default: []].append(.init(action: action, path: path))
        }
        for change in plan.changes {
            switch change {
            case .create: add("added", change.path)
            case .update: add("changed", change.path)
            case .delete: add("removed", change.path)
            }
        }
        for conflict in plan.conflicts { add("edited by hand", conflict.path) }
        let order = project.environments.map(\.name) + ["all environments"]
        let context = Context(
            changes: ModelChanges.compare(previous, project),
            groups: order.compactMap { name in groups[name].map { Context.Group(environment: name, files: $0) } },
            clean: plan.isEmpty, firstRender: previous == nil)
        return try templates.render("scaffold/summary.md", context: TemplateValue(encoding: context), format: EscapeFormat.none)
    }

    /// The environment a generated file belongs to, from its name (`compose.production.yaml`,
    /// `overlays/production/`, `values-production.yaml`, `environments/production.tfvars`).
    static func environment(of path: String, in project: ResolvedProject) -> String {
        let parts = path.split(separator: "/").map(String.init)
        for environment in project.environments.map(\.name) {
            for part in parts {
                let stem = part.split(separator: ".").map(String.init)
                if part == environment || stem.contains(environment) || part.hasPrefix("values-\(environment).") || part.hasPrefix("\(environment).") {
                    return environment
                }
            }
        }
        return "all environments"
    }
}

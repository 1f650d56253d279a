/// One entry of a compose service's `volumes:`, short (`./src:/app:ro`, `data:/data`, `/cache`)
/// or long (`{type: bind, source: ./src, target: /app}`) syntax.
struct VolumeMount: Equatable, Sendable {
    /// What is mounted.
    enum Kind: String, Sendable { case named, bind, anonymous, tmpfs, other }

    var kind: Kind
    /// The volume name or host path; empty for anonymous volumes and tmpfs.
    var source: String
    /// The path in the container.
    var target: String
    /// Mount options such as `ro`, or `read_only` from the long syntax.
    var options: [String]

    /// Reads one entry; `nil` when it has no container path.
    static func parse(_ entry: YAML) -> VolumeMount? {
        if let text = entry.string {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 1:
                return VolumeMount(kind: .anonymous, source: "", target: parts[0], options: [])
            case 2, 3:
                let options = parts.count == 3 ? parts[2].split(separator: ",").map(String.init) : []
                return VolumeMount(kind: isPath(parts[0]) ? .bind : .named, source: parts[0], target: parts[1], options: options)
            default:
                return nil
            }
        }
        guard let target = entry["target"]?.string else { return nil }
        let source = entry["source"]?.string ?? ""
        let readOnly = entry["read_only"]?.string == "true" ? ["ro"] : []
        switch entry["type"]?.string ?? (source.isEmpty ? "volume" : (isPath(source) ? "bind" : "volume")) {
        case "bind": return VolumeMount(kind: .bind, source: source, target: target, options: readOnly)
        case "volume": return VolumeMount(kind: source.isEmpty ? .anonymous : .named, source: source, target: target, options: readOnly)
        case "tmpfs": return VolumeMount(kind: .tmpfs, source: "", target: target, options: [])
        default: return VolumeMount(kind: .other, source: source, target: target, options: readOnly)
        }
    }

    /// The container path of an entry, for merging by target.
    static func target(of entry: YAML) -> String? { parse(entry)?.target }

    /// Whether a short-syntax source is a host path rather than a volume name.
    static func isPath(_ source: String) -> Bool {
        source.hasPrefix(".") || source.hasPrefix("/") || source.hasPrefix("~") || source.hasPrefix("$")
    }
}

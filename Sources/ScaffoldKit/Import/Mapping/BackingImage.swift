import BlueprintDescription
import ScaffoldCore

/// Which scaffold preset a compose `image:` is (`postgres:15-alpine` → `.postgres`), and how the
/// draft pins it.
struct BackingImage: Sendable {
    /// The preset.
    var preset: Preset
    /// The image as compose names it.
    var image: String

    /// The preset for an image reference, if scaffold has one for it.
    static func preset(for image: String) -> BackingImage? {
        let repository = Self.repository(of: image)
        let presets: [String: Preset] = [
            "redis": .redis, "postgres": .postgres, "mysql": .mysql, "mariadb": .mysql, "mongo": .mongodb,
            "rabbitmq": .rabbitmq, "prom/prometheus": .prometheus, "grafana/grafana": .grafana, "grafana/grafana-oss": .grafana,
            "nginx": .nginx, "nginxinc/nginx-unprivileged": .nginx, "traefik": .traefik,
        ]
        return presets[repository].map { BackingImage(preset: $0, image: image) }
    }

    /// The repository without a registry of Docker Hub's official images: `docker.io/library/redis:7` → `redis`.
    static func repository(of image: String) -> String {
        var name = image
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        if let slash = name.lastIndex(of: "/"), let colon = name.lastIndex(of: ":"), colon > slash {
            name = String(name[..<colon])
        } else if !name.contains("/"), let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        for prefix in ["docker.io/library/", "index.docker.io/library/", "docker.io/", "library/"] where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        return name.lowercased()
    }

    /// The preset's own image, `repository:tag`.
    var presetImage: String {
        let spec = PresetSpec.of(preset)
        return "\(spec.repository):\(spec.tag)"
    }

    /// Whether compose names the preset's own image (then the draft leaves `image:` out).
    var isPresetDefault: Bool {
        Self.repository(of: image) == Self.repository(of: presetImage) && Self.tag(of: image) == Self.tag(of: presetImage)
    }

    /// Whether the image names a version (a tag other than `latest`, or a digest), which scaffold requires.
    static func isPinned(_ image: String) -> Bool {
        if image.contains("@sha256:") { return true }
        guard let tag = tag(of: image) else { return false }
        return !tag.isEmpty && tag != "latest"
    }

    /// The tag of an image reference, if it has one.
    static func tag(of image: String) -> String? {
        var name = image
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let colon = last.lastIndex(of: ":") else { return nil }
        return String(last[last.index(after: colon)...])
    }

    /// The factory that declares the preset: `redis`, `postgres`, ... (`proxy` for nginx and traefik).
    var factory: String {
        switch preset {
        case .nginx, .traefik: return "proxy"
        default: return preset.rawValue
        }
    }

    /// The service name the factory defaults to.
    var defaultName: String {
        switch preset {
        case .nginx, .traefik: return "proxy"
        default: return preset.rawValue
        }
    }
}

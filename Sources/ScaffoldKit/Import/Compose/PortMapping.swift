/// One entry of a compose service's `ports:`: `"8000"`, `"3000:8080"`, `"127.0.0.1:5432:5432/tcp"`,
/// `8000-8010:8000-8010`, or the long syntax `{target: 80, published: 8080, host_ip: ..., protocol: udp}`.
struct PortMapping: Equatable, Sendable {
    /// The host address it binds, if given.
    var hostIP: String?
    /// The published host port (or range), if given.
    var published: String?
    /// The container port (or range).
    var target: String
    /// `tcp` unless given.
    var transport: String

    /// The container port as a number; `nil` for a range.
    var containerPort: Int? { Int(target) }
    /// The host port as a number; `nil` when absent or a range.
    var hostPort: Int? { published.flatMap { Int($0) } }

    /// Reads one entry; `nil` when it names no container port.
    static func parse(_ entry: YAML) -> PortMapping? {
        if let text = entry.string {
            var rest = text
            var transport = "tcp"
            if let slash = rest.lastIndex(of: "/") {
                transport = String(rest[rest.index(after: slash)...])
                rest = String(rest[..<slash])
            }
            var hostIP: String?
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                hostIP = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = String(rest[rest.index(after: close)...].drop { $0 == ":" })
            }
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 1: return PortMapping(hostIP: hostIP, published: nil, target: parts[0], transport: transport)
            case 2: return PortMapping(hostIP: hostIP, published: parts[0].isEmpty ? nil : parts[0], target: parts[1], transport: transport)
            case 3: return PortMapping(hostIP: parts[0], published: parts[1].isEmpty ? nil : parts[1], target: parts[2], transport: transport)
            default: return nil
            }
        }
        guard let target = entry["target"]?.string else { return nil }
        return PortMapping(hostIP: entry["host_ip"]?.string, published: entry["published"]?.string, target: target, transport: entry["protocol"]?.string ?? "tcp")
    }

    /// How compose's short syntax writes it.
    var shortSyntax: String {
        var text = [hostIP, published].compactMap { $0 }.joined(separator: ":")
        text += text.isEmpty ? target : ":" + target
        return transport == "tcp" ? text : text + "/" + transport
    }
}

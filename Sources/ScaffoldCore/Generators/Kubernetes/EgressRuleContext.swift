import BlueprintDescription

/// One NetworkPolicy egress rule for destinations outside the cluster that the blueprint declares
/// (`egress:`): the address blocks and the port.
public struct EgressRuleContext: Encodable, Hashable, Sendable {
    /// One `ipBlock` peer.
    public struct Block: Encodable, Hashable, Sendable {
        /// The CIDR.
        public var cidr: String
        /// Addresses inside it that stay closed (private ranges, for public destinations).
        public var except: [String]
        /// True when `except` is not empty.
        public var hasExcept: Bool
    }

    /// What the rule is for: the declared host names or networks, for a comment.
    public var destinations: String
    /// The address blocks.
    public var blocks: [Block]
    /// The destination port.
    public var port: Int
    /// `TCP` or `UDP`.
    public var transport: String

    /// Private address ranges: a destination known only by name is allowed to public addresses,
    /// never to the cluster's or the VPC's own.
    static let privateIPv4 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
    static let privateIPv6 = ["fc00::/7"]

    /// The rules for `egress`: one per port, transport and address set, destinations merged.
    static func rules(_ egress: [Egress]) -> [EgressRuleContext] {
        var rules: [EgressRuleContext] = []
        for item in egress {
            let blocks: [Block]
            if let network = item.network {
                blocks = [Block(cidr: network, except: [], hasExcept: false)]
            } else {
                blocks = [Block(cidr: "0.0.0.0/0", except: privateIPv4, hasExcept: true),
                          Block(cidr: "::/0", except: privateIPv6, hasExcept: true)]
            }
            let transport = item.transport.rawValue.uppercased()
            let name = item.host ?? item.network ?? ""
            if let index = rules.firstIndex(where: { $0.blocks == blocks && $0.port == item.port && $0.transport == transport }) {
                if !rules[index].destinations.split(separator: " ").contains(Substring(name)) {
                    rules[index].destinations += " \(name)"
                }
            } else {
                rules.append(EgressRuleContext(destinations: name, blocks: blocks, port: item.port, transport: transport))
            }
        }
        return rules.sorted { ($0.port, $0.transport, $0.destinations) < ($1.port, $1.transport, $1.destinations) }
    }
}

/// A place the application runs: `development` on a laptop, `staging` and `production` in the cloud,
/// or any custom environment.
///
/// Environments compare by `name` only, so `.production` and `.production.deploying(from: "release")`
/// are the same key in `replicas: [.production: 4]`.
public struct Environment: Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// How local runs of an environment behave.
    public enum Mode: String, Codable, Sendable {
        /// Development images and hot reload, published ports, development-only services.
        case development
        /// Hardened production images: read-only filesystems, restart policies, resource limits.
        case production
    }

    /// The environment's name, a DNS-1123 label such as `staging`. Also the file suffix of its overlays.
    public var name: String
    /// Whether local runs use the development or the production build target.
    public var mode: Mode
    /// A short alias the start scripts accept, for example `dev` or `prod`.
    public var alias: String?
    /// The git branch whose pushes deploy this environment, if it is deployed by CI.
    public var branch: String?
    /// Whether a deploy waits for a reviewer's approval (a GitHub environment with required reviewers).
    public var requiresApproval: Bool

    /// Creates an environment. Prefer `.development`, `.staging`, `.production` or `.custom(_:)`.
    public init(name: String, mode: Mode = .production, alias: String? = nil, branch: String? = nil, requiresApproval: Bool = false) {
        self.name = name
        self.mode = mode
        self.alias = alias
        self.branch = branch
        self.requiresApproval = requiresApproval
    }

    /// A custom production-mode environment named by a string literal, for example `"qa"`.
    public init(stringLiteral value: String) {
        self.init(name: value)
    }

    /// Local development: development images, hot reload and published ports. Alias `dev`.
    public static let development = Environment(name: "development", mode: .development, alias: "dev")
    /// Pre-production: production images, deployed automatically from `main`.
    public static let staging = Environment(name: "staging", mode: .production, branch: "main")
    /// Production: hardened images, deployed from `main` after a reviewer approves. Alias `prod`.
    public static let production = Environment(name: "production", mode: .production, alias: "prod", branch: "main", requiresApproval: true)

    /// A custom environment.
    public static func custom(_ name: String, mode: Mode = .production, alias: String? = nil, branch: String? = nil, requiresApproval: Bool = false) -> Environment {
        Environment(name: name, mode: mode, alias: alias, branch: branch, requiresApproval: requiresApproval)
    }

    /// This environment, deployed by CI from pushes to `branch`.
    public func deploying(from branch: String) -> Environment {
        var copy = self
        copy.branch = branch
        return copy
    }

    /// This environment, with or without a manual approval before each deploy.
    public func requiringApproval(_ required: Bool = true) -> Environment {
        var copy = self
        copy.requiresApproval = required
        return copy
    }

    /// This environment, never deployed by CI (local only).
    public func notDeployed() -> Environment {
        var copy = self
        copy.branch = nil
        return copy
    }

    public static func == (lhs: Environment, rhs: Environment) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

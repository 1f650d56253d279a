/// The shapes of every path a built-in family can generate. The writer deletes a stale file only
/// when its ledger entry has one of these shapes, so an edited ledger can't make regen delete
/// `Blueprint.swift`, `.git/config` or a source file. A test renders every preset and checks that
/// every generated path has one of these shapes, so the list can't fall behind the families.
public enum GeneratedPaths {
    /// Glob patterns: `*` matches within one path component, `**` any number of components.
    public static let patterns: [String] = [
        // compose, scripts, docs and scaffold's own state
        "compose.yaml", "compose.*.yaml", ".env.example", ".gitignore", "README.Deploy.md",
        "scripts/start.sh", "scripts/start.ps1", "scripts/deploy.sh", "scripts/deploy-*.sh",
        "docs/deployment/*.md", ".scaffold/.gitignore", ".scaffold/resolved.json",
        // containers: Dockerfiles, their ignore files, static sites' nginx.conf
        "Dockerfile", "Dockerfile.*", "**/Dockerfile", "**/Dockerfile.*", ".dockerignore", "**/.dockerignore",
        "nginx.conf", "**/nginx.conf",
        // backing services' configuration mounted by compose and the cluster
        "monitoring/*", "proxy/*",
        // Kubernetes, Helm and Terraform
        "deploy/**",
        // GitHub Actions and the dev container
        ".github/workflows/*.yml", ".devcontainer/devcontainer.json",
    ]

    /// Paths never deleted or overwritten as stale, whatever the ledger says.
    public static func isProtected(_ path: String) -> Bool {
        path == "Blueprint.swift" || path == ".git" || path.hasPrefix(".git/")
            || (path.hasPrefix(".scaffold/") && !patterns.contains(path))
    }

    /// Whether a built-in family could generate `path`.
    public static func couldGenerate(_ path: String) -> Bool {
        !isProtected(path) && patterns.contains { matches($0, path) }
    }

    /// Glob match of `path` against `pattern`, component by component.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        matchComponents(pattern.split(separator: "/", omittingEmptySubsequences: false)[...],
                        path.split(separator: "/", omittingEmptySubsequences: false)[...])
    }

    private static func matchComponents(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            if matchComponents(pattern.dropFirst(), path) { return true }
            return !path.isEmpty && matchComponents(pattern, path.dropFirst())
        }
        guard let component = path.first, matchComponent(Array(first), Array(component)) else { return false }
        return matchComponents(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchComponent(_ pattern: [Character], _ text: [Character]) -> Bool {
        if pattern.isEmpty { return text.isEmpty }
        if pattern[0] == "*" {
            for split in 0...text.count where matchComponent(Array(pattern.dropFirst()), Array(text[split...])) { return true }
            return false
        }
        return !text.isEmpty && pattern[0] == text[0] && matchComponent(Array(pattern.dropFirst()), Array(text.dropFirst()))
    }
}

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
        !isProtected(path) && matchesAny(path)
    }

    /// The patterns split into components of UTF-8 bytes, once.
    private static let compiled: [[[UInt8]]] = patterns.map { pattern in
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }

    /// Whether any pattern matches `path` (its components split once, matched without copies).
    private static func matchesAny(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map { Array($0.utf8) }
        return compiled.contains { matchComponents($0[...], components[...]) }
    }

    /// Glob match of `path` against `pattern`, component by component.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        matchComponents(pattern.split(separator: "/", omittingEmptySubsequences: false).map { Array($0.utf8) }[...],
                        path.split(separator: "/", omittingEmptySubsequences: false).map { Array($0.utf8) }[...])
    }

    private static func matchComponents(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == Array("**".utf8) {
            if matchComponents(pattern.dropFirst(), path) { return true }
            return !path.isEmpty && matchComponents(pattern, path.dropFirst())
        }
        guard let component = path.first, matchComponent(first[...], component[...]) else { return false }
        return matchComponents(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` matches any run of bytes within one component (never `/`, which components don't hold).
    private static func matchComponent(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == UInt8(ascii: "*") {
            var rest = text
            while true {
                if matchComponent(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        return text.first == first && matchComponent(pattern.dropFirst(), text.dropFirst())
    }
}

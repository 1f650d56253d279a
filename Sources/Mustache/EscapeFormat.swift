/// How `{{name}}` escapes a value: picked from the output file's type, so that whatever the value
/// contains, the generated file reads it back as exactly that value.
///
/// `{{{name}}}` and `{{& name}}` never escape. The format carries into partials and parents; a
/// template can switch it for the rest of its own body with a standalone `{{%escape NAME}}` tag,
/// where `NAME` is one of the raw values below.
public enum EscapeFormat: String, CaseIterable, Sendable {
    /// A YAML scalar that YAML 1.1 and 1.2 parsers both read back as the same value: numbers,
    /// booleans and `null` plain; strings plain only when unambiguous, otherwise double-quoted;
    /// multi-line strings as a literal block scalar (`|-`, `|`, `|+`) indented under the key.
    case yaml
    /// A single shell word: safe words pass through, anything else is single-quoted.
    case shell
    /// An HCL (Terraform) expression: strings always quoted, with `${` and `%{` escaped.
    case hcl
    /// A JSON literal: strings quoted and escaped, numbers, booleans and `null` plain.
    case json
    /// A JSON string literal for Dockerfile exec-form arrays (`CMD ["a", "b"]`); numbers and
    /// booleans plain, `null` as `""`.
    case dockerfile
    /// HTML escaping of `&`, `"`, `<` and `>` (what the Mustache specification prescribes).
    case html
    /// No escaping at all, for plain text such as Markdown.
    case none

    /// The format for a generated file, from its path:
    ///
    /// | path | format |
    /// | --- | --- |
    /// | `*.yaml`, `*.yml` | ``yaml`` |
    /// | `*.sh`, `*.bash` | ``shell`` |
    /// | `*.tf`, `*.tfvars`, `*.hcl` | ``hcl`` |
    /// | `*.json` | ``json`` |
    /// | `Dockerfile`, `Dockerfile.*`, `*.Dockerfile` | ``dockerfile`` |
    /// | `*.html` | ``html`` |
    /// | anything else (`.md`, `.txt`, `.ps1`, `.env.example`, `.dockerignore`, …) | ``none`` |
    ///
    /// Extensions are compared case-insensitively, and a trailing `.mustache` is ignored, so a
    /// template path such as `docker/python.Dockerfile.mustache` works as well.
    public static func forOutputPath(_ path: String) -> EscapeFormat {
        var base = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        if base.lowercased().hasSuffix(".mustache") { base = String(base.dropLast(".mustache".count)) }
        let lower = base.lowercased()
        if lower == "dockerfile" || (lower.hasPrefix("dockerfile.") && !lower.hasSuffix(".dockerignore")) || lower.hasSuffix(".dockerfile") {
            return .dockerfile
        }
        guard let dot = lower.lastIndex(of: "."), dot != lower.startIndex else { return .none }
        switch lower[lower.index(after: dot)...] {
        case "yaml", "yml": return .yaml
        case "sh", "bash": return .shell
        case "tf", "tfvars", "hcl": return .hcl
        case "json": return .json
        case "html": return .html
        default: return .none
        }
    }
}

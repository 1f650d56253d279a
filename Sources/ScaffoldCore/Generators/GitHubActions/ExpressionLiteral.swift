/// A GitHub Actions expression string literal: `'…'` with embedded `'` doubled, for values
/// compared inside `if:` conditions (`github.ref == 'refs/heads/main'`).
enum ExpressionLiteral {
    /// `value` as a quoted expression literal.
    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// Joins an argument vector into one POSIX shell command line, single-quoting only the words
/// that need it, so `["uv", "run", "pytest", "-k", "not slow"]` reads `uv run pytest -k 'not slow'`.
enum ShellWords {
    /// Characters that never need quoting in a shell word.
    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%")

    /// `words` as one command line.
    static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }

    /// One word, quoted when needed.
    static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Values that are credentials whatever variable holds them: the well-known formats of access
/// keys and tokens, private keys and signed tokens. A blueprint value matching one is refused
/// (it belongs in `secrets:`), so no key is ever committed in Blueprint.swift or a generated file.
public enum CredentialPatterns {
    /// Each format: a name for the message, and a regular expression matched anywhere in a value.
    public static let formats: [(name: String, pattern: String)] = [
        ("an AWS access key id", #"(?<![A-Z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z0-9]{16}(?![A-Z0-9])"#),
        ("a GitHub token", #"(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}"#),
        ("a Slack token", #"xox[abposr]-[A-Za-z0-9-]{10,}"#),
        ("a Slack webhook", #"https://hooks\.slack\.com/services/[A-Za-z0-9/]+"#),
        ("a Stripe key", #"(sk|rk)_(live|test)_[A-Za-z0-9]{16,}"#),
        ("a Google API key", #"AIza[0-9A-Za-z_-]{35}"#),
        ("an OpenAI key", #"sk-(proj-)?[A-Za-z0-9_-]{20,}"#),
        ("a private key", #"-----BEGIN ([A-Z]+ )?PRIVATE KEY-----"#),
        ("a JSON Web Token", #"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#),
    ]

    /// The name of the credential format `value` contains, if any.
    public static func match(_ value: String) -> String? {
        formats.first { value.range(of: $0.pattern, options: .regularExpression) != nil }?.name
    }
}

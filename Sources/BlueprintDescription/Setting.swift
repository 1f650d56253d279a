/// The value of one environment variable, the same everywhere or different per environment.
///
/// ```swift
/// environment: [
///     "LOG_LEVEL": "info",                                   // everywhere
///     "REDIS_URL": .only(.development, "redis://redis:6379"), // development only
///     "WORKERS": .per([.development: "1", .production: "4"]),
/// ]
/// ```
/// Never put credentials here: name them in `secrets:` instead. scaffold rejects values that look
/// like credentials.
public struct Setting: Codable, Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    /// The value used in environments not listed in `values`; `nil` means the variable is absent there.
    public var defaultValue: String?
    /// Values per environment name.
    public var values: [String: String]

    /// A value for every environment.
    public init(_ value: String) {
        self.defaultValue = value
        self.values = [:]
    }

    /// A value for every environment.
    public init(stringLiteral value: String) { self.init(value) }
    /// A number for every environment.
    public init(integerLiteral value: Int) { self.init(String(value)) }
    /// `true` or `false` for every environment.
    public init(booleanLiteral value: Bool) { self.init(value ? "true" : "false") }

    private init(defaultValue: String?, values: [String: String]) {
        self.defaultValue = defaultValue
        self.values = values
    }

    /// A value set only in one environment; the variable is absent elsewhere.
    public static func only(_ environment: Environment, _ value: String) -> Setting {
        Setting(defaultValue: nil, values: [environment.name: value])
    }

    /// A value set only in the listed environments; the variable is absent elsewhere.
    public static func only(_ environments: [Environment], _ value: String) -> Setting {
        Setting(defaultValue: nil, values: Dictionary(uniqueKeysWithValues: environments.map { ($0.name, value) }))
    }

    /// Different values per environment, with an optional default for the others.
    public static func per(_ values: [Environment: String], default defaultValue: String? = nil) -> Setting {
        Setting(defaultValue: defaultValue, values: values.byName)
    }

    /// The value in `environment`, or `nil` where the variable is absent.
    public func value(in environment: String) -> String? {
        values[environment] ?? defaultValue
    }
}

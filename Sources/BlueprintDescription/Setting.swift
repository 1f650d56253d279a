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
///
/// The address of another service is not a value to write by hand: `http://api:8000` works in
/// compose and Kubernetes but not on Cloud Run or Container Apps. Say which service you mean with
/// `.url(of:path:)` and every target writes its own address for it.
public struct Setting: Codable, Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    /// The value used in environments not listed in `values`; `nil` means the variable is absent there.
    public var defaultValue: String?
    /// Values per environment name.
    public var values: [String: String]
    /// The service whose URL this is, for `.url(of:path:)`; `nil` for a plain value.
    public var url: ServiceURL?
    /// For `.host(...)`: the variable of the environment compose runs in that overrides the value.
    public var hostVariable: String?

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

    /// The URL of another service of the blueprint, as each target reaches it, followed by `path`:
    ///
    /// ```swift
    /// "OPENAI_API_BASE_URL": .url(of: "api", path: "/v1"),
    /// ```
    ///
    /// - compose, Kubernetes and ECS (Service Connect): `http://api:8000/v1`;
    /// - Cloud Run: the `api` service's own `https://…run.app` URL plus `/v1`, and the caller's
    ///   service account may invoke it;
    /// - Container Apps: `https://<api's app>.internal.<environment domain>/v1` (or its public
    ///   FQDN when `api` is public), which stays inside the Container Apps environment.
    ///
    /// `service` must be declared, listen on a `port:`, and run (not cloud-managed) in every
    /// environment the variable is set in: the caller's, or only `environments` when given.
    public static func url(of service: String, path: String = "", environments: [Environment]? = nil, file: String = #fileID, line: Int = #line) -> Setting {
        var setting = Setting(defaultValue: nil, values: [:])
        setting.url = ServiceURL(service: service, path: path, environments: environments?.map(\.name), location: SourceLocation(file: file, line: line))
        return setting
    }

    /// A value the person running compose may override from their shell or `.env`: compose writes
    /// `${NAME:-default}` (`NAME` is the variable's own name unless `variable` names another), and
    /// `.env.example` lists it. Kubernetes, Helm and the clouds have no such shell: they get
    /// `default` (or the per-environment `values`), and a fidelity note says so.
    public static func host(_ variable: String? = nil, default defaultValue: String, per values: [Environment: String] = [:]) -> Setting {
        var setting = Setting(defaultValue: defaultValue, values: values.byName)
        setting.hostVariable = variable ?? ""
        return setting
    }

    /// The value in `environment`, or `nil` where the variable is absent. A `.url(of:)` setting
    /// has no literal value: the resolver writes each target's address for it.
    public func value(in environment: String) -> String? {
        values[environment] ?? defaultValue
    }
}

/// "The URL of service X", as `Setting.url(of:path:)` writes it; see there.
public struct ServiceURL: Codable, Hashable, Sendable {
    /// The service called, by name.
    public var service: String
    /// What follows the address: empty, or a path starting with `/`.
    public var path: String
    /// The environments the variable is set in; `nil` means every environment its service runs in.
    public var environments: [String]?
    /// Where `.url(of:)` is written in Blueprint.swift.
    public var location: SourceLocation

    /// True when the variable is set in `environment` (the caller runs there).
    public func applies(in environment: String) -> Bool {
        environments?.contains(environment) ?? true
    }
}

/// A backing service scaffold knows how to run: image, port, health check, data volume and the
/// connection settings it hands to services that depend on it.
public enum Preset: String, Codable, Sendable, CaseIterable {
    case redis, postgres, mysql, mongodb, rabbitmq, prometheus, grafana, nginx, traefik
    /// A task queue each cloud provisions natively (SQS, Cloud Tasks, an Azure Storage queue); it
    /// has no container and exists only in environments a cloud target deploys.
    case queue
}

/// What a backing preset hands the services that depend on it: the variable's name and the
/// connection URL's scheme, for example `.url("REDIS_CACHE_URL")` for a second Redis, or
/// `.url(scheme: "postgresql+psycopg2")` for SQLAlchemy.
public struct Injection: Codable, Hashable, Sendable {
    /// The variable name; `nil` keeps the preset's (`DATABASE_URL`, `REDIS_URL`, ...).
    public var variable: String?
    /// The URL scheme; `nil` keeps the preset's (`postgresql`, `redis`, ...).
    public var scheme: String?
    /// For `.parts`: the prefix of the separate variables instead of one URL.
    public var prefix: String?

    /// A connection URL in `variable` (default: the preset's) with `scheme` (default: the preset's).
    public static func url(_ variable: String? = nil, scheme: String? = nil) -> Injection {
        Injection(variable: variable, scheme: scheme, prefix: nil)
    }

    /// The connection as separate variables instead of one URL, for apps that read them apart:
    /// `<prefix>_HOST`, `<prefix>_PORT`, and where the preset has them `<prefix>_USER`,
    /// `<prefix>_NAME` (the database) and `<prefix>_PASSWORD` (from the same secret as the
    /// preset's own). `.parts(prefix: "DB")` gives `DB_HOST`, `DB_PORT`, `DB_USER`, ... A
    /// cloud-managed dependency hands over a URL only, so `managed:` refuses parts.
    public static func parts(prefix: String) -> Injection {
        Injection(variable: nil, scheme: nil, prefix: prefix)
    }
}

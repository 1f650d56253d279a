import BlueprintDescription

/// What scaffold knows about running one backing-service preset: its pinned image, port, health
/// check, data path, user, its own settings and the connection setting it gives dependents.
public struct PresetSpec: Sendable {
    /// The image repository.
    public var repository: String
    /// The pinned tag.
    public var tag: String
    /// The port it listens on.
    public var port: Int
    /// Its health check.
    public var health: HealthCheck
    /// The data directory that gets a named volume, if it keeps data.
    public var dataPath: String?
    /// A start command overriding the image default.
    public var command: [String]?
    /// The numeric user the image runs as when it drops root.
    public var uid: Int
    /// Paths that must stay writable with a read-only root filesystem.
    public var writablePaths: [String]
    /// Plain settings of its own (name → value; `{database}` stands for the project's database name).
    public var settings: [String: String]
    /// Secrets of its own.
    public var secrets: [String]
    /// The variable dependents receive, for example `REDIS_URL`.
    public var connectionVariable: String?
    /// The connection URL; `{host}` and `{database}` are substituted, `${X}` names a secret.
    public var connectionFormat: String?
    /// Secrets the connection URL interpolates.
    public var connectionSecrets: [String]
    /// Whether clouds offer a managed equivalent scaffold provisions.
    public var manageable: Bool
    /// Whether it exists only as a cloud resource (a queue): no image, port or container anywhere.
    public var cloudOnly: Bool = false
    /// The setting naming the user its connection URL and health check use (`POSTGRES_USER`);
    /// set it in `environment:` and both follow (`{user}`).
    public var userSetting: String?
    /// The setting naming its database (`POSTGRES_DB`), likewise (`{database}`).
    public var databaseSetting: String?

    /// The user and database of `service` (a resolved instance's variables win over the defaults).
    public func parameters(_ variables: [Variable], project: String) -> (user: String, database: String) {
        let user = userSetting.flatMap { name in variables.first { $0.name == name }?.value } ?? "app"
        let database = databaseSetting.flatMap { name in variables.first { $0.name == name }?.value }
            ?? project.replacingOccurrences(of: "-", with: "_")
        return (user, database)
    }

    /// The variable and URL format dependents get under `injects` (the preset's, renamed and
    /// re-schemed as Blueprint.swift asks), or nil for a preset that injects nothing.
    public func injection(_ injects: Injection?) -> (variable: String, format: String)? {
        guard let variable = connectionVariable, let format = connectionFormat else { return nil }
        var url = format
        if let scheme = injects?.scheme, let separator = format.range(of: "://") {
            url = scheme + format[separator.lowerBound...]
        }
        return (injects?.variable ?? variable, url)
    }

    /// The variable names `.parts(prefix:)` injects for this preset, in order: host, port, and
    /// where the connection has them user, database name and password.
    public func partNames(prefix: String) -> [String] {
        connectionParts(prefix: prefix, host: "", port: 0, user: "", database: "").map(\.name)
    }

    /// What `.parts(prefix:)` injects, in `partNames` order: each variable's value for a
    /// dependency reached at `host:port` with `user` and `database`; nil for the password, which
    /// comes from the preset's first connection secret.
    public func connectionParts(prefix: String, host: String, port: Int, user: String, database: String) -> [(name: String, value: String?)] {
        guard let format = connectionFormat else { return [] }
        var parts: [(name: String, value: String?)] = [("\(prefix)_HOST", host), ("\(prefix)_PORT", String(port))]
        if format.contains("{user}") { parts.append(("\(prefix)_USER", user)) }
        if format.contains("{database}") { parts.append(("\(prefix)_NAME", database)) }
        if !connectionSecrets.isEmpty { parts.append(("\(prefix)_PASSWORD", nil)) }
        return parts
    }

    /// `text` with `{user}` and `{database}` filled in.
    public static func fill(_ text: String, user: String, database: String) -> String {
        text.replacingOccurrences(of: "{user}", with: user).replacingOccurrences(of: "{database}", with: database)
    }

    /// The spec of `preset`.
    public static func of(_ preset: Preset) -> PresetSpec {
        switch preset {
        case .redis:
            return PresetSpec(repository: "redis", tag: "7.4-alpine", port: 6379,
                              health: .command(["redis-cli", "ping"]), dataPath: "/data",
                              command: ["redis-server", "--appendonly", "yes"], uid: 999, writablePaths: ["/tmp"],
                              settings: [:], secrets: [], connectionVariable: "REDIS_URL",
                              connectionFormat: "redis://{host}:6379/0", connectionSecrets: [], manageable: true)
        case .postgres:
            return PresetSpec(repository: "postgres", tag: "16.6-alpine", port: 5432,
                              health: .command(["pg_isready", "-U", "{user}", "-d", "{database}"]), dataPath: "/var/lib/postgresql/data",
                              command: nil, uid: 70, writablePaths: ["/tmp", "/var/run/postgresql"],
                              settings: ["POSTGRES_USER": "{user}", "POSTGRES_DB": "{database}", "PGDATA": "/var/lib/postgresql/data/pgdata"],
                              secrets: ["POSTGRES_PASSWORD"], connectionVariable: "DATABASE_URL",
                              connectionFormat: "postgresql://{user}:${POSTGRES_PASSWORD}@{host}:5432/{database}",
                              connectionSecrets: ["POSTGRES_PASSWORD"], manageable: true,
                              userSetting: "POSTGRES_USER", databaseSetting: "POSTGRES_DB")
        case .mysql:
            return PresetSpec(repository: "mysql", tag: "8.4", port: 3306,
                              health: .command(["mysqladmin", "ping", "-h", "127.0.0.1"]), dataPath: "/var/lib/mysql",
                              command: nil, uid: 999, writablePaths: ["/tmp", "/var/run/mysqld"],
                              settings: ["MYSQL_USER": "{user}", "MYSQL_DATABASE": "{database}"],
                              secrets: ["MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD"], connectionVariable: "DATABASE_URL",
                              connectionFormat: "mysql://{user}:${MYSQL_PASSWORD}@{host}:3306/{database}",
                              connectionSecrets: ["MYSQL_PASSWORD"], manageable: true,
                              userSetting: "MYSQL_USER", databaseSetting: "MYSQL_DATABASE")
        case .mongodb:
            return PresetSpec(repository: "mongo", tag: "7.0", port: 27017,
                              health: .command(["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"]), dataPath: "/data/db",
                              command: nil, uid: 999, writablePaths: ["/tmp"],
                              settings: ["MONGO_INITDB_ROOT_USERNAME": "app"],
                              secrets: ["MONGO_INITDB_ROOT_PASSWORD"], connectionVariable: "MONGODB_URL",
                              connectionFormat: "mongodb://app:${MONGO_INITDB_ROOT_PASSWORD}@{host}:27017",
                              connectionSecrets: ["MONGO_INITDB_ROOT_PASSWORD"], manageable: false)
        case .rabbitmq:
            return PresetSpec(repository: "rabbitmq", tag: "3.13-management-alpine", port: 5672,
                              health: .command(["rabbitmq-diagnostics", "-q", "ping"]), dataPath: "/var/lib/rabbitmq",
                              command: nil, uid: 100, writablePaths: ["/tmp"],
                              settings: ["RABBITMQ_DEFAULT_USER": "app"],
                              secrets: ["RABBITMQ_DEFAULT_PASS"], connectionVariable: "AMQP_URL",
                              connectionFormat: "amqp://app:${RABBITMQ_DEFAULT_PASS}@{host}:5672",
                              connectionSecrets: ["RABBITMQ_DEFAULT_PASS"], manageable: false)
        case .prometheus:
            return PresetSpec(repository: "prom/prometheus", tag: "v3.1.0", port: 9090,
                              health: .http("/-/healthy"), dataPath: "/prometheus",
                              command: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"],
                              uid: 65534, writablePaths: ["/tmp"], settings: [:], secrets: [],
                              connectionVariable: nil, connectionFormat: nil, connectionSecrets: [], manageable: false)
        case .grafana:
            return PresetSpec(repository: "grafana/grafana", tag: "11.4.0", port: 3000,
                              health: .http("/api/health"), dataPath: "/var/lib/grafana",
                              command: nil, uid: 472, writablePaths: ["/tmp"],
                              settings: ["GF_SECURITY_ADMIN_USER": "admin"], secrets: ["GF_SECURITY_ADMIN_PASSWORD"],
                              connectionVariable: nil, connectionFormat: nil, connectionSecrets: [], manageable: false)
        case .nginx:
            return PresetSpec(repository: "nginxinc/nginx-unprivileged", tag: "1.27-alpine", port: 8080,
                              health: .http("/healthz"), dataPath: nil, command: nil, uid: 101,
                              writablePaths: ["/tmp"], settings: [:], secrets: [],
                              connectionVariable: nil, connectionFormat: nil, connectionSecrets: [], manageable: false)
        case .traefik:
            return PresetSpec(repository: "traefik", tag: "v3.2", port: 8080,
                              health: .command(["traefik", "healthcheck", "--ping=true", "--ping.entrypoint=web", "--entrypoints.web.address=:8080"]), dataPath: nil,
                              command: ["--ping=true", "--ping.entrypoint=web", "--entrypoints.web.address=:8080", "--providers.file.filename=/etc/traefik/dynamic.yml"],
                              uid: 65532, writablePaths: ["/tmp"], settings: [:], secrets: [],
                              connectionVariable: nil, connectionFormat: nil, connectionSecrets: [], manageable: false)
        case .queue:
            return PresetSpec(repository: "", tag: "", port: 0, health: .command([]), dataPath: nil, command: nil, uid: 0,
                              writablePaths: [], settings: [:], secrets: [],
                              connectionVariable: nil, connectionFormat: nil, connectionSecrets: [], manageable: true, cloudOnly: true)
        }
    }
}

extension Service {
    /// A backing service from a preset, with its image, port, health check and data volume.
    ///
    /// - Parameters:
    ///   - preset: which one.
    ///   - name: the service name; defaults to the preset's name.
    ///   - image: overrides the preset's pinned image.
    ///   - environments: where it runs; all when nil. `.redis(environments: [.development])` is development-only.
    ///   - managed: environments where the cloud's managed equivalent is provisioned instead.
    ///   - hostPort: the development host port; defaults to the preset's port.
    ///   - dependsOn: services it needs (a proxy's upstreams, Grafana's Prometheus).
    ///   - scrape: for Prometheus, the services whose metrics it scrapes.
    ///   - storage: the size of its data volume's claim in Kubernetes (default 10Gi).
    ///   - injects: the variable and URL scheme dependents get (default: the preset's).
    ///   - command: replaces the preset's command, for its flags (`["redis-server", "--maxmemory",
    ///     "256mb"]`); nil keeps the preset's.
    ///   - health: replaces the preset's health check, for its timings; nil keeps the preset's.
    public static func backing(
        _ preset: Preset,
        name: String? = nil,
        image: String? = nil,
        environments: [Environment]? = nil,
        managed: [Environment] = [],
        hostPort: Int? = nil,
        dependsOn: [String] = [],
        resources: Resources = .default,
        environment: [String: Setting] = [:],
        ingress: Ingress? = nil,
        storage: Memory? = nil,
        injects: Injection? = nil,
        command: [String]? = nil,
        health: HealthCheck? = nil,
        file: String = #fileID,
        line: Int = #line
    ) -> Service {
        var service = Service(name: name ?? preset.rawValue, kind: .backing, location: SourceLocation(file: file, line: line))
        service.command = command
        service.health = health
        service.storage = storage
        service.injects = injects
        service.preset = preset
        service.image = image
        service.environments = environments?.map(\.name)
        service.managed = managed.map(\.name)
        service.hostPort = hostPort
        service.dependsOn = dependsOn
        service.resources = resources
        service.environment = environment
        service.ingress = ingress
        return service
    }

    /// Redis, with an append-only data volume and `redis-cli ping` health check. Dependents get `REDIS_URL`.
    public static func redis(name: String = "redis", image: String? = nil, environments: [Environment]? = nil, managed: [Environment] = [], hostPort: Int? = nil, resources: Resources = .default, storage: Memory? = nil, injects: Injection? = nil, command: [String]? = nil, health: HealthCheck? = nil, file: String = #fileID, line: Int = #line) -> Service {
        backing(.redis, name: name, image: image, environments: environments, managed: managed, hostPort: hostPort, resources: resources, storage: storage, injects: injects, command: command, health: health, file: file, line: line)
    }

    /// PostgreSQL with a data volume and `pg_isready`. Dependents get `DATABASE_URL`; its password is the secret `POSTGRES_PASSWORD`.
    /// `user` and `database` (default `app` and the project's name with `_`) set `POSTGRES_USER` and
    /// `POSTGRES_DB`, and the injected URL, the health check and a managed database follow them;
    /// `environment` adds settings of its own (`POSTGRES_INITDB_ARGS`, ...).
    public static func postgres(name: String = "postgres", image: String? = nil, user: String? = nil, database: String? = nil, environment: [String: Setting] = [:], environments: [Environment]? = nil, managed: [Environment] = [], hostPort: Int? = nil, resources: Resources = .default, storage: Memory? = nil, injects: Injection? = nil, command: [String]? = nil, health: HealthCheck? = nil, file: String = #fileID, line: Int = #line) -> Service {
        var settings = environment
        if let user { settings["POSTGRES_USER"] = Setting(user) }
        if let database { settings["POSTGRES_DB"] = Setting(database) }
        return backing(.postgres, name: name, image: image, environments: environments, managed: managed, hostPort: hostPort, resources: resources, environment: settings, storage: storage, injects: injects, command: command, health: health, file: file, line: line)
    }

    /// MySQL with a data volume and `mysqladmin ping`. Dependents get `DATABASE_URL`; its password is the secret `MYSQL_PASSWORD`.
    /// `user` and `database` set `MYSQL_USER` and `MYSQL_DATABASE`, and the injected URL and a managed
    /// database follow them.
    public static func mysql(name: String = "mysql", image: String? = nil, user: String? = nil, database: String? = nil, environment: [String: Setting] = [:], environments: [Environment]? = nil, managed: [Environment] = [], hostPort: Int? = nil, resources: Resources = .default, storage: Memory? = nil, injects: Injection? = nil, command: [String]? = nil, health: HealthCheck? = nil, file: String = #fileID, line: Int = #line) -> Service {
        var settings = environment
        if let user { settings["MYSQL_USER"] = Setting(user) }
        if let database { settings["MYSQL_DATABASE"] = Setting(database) }
        return backing(.mysql, name: name, image: image, environments: environments, managed: managed, hostPort: hostPort, resources: resources, environment: settings, storage: storage, injects: injects, command: command, health: health, file: file, line: line)
    }

    /// MongoDB with a data volume. Dependents get `MONGODB_URL`; its password is the secret `MONGO_PASSWORD`.
    public static func mongodb(name: String = "mongodb", image: String? = nil, environments: [Environment]? = nil, hostPort: Int? = nil, resources: Resources = .default, storage: Memory? = nil, injects: Injection? = nil, command: [String]? = nil, health: HealthCheck? = nil, file: String = #fileID, line: Int = #line) -> Service {
        backing(.mongodb, name: name, image: image, environments: environments, hostPort: hostPort, resources: resources, storage: storage, injects: injects, command: command, health: health, file: file, line: line)
    }

    /// RabbitMQ with a data volume. Dependents get `AMQP_URL`; its password is the secret `RABBITMQ_PASSWORD`.
    public static func rabbitmq(name: String = "rabbitmq", image: String? = nil, environments: [Environment]? = nil, hostPort: Int? = nil, resources: Resources = .default, storage: Memory? = nil, injects: Injection? = nil, command: [String]? = nil, health: HealthCheck? = nil, file: String = #fileID, line: Int = #line) -> Service {
        backing(.rabbitmq, name: name, image: image, environments: environments, hostPort: hostPort, resources: resources, storage: storage, injects: injects, command: command, health: health, file: file, line: line)
    }

    /// Prometheus with a generated scrape config covering `scrape` (the services' `metricsPath`, default `/metrics`).
    public static func prometheus(name: String = "prometheus", image: String? = nil, scrape: [String], environments: [Environment]? = nil, hostPort: Int? = nil, resources: Resources = .default, storage: Memory? = nil, file: String = #fileID, line: Int = #line) -> Service {
        var service = backing(.prometheus, name: name, image: image, environments: environments, hostPort: hostPort, dependsOn: [], resources: resources, storage: storage, file: file, line: line)
        service.scrapeTargets = scrape
        return service
    }

    /// Grafana, provisioned with the Prometheus data source `prometheus`. Its admin password is the secret `GRAFANA_ADMIN_PASSWORD`.
    public static func grafana(name: String = "grafana", image: String? = nil, prometheus: String = "prometheus", environments: [Environment]? = nil, hostPort: Int? = nil, resources: Resources = .default, storage: Memory? = nil, file: String = #fileID, line: Int = #line) -> Service {
        backing(.grafana, name: name, image: image, environments: environments, hostPort: hostPort, dependsOn: [prometheus], resources: resources, storage: storage, file: file, line: line)
    }

    /// A task queue the cloud provisions natively: an SQS queue on AWS, a Cloud Tasks queue on
    /// Google Cloud (with its API enabled), a Storage queue on Azure. Each service that lists it in
    /// `dependsOn` may enqueue (SQS send/receive, `roles/cloudtasks.enqueuer`, Storage Queue Data
    /// Contributor) and gets `<NAME>_QUEUE`: the queue's name on AWS and Azure
    /// (`gnosis-wraith-production-tasks`), its full resource name on Google Cloud
    /// (`projects/P/locations/R/queues/…`); on Azure also `<NAME>_QUEUE_URL`.
    ///
    /// It has no container: limit it with `environments:` to environments a cloud target deploys,
    /// and run a local broker (for example `.redis(environments: [.development])`) elsewhere.
    public static func queue(_ name: String = "queue", environments: [Environment]? = nil, file: String = #fileID, line: Int = #line) -> Service {
        backing(.queue, name: name, environments: environments, file: file, line: line)
    }

    /// A reverse proxy (`.nginx` or `.traefik`) routing path prefixes to services.
    public static func proxy(_ kind: Preset = .nginx, name: String = "proxy", image: String? = nil, routes: [String: String], environments: [Environment]? = nil, hostPort: Int? = nil, resources: Resources = .default, file: String = #fileID, line: Int = #line) -> Service {
        var service = backing(kind, name: name, image: image, environments: environments, hostPort: hostPort, dependsOn: routes.values.sorted(), resources: resources, file: file, line: line)
        service.routes = routes
        return service
    }
}

extension Service {
    /// Another process from the image of the `.app` or `.image` service `owner`: a queue worker or
    /// a scheduler next to a web server. It is built once, with `owner`'s build, and runs
    /// `command` in every environment; it is a compose service, a Kubernetes Deployment and a
    /// cloud service of its own.
    ///
    /// It never inherits the owner's image check (an HTTP request to the web server would fail in
    /// a worker): without `health:`, Kubernetes and the clouds probe nothing and compose checks
    /// only that the container runs, so `docker compose up --wait` waits for it on every compose
    /// version. That check runs `true` in an `.image` owner's image: give `health:` when the image
    /// has none on its `PATH` (a distroless one). It publishes a port only when `port:` names one.
    ///
    /// - Parameters:
    ///   - name: the service name (DNS-1123 label).
    ///   - owner: the `.app` or `.image` service whose image it runs.
    ///   - command: the process's command, for example `["celery", "-A", "shop", "worker"]`.
    ///   - The other parameters mean what they mean for `.app`.
    public static func process(
        _ name: String,
        of owner: String,
        command: [String],
        port: Int? = nil,
        ports: [NamedPort] = [],
        health: HealthCheck? = nil,
        environment: [String: Setting] = [:],
        secrets: [Secret] = [],
        volumes: [Volume] = [],
        dependsOn: [Dependency] = [],
        resources: Resources = .default,
        replicas: [Environment: Int] = [:],
        autoscale: [Environment: Autoscale] = [:],
        environments: [Environment]? = nil,
        writablePaths: [String] = [],
        egress: [Egress] = [],
        envFiles: [String] = [],
        processSettings: ProcessSettings? = nil,
        summary: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) -> Service {
        var service = Service(name: name, kind: .process, location: SourceLocation(file: file, line: line))
        service.processSettings = processSettings
        service.envFiles = envFiles
        service.configure(port: port, hostPort: nil, command: command, health: health, environment: environment,
                          secrets: secrets, volumes: volumes, dependsOn: dependsOn, resources: resources, replicas: replicas,
                          environments: environments, ingress: nil, writablePaths: writablePaths, egress: egress, summary: summary)
        service.imageOf = owner
        service.ports = ports
        service.autoscale = autoscale.byName
        return service
    }

    /// A one-shot task from `owner`'s image that runs `command` to completion before the services
    /// that depend on it start: a database migration, a seed, an index build. Compose waits for
    /// it (`service_completed_successfully`), Kubernetes runs it as a Job (a Helm hook in the
    /// chart), and each cloud as a one-off task the deploy workflow starts and waits for before it
    /// rolls out the services.
    ///
    /// Dependents list it in `dependsOn:`, as `"migrate"` or `.completed("migrate")`.
    ///
    /// - Parameters:
    ///   - name: the job name (DNS-1123 label).
    ///   - owner: the `.app` or `.image` service whose image it runs.
    ///   - command: what it runs, for example `["python", "manage.py", "migrate"]`.
    ///   - dependsOn: what it needs first (the database it migrates).
    ///   - timeout: seconds an attempt may run before it is stopped and counts as failed; `nil`
    ///     is 3600 (one hour). Kubernetes' `activeDeadlineSeconds`, the Cloud Run job's and the
    ///     Container Apps job's timeout, and on ECS the deploy stops the task after it. Compose
    ///     runs the job with no time limit (a note says so).
    ///   - retries: how many times a failed attempt is run again; `nil` is 0, so a failing
    ///     migration stops the deploy at once. Kubernetes' `backoffLimit`, the clouds' retry
    ///     limits; on ECS the deploy starts the task again. Compose runs it once.
    ///   - The other parameters mean what they mean for `.app`.
    public static func job(
        _ name: String,
        of owner: String,
        command: [String],
        environment: [String: Setting] = [:],
        secrets: [Secret] = [],
        volumes: [Volume] = [],
        dependsOn: [Dependency] = [],
        resources: Resources = .default,
        environments: [Environment]? = nil,
        writablePaths: [String] = [],
        egress: [Egress] = [],
        timeout: Int? = nil,
        retries: Int? = nil,
        summary: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) -> Service {
        var service = Service(name: name, kind: .process, location: SourceLocation(file: file, line: line))
        service.taskTimeout = timeout
        service.taskRetries = retries
        service.configure(port: nil, hostPort: nil, command: command, health: nil, environment: environment,
                          secrets: secrets, volumes: volumes, dependsOn: dependsOn, resources: resources, replicas: [:],
                          environments: environments, ingress: nil, writablePaths: writablePaths, egress: egress, summary: summary)
        service.imageOf = owner
        service.lifecycle = .job
        return service
    }

    /// A task from `owner`'s image that runs `command` to completion on `schedule`, a five-field
    /// cron expression in UTC (`"0 3 * * *"` is 03:00 every day). Kubernetes runs it as a CronJob,
    /// AWS with EventBridge Scheduler and an ECS task, Google Cloud with Cloud Scheduler and a
    /// Cloud Run job, Azure as a scheduled Container Apps job. Compose has no scheduler: the
    /// service is in the `scheduled` profile, so `up` leaves it alone and the host's crontab runs
    /// `docker compose run --rm <name>` (the deploy guide writes the line).
    ///
    /// - Parameters:
    ///   - name: the task name (DNS-1123 label).
    ///   - owner: the `.app` or `.image` service whose image it runs.
    ///   - schedule: minute, hour, day of month, month, day of week; numbers, `*`, ranges (`1-5`),
    ///     lists (`1,15`) and steps (`*/10`).
    ///   - command: what it runs, for example `["python", "manage.py", "send_digest"]`.
    ///   - timeout: seconds a run may take before it is stopped; `nil` is 3600. ECS has no run
    ///     time limit for a scheduled task (a note says so).
    ///   - retries: how many times a failed run is started again; `nil` is 0. EventBridge retries
    ///     only a failed start, not a failed run, so on ECS a note names it.
    ///   - The other parameters mean what they mean for `.app`.
    public static func cron(
        _ name: String,
        of owner: String,
        schedule: String,
        command: [String],
        environment: [String: Setting] = [:],
        secrets: [Secret] = [],
        volumes: [Volume] = [],
        dependsOn: [Dependency] = [],
        resources: Resources = .default,
        environments: [Environment]? = nil,
        writablePaths: [String] = [],
        egress: [Egress] = [],
        timeout: Int? = nil,
        retries: Int? = nil,
        summary: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) -> Service {
        var service = job(name, of: owner, command: command, environment: environment, secrets: secrets, volumes: volumes,
                          dependsOn: dependsOn, resources: resources, environments: environments, writablePaths: writablePaths,
                          egress: egress, timeout: timeout, retries: retries, summary: summary, file: file, line: line)
        service.lifecycle = .cron
        service.schedule = schedule
        return service
    }
}

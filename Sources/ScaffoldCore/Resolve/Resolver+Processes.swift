import BlueprintDescription

extension Resolver {
    /// Checks `.process`, `.job` and `.cron` declarations and the dependencies on them.
    func validateProcesses(_ blueprint: Blueprint, into errors: inout [ValidationError]) {
        let byName = Dictionary(blueprint.services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for service in blueprint.services {
            let at = service.location
            if let ownerName = service.imageOf {
                let what = "`.\(Self.factoryName(service))(\"\(service.name)\", of: \"\(ownerName)\")`"
                if let owner = byName[ownerName] {
                    if owner.kind != .app && owner.kind != .image {
                        errors.append(.invalidValue(service: service.name, field: what, problem: "names a \(owner.kind == .process ? "process" : "backing service"): `of:` names the `.app` or `.image` service whose image it runs", at: at))
                    } else if let ownerEnvironments = owner.environments {
                        let missing = (service.environments ?? blueprint.environments.map(\.name)).filter { !ownerEnvironments.contains($0) }
                        if !missing.isEmpty {
                            errors.append(.invalidValue(service: service.name, field: what, problem: "runs in \(missing.joined(separator: ", ")), where '\(ownerName)' does not, so its image isn't there: limit `environments:` to \(ownerEnvironments.joined(separator: ", ")), or add them to '\(ownerName)'", at: at))
                        }
                    }
                } else {
                    errors.append(.unknownDependency(service: service.name, dependency: ownerName, at: at, known: byName.keys.sorted()))
                }
                if service.command?.isEmpty ?? true {
                    errors.append(.invalidValue(service: service.name, field: "command", problem: "is empty: a process of another service's image needs the command it runs", at: at))
                }
            }
            if service.lifecycle == .cron {
                if let problem = Self.scheduleProblem(service.schedule ?? "") {
                    errors.append(.invalidValue(service: service.name, field: "schedule \"\(service.schedule ?? "")\"", problem: problem, at: at))
                }
            }
            if let timeout = service.taskTimeout, !(Self.taskTimeoutRange).contains(timeout) {
                errors.append(.invalidValue(service: service.name, field: "timeout \(timeout)", problem: "must be between \(Self.taskTimeoutRange.lowerBound) and \(Self.taskTimeoutRange.upperBound) seconds (one minute to a day): split longer work into several runs", at: at))
            }
            if let retries = service.taskRetries, !(Self.taskRetryRange).contains(retries) {
                errors.append(.invalidValue(service: service.name, field: "retries \(retries)", problem: "must be between \(Self.taskRetryRange.lowerBound) and \(Self.taskRetryRange.upperBound), the most Cloud Run runs a failed task again", at: at))
            }
            for name in service.completedDependencies where byName[name].map({ $0.lifecycle != .job }) ?? false {
                errors.append(.invalidValue(service: service.name, field: "dependsOn .completed(\"\(name)\")", problem: "names a service that runs until stopped, so it never completes: write \"\(name)\" to wait until it is healthy, or make '\(name)' a `.job`", at: at))
            }
            for name in service.dependsOn where byName[name]?.lifecycle == .cron {
                errors.append(.invalidValue(service: service.name, field: "dependsOn '\(name)'", problem: "is a `.cron` task, which runs on its schedule and never before a deploy: remove it from dependsOn, or declare a `.job` with the same command for what must run first", at: at))
            }
            if service.lifecycle != .service, blueprint.services.contains(where: { $0.preset == .prometheus && $0.scrapeTargets.contains(service.name) }) {
                errors.append(.invalidValue(service: service.name, field: "scrape target", problem: "is a \(service.lifecycle.rawValue), which exits: Prometheus can't scrape it; push its metrics from a long-running service", at: at))
            }
        }
    }

    /// The seconds a `.job` or `.cron` attempt may run: Cloud Run, Container Apps, Kubernetes and
    /// the ECS deploy wait all take a day.
    static let taskTimeoutRange = 60...86_400
    /// How often a failed `.job` or `.cron` attempt may run again (Cloud Run's `max_retries` limit).
    static let taskRetryRange = 0...10

    /// `process`, `job` or `cron`: what Blueprint.swift called to declare `service`.
    static func factoryName(_ service: Service) -> String {
        switch service.lifecycle {
        case .service: return "process"
        case .job: return "job"
        case .cron: return "cron"
        }
    }

    /// What is wrong with a five-field cron schedule, or nil when Kubernetes, EventBridge, Cloud
    /// Scheduler and Container Apps all read it the same way.
    static func scheduleProblem(_ schedule: String) -> String? {
        let fields = schedule.split(separator: " ", omittingEmptySubsequences: true)
        let usage = "needs five fields, minute hour day-of-month month day-of-week, of numbers, `*`, ranges `1-5`, lists `1,15` and steps `*/10`, like \"0 3 * * *\""
        guard fields.count == 5 else { return usage }
        let ranges = [0...59, 0...23, 1...31, 1...12, 0...6]
        for (field, range) in zip(fields, ranges) {
            for part in field.split(separator: ",", omittingEmptySubsequences: false) {
                let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
                guard (1...2).contains(pieces.count) else { return usage }
                if pieces.count == 2 {
                    guard let step = Int(pieces[1]), step >= 1 else { return usage }
                }
                if pieces[0] == "*" { continue }
                let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
                guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.map(range.contains) ?? false }) else {
                    return "has '\(part)', outside \(range.lowerBound)-\(range.upperBound) for its field: it " + usage
                }
                if bounds.count == 2, let low = bounds[0], let high = bounds[1], low > high { return usage }
            }
        }
        return nil
    }

    /// Gives every `.process`, `.job` and `.cron` its owner's image: the same build (so there is
    /// one Dockerfile, one image and one CI build) with the process's own command.
    static func linkingProcesses(_ services: [ResolvedService]) -> [ResolvedService] {
        let byName = Dictionary(services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return services.map { service in
            guard let ownerName = service.imageOf, let owner = byName[ownerName] else { return service }
            var service = service
            service.imageRepository = owner.imageRepository
            service.imageTag = owner.imageTag
            service.imageDigest = owner.imageDigest
            service.uid = service.processSettings?.user ?? owner.uid
            if var build = owner.build {
                build.command = service.command ?? []
                build.devCommand = service.command ?? []
                service.build = build
                service.writablePaths = Array(Set(service.writablePaths + RuntimeDefaults.writablePaths(build.runtime))).sorted()
            }
            return service
        }
    }
}

import BlueprintDescription

/// One thing wrong with a blueprint, pointing at the line that declares it.
public enum ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidName(kind: String, name: String, at: SourceLocation?)
    case duplicateName(kind: String, name: String, at: SourceLocation?, first: SourceLocation?)
    case unknownDependency(service: String, dependency: String, at: SourceLocation, known: [String] = [])
    case dependencyCycle(path: [String], at: SourceLocation)
    case unknownEnvironment(name: String, usedBy: String, at: SourceLocation?)
    case hostPortClash(port: Int, environment: String, services: [String], at: SourceLocation)
    case secretGivenAsValue(service: String, variable: String, at: SourceLocation)
    case secretNameInvalid(service: String, secret: String, at: SourceLocation)
    case pathEscapesProject(service: String, path: String, at: SourceLocation)
    case invalidValue(service: String, field: String, problem: String, at: SourceLocation)
    case unpinnedImage(service: String, image: String, at: SourceLocation)
    case notDeployable(service: String, environment: String, platform: String, at: SourceLocation)
    case volumeNotPersistable(service: String, volume: String, environment: String, platform: String, at: SourceLocation)
    case invalidServiceURL(service: String, variable: String, target: String, problem: String, at: SourceLocation)
    case noEnvironments(at: SourceLocation)

    /// Where in Blueprint.swift the problem is.
    public var location: SourceLocation? {
        switch self {
        case .invalidName(_, _, let at), .duplicateName(_, _, let at, _), .unknownEnvironment(_, _, let at): return at
        case .unknownDependency(_, _, let at, _), .dependencyCycle(_, let at), .hostPortClash(_, _, _, let at),
             .secretGivenAsValue(_, _, let at), .secretNameInvalid(_, _, let at), .pathEscapesProject(_, _, let at),
             .invalidValue(_, _, _, let at), .unpinnedImage(_, _, let at), .notDeployable(_, _, _, let at), .noEnvironments(let at),
             .volumeNotPersistable(_, _, _, _, let at), .invalidServiceURL(_, _, _, _, let at):
            return at
        }
    }

    /// What is wrong and what to do.
    public var message: String {
        switch self {
        case let .invalidName(kind, name, _):
            return "\(kind) name '\(name)' is not a valid name: use lowercase letters, digits and '-', start with a letter (Kubernetes Service names are DNS-1035 labels) and end with a letter or digit, at most 63 characters"
        case let .duplicateName(kind, name, _, first):
            let firstLine = first.map { " (first declared on line \($0.line))" } ?? ""
            return "duplicate \(kind) name '\(name)'\(firstLine): give each \(kind) a unique name"
        case let .unknownDependency(service, dependency, _, known):
            let guess = Self.closest(to: dependency, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            return "service '\(service)' depends on '\(dependency)', which is not declared\(guess): add the service or fix the name"
        case let .dependencyCycle(path, _):
            return "dependsOn forms a cycle: \(path.joined(separator: " -> ")): remove one of these dependencies"
        case let .unknownEnvironment(name, usedBy, _):
            return "\(usedBy) names environment '\(name)', which is not in the blueprint's environments: add it to `environments:` or fix the name"
        case let .hostPortClash(port, environment, services, _):
            return "host port \(port) is published by \(services.map { "'\($0)'" }.joined(separator: " and ")) in \(environment): give one of them another `hostPort:`"
        case let .secretGivenAsValue(service, variable, _):
            return "service '\(service)' sets \(variable) to a value that looks like a credential: move it to `secrets: [\"\(variable)\"]` (or, for a connection URL, let dependsOn inject it) and keep the value in the secret store"
        case let .secretNameInvalid(service, secret, _):
            return "service '\(service)' lists a secret '\(secret)' that is not a name: secrets are names like OPENAI_API_KEY, and their values live in .env or the cloud secret store, never in Blueprint.swift"
        case let .pathEscapesProject(service, path, _):
            return "service '\(service)' uses path '\(path)', which is outside the project: use a relative path inside the project folder"
        case let .invalidValue(service, field, problem, _):
            return "service '\(service)': \(field) \(problem)"
        case let .unpinnedImage(service, image, _):
            return "service '\(service)' uses image '\(image)' without a pinned tag: name a specific version tag or a digest (repository:1.2.3 or repository@sha256:...), never latest"
        case let .notDeployable(service, environment, platform, _):
            return "service '\(service)' runs in \(environment), which deploys to \(platform), where scaffold cannot run it as a container: mark it `managed: [...]` there (redis, postgres, mysql) or limit it with `environments:`"
        case let .volumeNotPersistable(service, volume, environment, platform, _):
            return "service '\(service)' keeps data in the named volume '\(volume)' in \(environment), which deploys to \(platform), where scaffold has no persistent volume to give it: limit the volume with `environments:` (and keep that state in a managed service), accept a folder emptied whenever an instance stops there with `serverless: .scratch`, or keep it on the cloud's file storage with `serverless: .fileSystem` (or `.shared` for several services): an EFS file system on ECS, a Cloud Storage bucket on Cloud Run, an Azure Files share on Container Apps"
        case let .invalidServiceURL(service, variable, target, problem, _):
            return "service '\(service)' sets \(variable) to .url(of: \"\(target)\"), but \(problem)"
        case .noEnvironments:
            return "the blueprint declares no environments: add at least `.development`"
        }
    }

    /// `FILE:LINE: error: MESSAGE` with the blueprint's display path.
    /// The name in `candidates` nearest to `name` by edit distance, when it is close enough to be a typo.
    static func closest(to name: String, in candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var previous = row[0]
                row[0] = i + 1
                for (j, y) in b.enumerated() {
                    let current = row[j + 1]
                    row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (x == y ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
        let scored = candidates.map { ($0, distance(Array(name), Array($0))) }.filter { $0.1 <= max(1, name.count / 3) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    public func rendered(file: String) -> String {
        if let line = location?.line { return "\(file):\(line): error: \(message)" }
        return "\(file): error: \(message)"
    }

    public var description: String { rendered(file: "Blueprint.swift") }
}

/// Every problem found in a blueprint; nothing is rendered when there is one.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    /// The problems, in blueprint order.
    public var errors: [ValidationError]
    /// The blueprint path shown in messages.
    public var file: String
    /// Per error, the line of the value itself when it was found on its own line (see `pointingAtValues`).
    public var valueLines: [Int?]

    /// A failure.
    public init(errors: [ValidationError], file: String) {
        self.errors = errors
        self.file = file
        valueLines = errors.map { _ in nil }
    }

    public var description: String {
        zip(errors, valueLines).map { error, line in
            guard let line else { return error.rendered(file: file) }
            return "\(file):\(line): error: \(error.message)"
        }.joined(separator: "\n")
    }

    /// The failure with each error pointing at the line of the value it is about, when that value
    /// is on a line of its own within the declaration: the first line from the declaration's
    /// start, before the next declaration starts (`declarationLines`), that holds the error's
    /// `searchKey`.
    public func pointingAtValues(source: String, declarationLines: [Int]) -> ValidationFailure {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let starts = Set(declarationLines).sorted()
        var refined = self
        refined.valueLines = errors.map { error in
            guard let key = error.searchKey, let start = error.location?.line, start >= 1, start <= lines.count else { return nil }
            let end = min(starts.first { $0 > start } ?? (lines.count + 1), lines.count + 1)
            for number in start..<end where lines[number - 1].contains(key) {
                return number == start ? nil : number
            }
            return nil
        }
        return refined
    }
}

extension ValidationError {
    /// Text that marks the value an error is about in Blueprint.swift, for `pointingAtValues`.
    public var searchKey: String? {
        switch self {
        case let .secretGivenAsValue(_, variable, _): return "\"\(variable)\""
        case let .unknownDependency(_, dependency, _, _): return "\"\(dependency)\""
        case let .unpinnedImage(_, image, _): return "\"\(image)\""
        case let .secretNameInvalid(_, secret, _): return "\"\(secret)\""
        case let .pathEscapesProject(_, path, _): return "\"\(path)\""
        case let .invalidServiceURL(_, variable, _, _, _): return "\"\(variable)\""
        case let .invalidValue(_, field, _, _):
            if let quoted = field.split(separator: "'").dropFirst().first { return "\"\(quoted)\"" }
            guard let word = field.split(separator: " ").first else { return nil }
            switch word {
            case "resources": return "Resources("
            case "scrapeTargets": return "scrape:"
            default: return "\(word):"
            }
        default: return nil
        }
    }
}

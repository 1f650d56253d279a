/// A place scaffold deploys to: a cloud platform or a Kubernetes cluster, for some environments.
public struct Target: Codable, Hashable, Sendable {
    /// The cloud or cluster kind.
    public enum Platform: String, Codable, Sendable {
        /// AWS ECS on Fargate (Terraform under `deploy/terraform/aws`).
        case ecsFargate
        /// Google Cloud Run v2 (Terraform under `deploy/terraform/gcp`).
        case cloudRun
        /// Azure Container Apps (Terraform under `deploy/terraform/azure`).
        case containerApps
        /// Any Kubernetes cluster (kustomize under `deploy/kubernetes`, Helm under `deploy/helm`).
        case kubernetes
    }

    /// The platform.
    public var platform: Platform
    /// The AWS region, GCP region or Azure location.
    public var region: String?
    /// The GCP project id.
    public var project: String?
    /// The environments deployed there.
    public var environments: [String]
    /// Fargate capacity: tasks always on FARGATE (`base`), then `fargateWeight : spotWeight` across FARGATE and FARGATE_SPOT.
    public var capacity: Capacity?
    /// The Kubernetes flavour, for documentation and ingress defaults: `eks`, `gke`, `aks` or `any`.
    public var cluster: String?
    /// The Kubernetes ingress class.
    public var ingressClass: String?
    /// Security options a platform team decides on; each unlocks a hardening a linter asks for.
    public var security: Security
    /// Alerts from the cloud's own monitoring; nil sets up none.
    public var monitoring: Monitoring?
    /// Where the declaration is in Blueprint.swift.
    public var location: SourceLocation

    /// AWS ECS Fargate in `region`.
    public static func aws(region: String, environments: [Environment], capacity: Capacity = .onDemand, security: Security = Security(), monitoring: Monitoring? = nil, file: String = #fileID, line: Int = #line) -> Target {
        Target(platform: .ecsFargate, region: region, project: nil, environments: environments.map(\.name), capacity: capacity, cluster: nil, ingressClass: nil, security: security, monitoring: monitoring, location: SourceLocation(file: file, line: line))
    }

    /// Google Cloud Run in `project` and `region`.
    public static func gcp(project: String, region: String, environments: [Environment], security: Security = Security(), monitoring: Monitoring? = nil, file: String = #fileID, line: Int = #line) -> Target {
        Target(platform: .cloudRun, region: region, project: project, environments: environments.map(\.name), capacity: nil, cluster: nil, ingressClass: nil, security: security, monitoring: monitoring, location: SourceLocation(file: file, line: line))
    }

    /// Azure Container Apps in `location`.
    public static func azure(location: String, environments: [Environment], security: Security = Security(), monitoring: Monitoring? = nil, file: String = #fileID, line: Int = #line) -> Target {
        Target(platform: .containerApps, region: location, project: nil, environments: environments.map(\.name), capacity: nil, cluster: nil, ingressClass: nil, security: security, monitoring: monitoring, location: SourceLocation(file: file, line: line))
    }

    /// A Kubernetes cluster (`"any"`, `"eks"`, `"gke"` or `"aks"`), deployed with kustomize or Helm.
    public static func kubernetes(cluster: String = "any", ingressClass: String = "nginx", environments: [Environment], file: String = #fileID, line: Int = #line) -> Target {
        Target(platform: .kubernetes, region: nil, project: nil, environments: environments.map(\.name), capacity: nil, cluster: cluster, ingressClass: ingressClass, security: Security(), monitoring: nil, location: SourceLocation(file: file, line: line))
    }
}

/// How Fargate tasks are spread over on-demand and spot capacity.
public struct Capacity: Codable, Hashable, Sendable {
    /// Tasks always placed on on-demand FARGATE.
    public var base: Int
    /// Relative weight of FARGATE beyond the base.
    public var fargateWeight: Int
    /// Relative weight of FARGATE_SPOT beyond the base.
    public var spotWeight: Int

    /// All tasks on on-demand FARGATE.
    public static let onDemand = Capacity(base: 0, fargateWeight: 1, spotWeight: 0)

    /// `base` tasks on FARGATE, the rest split `fargate : spot`, for example `.spot(base: 1, fargate: 1, spot: 3)`.
    public static func spot(base: Int = 1, fargate: Int = 1, spot: Int = 3) -> Capacity {
        Capacity(base: base, fargateWeight: fargate, spotWeight: spot)
    }
}

/// Decisions a platform team makes that linters ask about. Each `nil` keeps the hardening off and
/// the generated file carries an in-line skip that says which option turns it on.
public struct Security: Codable, Hashable, Sendable {
    /// A bucket (AWS) for load balancer access logs.
    public var accessLogBucket: String?
    /// A WAF web ACL ARN/id to attach to public entry points.
    public var wafACL: String?
    /// A customer-managed KMS key ARN/id for logs, registries and secrets.
    public var kmsKey: String?
    /// The TLS certificate ARN (AWS) for HTTPS listeners; a variable when nil.
    public var certificate: String?

    /// Options; all default to off.
    public init(accessLogBucket: String? = nil, wafACL: String? = nil, kmsKey: String? = nil, certificate: String? = nil) {
        self.accessLogBucket = accessLogBucket
        self.wafACL = wafACL
        self.kmsKey = kmsKey
        self.certificate = certificate
    }
}

/// Alerts from the cloud's own monitoring, for the environments a cloud target deploys: on AWS
/// CloudWatch alarms (CPU and memory per service; 5xx answers and unhealthy targets per public
/// service) to an SNS topic, and a CloudWatch dashboard; on Google Cloud alert policies (5xx
/// answers, CPU and memory per Cloud Run service) to an email channel; on Azure metric alerts
/// (5xx answers, CPU and memory per container app) to an action group. Each sends to `email`.
public struct Monitoring: Codable, Hashable, Sendable {
    /// Where alerts go, for example `oncall@example.com`.
    public var email: String
    /// Percent of the reserved CPU or memory above which a service alerts (default 80).
    public var utilizationPercent: Int
    /// Server errors (HTTP 5xx) in five minutes above which a public service alerts (default 10).
    public var serverErrors: Int

    /// Alerts to `email`.
    public static func alerts(email: String, utilizationPercent: Int = 80, serverErrors: Int = 10) -> Monitoring {
        Monitoring(email: email, utilizationPercent: utilizationPercent, serverErrors: serverErrors)
    }
}

/// Codable by hand: a recorded model (`.scaffold/resolved.json`) omits source locations.
extension Target {
    enum CodingKeys: String, CodingKey {
        case platform, region, project, environments, capacity, cluster, ingressClass, security, monitoring, location
    }

    /// Decodes a target; a model recorded without source locations decodes with an empty one.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        platform = try container.decode(Platform.self, forKey: .platform)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        project = try container.decodeIfPresent(String.self, forKey: .project)
        environments = try container.decode([String].self, forKey: .environments)
        capacity = try container.decodeIfPresent(Capacity.self, forKey: .capacity)
        cluster = try container.decodeIfPresent(String.self, forKey: .cluster)
        ingressClass = try container.decodeIfPresent(String.self, forKey: .ingressClass)
        security = try container.decode(Security.self, forKey: .security)
        monitoring = try container.decodeIfPresent(Monitoring.self, forKey: .monitoring)
        location = try container.decodeIfPresent(SourceLocation.self, forKey: .location) ?? SourceLocation(file: "", line: 0)
    }

    /// Encodes a target; under `CodingUserInfoKey.omitsSourceLocations` without its location, so a
    /// recorded model doesn't change when a declaration moves to another line.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(platform, forKey: .platform)
        try container.encodeIfPresent(region, forKey: .region)
        try container.encodeIfPresent(project, forKey: .project)
        try container.encode(environments, forKey: .environments)
        try container.encodeIfPresent(capacity, forKey: .capacity)
        try container.encodeIfPresent(cluster, forKey: .cluster)
        try container.encodeIfPresent(ingressClass, forKey: .ingressClass)
        try container.encode(security, forKey: .security)
        try container.encodeIfPresent(monitoring, forKey: .monitoring)
        if encoder.userInfo[.omitsSourceLocations] as? Bool != true {
            try container.encode(location, forKey: .location)
        }
    }
}

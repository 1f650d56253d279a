import Mustache
import BlueprintDescription

/// Multi-stage Dockerfiles and `.dockerignore` files for every service built from source.
///
/// One template per runtime (`Templates/containers/<language>.Dockerfile.mustache`), each with a
/// cached dependency stage, a `development` target with hot reload and a hardened `production`
/// target (numeric non-root user 10001, exec-form CMD, EXPOSE, a HEALTHCHECK that works in that image).
public struct ContainersGenerator: ArtifactGenerator {
    /// The family name.
    public var family: String { "containers" }

    /// A generator.
    public init() {}

    /// A Dockerfile and an ignore file per built service.
    public func requests(for project: ResolvedProject) throws -> [RenderRequest] {
        try project.builtServices.flatMap { service -> [RenderRequest] in
            guard let build = service.build else { return [] }
            let context = DockerfileContext(service: service, build: build, project: project)
            var requests = [
                try RenderRequest(template: "containers/\(Self.templateName(build.runtime.language)).Dockerfile", path: build.dockerfile, context: context, format: .dockerfile),
                try RenderRequest(template: "containers/dockerignore", path: build.dockerignore, context: context, format: EscapeFormat.none),
            ]
            if build.runtime.language == .staticSite {
                let prefix = build.context == "." ? "" : build.context + "/"
                requests.append(try RenderRequest(template: "containers/nginx.conf", path: prefix + "nginx.conf", context: context, format: EscapeFormat.none))
            }
            return requests
        }
    }

    /// The template stem for a language.
    static func templateName(_ language: Runtime.Language) -> String {
        switch language {
        case .staticSite: return "static"
        default: return language.rawValue
        }
    }
}

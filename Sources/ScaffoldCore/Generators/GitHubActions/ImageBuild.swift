/// One built service's image: what images.yml builds and deploy.yml copies or rolls out.
struct ImageBuild: Encodable {
    /// The service name.
    var name: String
    /// The build context relative to the project root.
    var context: String
    /// The Dockerfile relative to the project root.
    var dockerfile: String
    /// The image repository in the blueprint's registry, without tag.
    var image: String

    /// The image of a built service.
    init(_ service: ResolvedService, build: ResolvedBuild) {
        name = service.name
        context = build.context
        dockerfile = build.dockerfile
        image = service.imageRepository
    }

    /// The images of every service built from source, in declaration order.
    static func all(_ project: ResolvedProject) -> [ImageBuild] {
        project.builtServices.compactMap { service in service.build.map { ImageBuild(service, build: $0) } }
    }
}

/// One artifact family (containers, compose, Kubernetes, ...): decides which files exist and what
/// goes into each, as render requests. Generators are pure: no disk, clock or environment.
public protocol ArtifactGenerator: Sendable {
    /// The family name, also its folder under `Sources/ScaffoldCore/Generators/` and `Templates/`.
    var family: String { get }
    /// The files this family produces for `project`.
    func requests(for project: ResolvedProject) throws -> [RenderRequest]
    /// Blueprint settings this family's targets can't express exactly, for `project`.
    func notes(for project: ResolvedProject) -> [FidelityNote]
}

extension ArtifactGenerator {
    /// No notes: the family expresses everything it is given.
    public func notes(for project: ResolvedProject) -> [FidelityNote] { [] }
}

import Foundation

/// What one render derives from a project more than once, computed once: the Kubernetes plan
/// (read by the kustomize and Helm families and by their notes), each family's render requests
/// and notes (the deploy guide lists every family's paths and notes).
///
/// `Pipeline` installs one for the duration of a render (a task-local value, so generators keep
/// their pure `requests(for:)` signature); outside a render, or for another project than the one
/// it was made for, every lookup just computes. Generators are pure, so a memoized value is
/// exactly what computing it again would give.
public final class RenderMemo: @unchecked Sendable {
    /// The project the memo's values were derived from.
    let project: ResolvedProject
    private let lock = NSLock()
    private var values: [Key: Box] = [:]

    /// A value, boxed so that a memoized `nil` is told from a missing entry.
    struct Box { var value: Any }

    struct Key: Hashable {
        var type: ObjectIdentifier
        var name: String
    }

    init(project: ResolvedProject) {
        self.project = project
    }

    /// The memo of the render in progress.
    @TaskLocal static var current: RenderMemo?

    /// `make()`, or what it returned the last time it was asked for `name` of type `T` in the
    /// render of `project`.
    static func value<T>(_ name: String, of type: T.Type = T.self, project: ResolvedProject, _ make: () throws -> T) rethrows -> T {
        // Array equality is a pointer comparison for the same (copied) project, so this is cheap.
        guard let memo = current, memo.project == project else { return try make() }
        let key = Key(type: ObjectIdentifier(T.self), name: name)
        memo.lock.lock()
        let cached = memo.values[key]
        memo.lock.unlock()
        if let cached, let value = cached.value as? T { return value }
        let value = try make()
        memo.lock.lock()
        memo.values[key] = Box(value: value)
        memo.lock.unlock()
        return value
    }

    /// Runs `body` with a memo for `project` installed, unless one for it already is.
    static func scope<R>(_ project: ResolvedProject, _ body: () throws -> R) rethrows -> R {
        if let memo = current, memo.project == project { return try body() }
        return try $current.withValue(RenderMemo(project: project), operation: body)
    }
}

extension ArtifactGenerator {
    /// The key of this generator's memoized values: its type and family. Only generators without
    /// configuration are memoized (a deploy guide is configured with the families it lists).
    var memoName: String { "\(String(reflecting: Self.self)).\(family)" }

    /// `requests(for:)`, once per render.
    func memoizedRequests(for project: ResolvedProject) throws -> [RenderRequest] {
        guard !(self is DocsGenerator) else { return try requests(for: project) }
        return try RenderMemo.value("requests:\(memoName)", project: project) { try requests(for: project) }
    }

    /// The paths of `requests(for:)`, once per render: the pipeline records them as it renders
    /// each family, so the deploy guide, rendered after the families it lists, reads them without
    /// building their contexts again.
    func memoizedPaths(for project: ResolvedProject) throws -> [String] {
        guard !(self is DocsGenerator) else { return try requests(for: project).map(\.path) }
        return try RenderMemo.value("paths:\(memoName)", project: project) { try memoizedRequests(for: project).map(\.path) }
    }

    /// Records `paths` as this generator's paths in the render in progress.
    func recordPaths(_ paths: [String], for project: ResolvedProject) {
        guard !(self is DocsGenerator) else { return }
        _ = RenderMemo.value("paths:\(memoName)", project: project) { paths }
    }

    /// `notes(for:)`, once per render.
    func memoizedNotes(for project: ResolvedProject) -> [FidelityNote] {
        guard !(self is DocsGenerator) else { return notes(for: project) }
        return RenderMemo.value("notes:\(memoName)", project: project) { notes(for: project) }
    }
}

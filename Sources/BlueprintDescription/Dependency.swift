/// A service another one needs, written in `dependsOn:`: a name (`"postgres"`), or
/// `.completed("migrate")` for a `.job` that must have run to completion first.
///
/// Whatever the spelling, a dependent starts after its dependencies are healthy (or started, when
/// they have no health check) and after the jobs it depends on have exited successfully, and it
/// gets their connection settings.
public struct Dependency: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The service's name.
    public var name: String
    /// Whether it was written `.completed(...)`: the name must then be a `.job`.
    public var completed: Bool

    /// A dependency on the service called `value`.
    public init(stringLiteral value: String) {
        self.name = value
        self.completed = false
    }

    /// A dependency on the service called `name`.
    public init(_ name: String) {
        self.name = name
        self.completed = false
    }

    /// The `.job` called `name`, which must have completed successfully before the dependent starts.
    public static func completed(_ name: String) -> Dependency {
        var dependency = Dependency(name)
        dependency.completed = true
        return dependency
    }
}

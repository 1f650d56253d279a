/// An emptyDir volume and where it is mounted: the runtime's writable paths on a read-only root
/// filesystem, and scratch volumes (`medium: Memory`).
public struct VolumeContext: Encodable, Hashable, Sendable {
    /// The volume name, a DNS-1123 label derived from the path.
    public var name: String
    /// The mount path.
    public var path: String
    /// True for in-memory scratch space.
    public var inMemory: Bool
}

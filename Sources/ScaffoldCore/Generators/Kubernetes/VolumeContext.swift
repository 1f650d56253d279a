/// An emptyDir volume and where it is mounted: the runtime's writable paths on a read-only root
/// filesystem, and scratch volumes (`medium: Memory`).
public struct VolumeContext: Encodable, Hashable, Sendable {
    /// The volume name, a DNS-1123 label derived from the path.
    public var name: String
    /// The mount path.
    public var path: String
    /// True for in-memory scratch space.
    public var inMemory: Bool
    /// The in-memory volume's size limit (`/dev/shm` from `shmSize`), empty for none.
    public var sizeLimit: String = ""
    /// True when `sizeLimit` is set.
    public var hasSizeLimit: Bool = false
    /// The shared ReadWriteMany claim it mounts (`.shared` volumes), empty for an emptyDir.
    public var claim: String = ""
    /// True when `claim` names one.
    public var isClaim: Bool = false
}

/// A ReadWriteMany PersistentVolumeClaim several services of an environment mount.
public struct SharedClaimContext: Encodable, Hashable, Sendable {
    /// The claim's name: `shared-<volume>`.
    public var name: String
    /// The volume's name in Blueprint.swift.
    public var volume: String
    /// The storage request.
    public var size: String
    /// The services that mount it, in declaration order.
    public var services: [ListItem]
    /// The project name (the chart's helpers).
    public var project: String
}

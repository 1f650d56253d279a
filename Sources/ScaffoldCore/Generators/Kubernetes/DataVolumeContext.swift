/// A backing service's persistent data directory: a StatefulSet volume claim template.
public struct DataVolumeContext: Encodable, Hashable, Sendable {
    /// The claim template's name.
    public var name: String
    /// The mount path.
    public var path: String
    /// The requested size, for example `10Gi`.
    public var size: String
}

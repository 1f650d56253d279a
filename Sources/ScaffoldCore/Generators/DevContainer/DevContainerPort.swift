/// One forwarded port, with whether it is the last one (no comma after it).
struct DevContainerPort: Encodable {
    /// The port number, rendered as a JSON number.
    var port: Int
    /// Whether it is the last port.
    var last: Bool
}

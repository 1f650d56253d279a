/// Lets the keyed container recognise `Optional.none` whatever the wrapped type, so that nil
/// optionals leave their key out instead of writing `null`.
protocol OptionalEncodingMarker {
    var isNone: Bool { get }
}

extension Optional: OptionalEncodingMarker {
    var isNone: Bool { self == nil }
}

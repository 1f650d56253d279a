import Foundation

extension TemplateValue {
    /// Builds a render context from any `Encodable` value, with a dedicated encoder (not a JSON
    /// round trip), so `Bool` stays ``bool(_:)`` and integers stay ``int(_:)`` on every platform.
    ///
    /// - Structs, classes and dictionaries become ``object(_:)``; arrays and sets ``array(_:)``.
    /// - A `nil` optional property leaves its key out of the object, so strict mode reports it as
    ///   missing and `{{^key}}` can test for it; a `nil` array element stays ``null``.
    /// - `Date` becomes an ISO 8601 string, `URL` its absolute string, `Data` base64, and
    ///   `Decimal` a ``double(_:)``. A ``TemplateValue`` inside the value is kept as it is.
    ///
    /// - Throws: `EncodingError` when the value's own `encode(to:)` throws, or when an unsigned
    ///   integer does not fit in `Int`.
    public init<T: Encodable>(encoding value: T) throws {
        self = try TemplateValueEncoder.encode(value, codingPath: []).value
    }
}

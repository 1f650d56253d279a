import Foundation

/// The `Encoder` behind ``TemplateValue/init(encoding:)``: it writes straight into
/// ``TemplateValue`` cells, so booleans stay booleans and integers stay integers (no JSON round
/// trip, where Linux Foundation cannot tell `true` from `1`).
final class TemplateValueEncoder: Encoder {
    let box: EncodingBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(box: EncodingBox, codingPath: [any CodingKey]) {
        self.box = box
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.becomeObject()
        return KeyedEncodingContainer(KeyedValueEncodingContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.becomeArray()
        return UnkeyedValueEncodingContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ScalarValueEncodingContainer(box: box, codingPath: codingPath)
    }

    /// Encodes `value` into a fresh cell. Values Foundation would otherwise encode as nested
    /// structures get a friendlier scalar: dates as ISO 8601 strings, URLs as their absolute
    /// string, `Data` as base64, `Decimal` as a number.
    static func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> EncodingBox {
        if let scalar = try scalarValue(of: value, codingPath: codingPath) {
            return EncodingBox(scalar)
        }
        let box = EncodingBox()
        try value.encode(to: TemplateValueEncoder(box: box, codingPath: codingPath))
        return box
    }

    /// The value for types that map directly to a ``TemplateValue`` case, or `nil`.
    static func scalarValue<T: Encodable>(of value: T, codingPath: [any CodingKey]) throws -> TemplateValue? {
        switch value {
        case let value as TemplateValue: return value
        case let value as String: return .string(value)
        case let value as Bool: return .bool(value)
        case let value as Int: return .int(value)
        case let value as Double: return .double(value)
        case let value as Date: return .string(ISO8601DateFormatter().string(from: value))
        case let value as URL: return .string(value.absoluteString)
        case let value as Data: return .string(value.base64EncodedString())
        case let value as Decimal: return .double(NSDecimalNumber(decimal: value).doubleValue)
        default: return nil
        }
    }

    /// Converts any fixed-width integer, reporting values that do not fit in `Int`.
    static func integer<I: BinaryInteger>(_ value: I, codingPath: [any CodingKey]) throws -> TemplateValue {
        guard let exact = Int(exactly: value) else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: codingPath,
                debugDescription: "\(value) does not fit in Int; encode it as a String instead"))
        }
        return .int(exact)
    }

    /// Converts a `Float` through its shortest decimal spelling, so `0.1` stays `0.1`.
    static func float(_ value: Float) -> TemplateValue {
        .double(Double(value.description) ?? Double(value))
    }
}

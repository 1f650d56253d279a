import Foundation

/// Writes one scalar (or one nested value) into a cell.
struct ScalarValueEncodingContainer: SingleValueEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    private func set(_ value: TemplateValue) {
        box.storage = .value(value)
    }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(.double(value)) }
    mutating func encode(_ value: Float) throws { set(TemplateValueEncoder.float(value)) }
    mutating func encode(_ value: Int) throws { set(.int(value)) }
    mutating func encode(_ value: Int8) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try encodeInteger(value) }

    private func encodeInteger<I: BinaryInteger>(_ value: I) throws {
        set(try TemplateValueEncoder.integer(value, codingPath: codingPath))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let scalar = try TemplateValueEncoder.scalarValue(of: value, codingPath: codingPath) {
            set(scalar)
        } else {
            try value.encode(to: TemplateValueEncoder(box: box, codingPath: codingPath))
        }
    }
}

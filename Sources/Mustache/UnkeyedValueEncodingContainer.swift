import Foundation

/// Appends elements to an array cell. `nil` elements are kept as ``TemplateValue/null`` so that
/// positions are preserved.
struct UnkeyedValueEncodingContainer: UnkeyedEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]
    var count: Int { box.count }

    private func append(_ value: TemplateValue) {
        box.append(EncodingBox(value))
    }

    private var nextPath: [any CodingKey] { codingPath + [IndexCodingKey(index: count)] }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.double(value)) }
    mutating func encode(_ value: Float) throws { append(TemplateValueEncoder.float(value)) }
    mutating func encode(_ value: Int) throws { append(.int(value)) }
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
        append(try TemplateValueEncoder.integer(value, codingPath: nextPath))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.append(try TemplateValueEncoder.encode(value, codingPath: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodingBox()
        child.becomeObject()
        let path = nextPath
        box.append(child)
        return KeyedEncodingContainer(KeyedValueEncodingContainer<NestedKey>(box: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = EncodingBox()
        child.becomeArray()
        let path = nextPath
        box.append(child)
        return UnkeyedValueEncodingContainer(box: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let child = EncodingBox()
        let path = nextPath
        box.append(child)
        return TemplateValueEncoder(box: child, codingPath: path)
    }
}

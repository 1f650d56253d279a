import Foundation

extension TemplateValue: Decodable {
    /// Decodes any JSON-like document: `null`, booleans, integers (as ``int(_:)``), other numbers
    /// (as ``double(_:)``), strings, arrays and objects. Booleans are tried before numbers, so
    /// `JSONDecoder` keeps `true` and `1` apart.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() { self = .null; return }
            if let value = try? container.decode(Bool.self) { self = .bool(value); return }
            if let value = try? container.decode(Int.self) { self = .int(value); return }
            if let value = try? container.decode(Double.self) { self = .double(value); return }
            if let value = try? container.decode(String.self) { self = .string(value); return }
            if let value = try? container.decode([TemplateValue].self) { self = .array(value); return }
            if let value = try? container.decode([String: TemplateValue].self) { self = .object(value); return }
        }
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: decoder.codingPath,
            debugDescription: "not a JSON-like value (null, bool, number, string, array or object)"))
    }
}

extension TemplateValue: Encodable {
    /// Encodes the value as the matching JSON-like structure; a lambda encodes as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null, .lambda: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

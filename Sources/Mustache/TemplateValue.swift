/// A value in the render context of a Mustache template.
///
/// Build one with the enum cases, with literals (`["name": "web", "port": 8080]`), from any
/// `Encodable` value with ``init(encoding:)``, or by decoding JSON with `JSONDecoder`.
///
/// Truthiness, as used by `{{#name}}` and `{{^name}}`: `.null`, `.bool(false)`, the empty
/// string and the empty array are falsey; everything else (including `0`) is truthy, and a
/// ``lambda(_:)`` counts as truthy in an inverted section.
public enum TemplateValue: Sendable {
    /// An explicit null. It is *present* (strict mode does not report it as missing), falsey in
    /// sections, and renders as `null` in YAML, HCL and JSON output and as nothing in plain text.
    case null
    /// A boolean; renders as `true` / `false`.
    case bool(Bool)
    /// An integer; renders as a plain number in every format.
    case int(Int)
    /// A floating-point number; renders as a plain number (YAML spells non-finite values
    /// `.inf` / `.nan`; JSON and HCL cannot represent them and report an error).
    case double(Double)
    /// A string; this is where escaping matters most.
    case string(String)
    /// A list; a section iterates over it, pushing each element on the context stack.
    case array([TemplateValue])
    /// A map from names to values; a section pushes it on the context stack.
    case object([String: TemplateValue])
    /// A Mustache lambda (see ``MustacheLambda``).
    case lambda(MustacheLambda)
}

extension TemplateValue {
    /// Whether a section `{{#name}}` renders its content for this value.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .string(let value): return !value.isEmpty
        case .array(let values): return !values.isEmpty
        case .int, .double, .object, .lambda: return true
        }
    }

    /// The member `key` of an object, or `nil` when this is not an object or has no such key.
    public subscript(key: String) -> TemplateValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The string payload, or `nil` for any other case.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A short name of the case, used in error messages ("a list", "a string", ...).
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        case .lambda: return "a lambda"
        }
    }
}

extension TemplateValue: Equatable {
    /// Structural equality; two lambdas are equal only when they are the same lambda instance.
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        case let (.lambda(a), .lambda(b)): return a == b
        default: return false
        }
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// `nil` is ``null``.
    public init(nilLiteral: ()) { self = .null }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// `true` / `false` are ``bool(_:)``.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// Integer literals are ``int(_:)``.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    /// Float literals are ``double(_:)``.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// String literals are ``string(_:)``.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// Array literals are ``array(_:)``.
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// Dictionary literals are ``object(_:)``; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

import BlueprintDescription

/// A `JSONValue` as the recursive `devcontainer/_json` partial renders it: one flag per kind, and
/// objects as members sorted by key so the output is byte-identical on every run.
struct JSONNode: Encodable {
    /// One array element.
    struct Item: Encodable {
        var value: JSONNode
        var last: Bool
    }

    /// One object member.
    struct Member: Encodable {
        var key: String
        var value: JSONNode
        var last: Bool
    }

    var isString = false, isNumber = false, isBool = false, isNull = false, isArray = false, isObject = false
    var string = ""
    /// The number or boolean as JSON text.
    var literal = ""
    var items: [Item] = []
    var members: [Member] = []
    var hasMembers = false

    init(_ value: JSONValue) {
        switch value {
        case let .string(text):
            isString = true
            string = text
        case let .number(number):
            isNumber = true
            literal = number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case let .bool(flag):
            isBool = true
            literal = flag ? "true" : "false"
        case .null:
            isNull = true
        case let .array(elements):
            isArray = true
            items = elements.enumerated().map { Item(value: JSONNode($0.element), last: $0.offset == elements.count - 1) }
        case let .object(dictionary):
            isObject = true
            members = Self.members(dictionary)
            hasMembers = !members.isEmpty
        }
    }

    /// The members of `dictionary`, sorted by key.
    static func members(_ dictionary: [String: JSONValue]) -> [Member] {
        let keys = dictionary.keys.sorted()
        return keys.enumerated().map { Member(key: $0.element, value: JSONNode(dictionary[$0.element]!), last: $0.offset == keys.count - 1) }
    }
}

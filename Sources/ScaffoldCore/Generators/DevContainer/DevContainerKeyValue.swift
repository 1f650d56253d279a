/// One entry of a JSON object rendered from a dictionary: a key, a string value and whether it is
/// the last entry (no comma after it).
struct DevContainerKeyValue: Encodable {
    /// The key.
    var key: String
    /// The value.
    var value: String
    /// Whether it is the last entry.
    var last: Bool

    /// The entries of `dictionary`, sorted by key.
    static func list(_ dictionary: [String: String]) -> [DevContainerKeyValue] {
        let keys = dictionary.keys.sorted()
        return keys.enumerated().map { index, key in
            DevContainerKeyValue(key: key, value: dictionary[key] ?? "", last: index == keys.count - 1)
        }
    }
}

extension Dictionary where Key == Environment {
    /// The same values keyed by environment name, the form blueprints are stored in.
    var byName: [String: Value] {
        Dictionary<String, Value>(uniqueKeysWithValues: map { ($0.key.name, $0.value) })
    }
}

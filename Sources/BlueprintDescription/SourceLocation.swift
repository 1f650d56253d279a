/// Where a declaration was written in Blueprint.swift, so validation errors can point at the user's line.
///
/// Every factory in this module takes `file: String = #fileID, line: Int = #line`; you never pass them yourself.
public struct SourceLocation: Codable, Hashable, Sendable {
    /// The `#fileID` of the declaration, for example `main/Blueprint.swift`.
    public var file: String
    /// The 1-based line of the declaration.
    public var line: Int

    /// Creates a location from a `#fileID` and `#line`.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

extension CodingUserInfoKey {
    /// Set to `true` to encode models without source locations (see `Target.encode(to:)`).
    public static let omitsSourceLocations = CodingUserInfoKey(rawValue: "scaffold.omitsSourceLocations")!
}

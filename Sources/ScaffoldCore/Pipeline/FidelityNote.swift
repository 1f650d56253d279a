/// A blueprint setting that a target can't express exactly, said out loud instead of dropped.
///
/// Generators report these; `scaffold regen` and `render` print them as warnings and the deploy
/// guide lists them, so nothing a user wrote in Blueprint.swift disappears silently.
public struct FidelityNote: Hashable, Comparable, Codable, Sendable {
    /// The family that can't express the setting, for example `terraform`.
    public var family: String
    /// The service concerned, if any.
    public var service: String?
    /// The environment concerned, if any.
    public var environment: String?
    /// What is not expressed, and what happens instead.
    public var message: String

    /// A note.
    public init(family: String, service: String? = nil, environment: String? = nil, message: String) {
        self.family = family
        self.service = service
        self.environment = environment
        self.message = message
    }

    /// `family: service in environment: message`, for terminals.
    public var line: String {
        var scope = family
        if let service { scope += ": \(service)" }
        if let environment { scope += " in \(environment)" }
        return "\(scope): \(message)"
    }

    public static func < (lhs: FidelityNote, rhs: FidelityNote) -> Bool {
        (lhs.family, lhs.service ?? "", lhs.environment ?? "", lhs.message) < (rhs.family, rhs.service ?? "", rhs.environment ?? "", rhs.message)
    }
}

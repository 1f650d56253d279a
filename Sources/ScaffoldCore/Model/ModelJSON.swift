import BlueprintDescription
import Foundation

/// The resolved model as stable JSON: sorted keys, pretty printed, final newline.
public enum ModelJSON {
    /// Encodes `project`.
    public static func encode(_ project: ResolvedProject) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.userInfo[.omitsSourceLocations] = true
        return String(decoding: try encoder.encode(project), as: UTF8.self) + "\n"
    }

    /// Decodes a model written by `encode`, or nil when it isn't one.
    public static func decode(_ text: String) -> ResolvedProject? {
        try? JSONDecoder().decode(ResolvedProject.self, from: Data(text.utf8))
    }
}

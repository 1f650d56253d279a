import Foundation

/// Where scaffold's own files are: the built-in templates and presets, and the prebuilt
/// `BlueprintDescription` module and library that blueprints compile against.
///
/// Two layouts are recognised, so the binary works from any working directory:
/// - a source checkout: the binary in `<checkout>/.build/<config>/scaffold` (or a `--scratch-path`
///   folder inside the checkout); templates and presets in `<checkout>/Templates` and `<checkout>/Blueprints`;
/// - an install prefix made by `scripts/install.sh`: `<prefix>/bin/scaffold`, with
///   `<prefix>/share/scaffold/{Templates,Blueprints}` and `<prefix>/lib/scaffold/` holding the module.
///
/// `SCAFFOLD_HOME` (a checkout or a `share/scaffold` folder) overrides the resource lookup.
public struct Installation: Sendable {
    /// The folder holding `Templates/` and `Blueprints/`.
    public var resources: URL
    /// The folder holding `Modules/BlueprintDescription.swiftmodule` (or the module directly) and `libBlueprintDescription.so`.
    public var modules: URL
    /// The folder holding the library to link.
    public var library: URL

    /// The built-in templates folder.
    public var templates: URL { resources.appendingPathComponent("Templates") }
    /// The presets folder.
    public var blueprints: URL { resources.appendingPathComponent("Blueprints") }

    /// The installation of the running binary.
    public static func current(executable: String = CommandLine.arguments[0], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Installation {
        let binary = URL(fileURLWithPath: Self.resolvedExecutable(executable)).resolvingSymlinksInPath()
        let binDir = binary.deletingLastPathComponent()
        let fm = FileManager.default
        // The module: next to the binary (SwiftPM build folder) or in <prefix>/lib/scaffold.
        let candidates = [binDir, binDir.deletingLastPathComponent().appendingPathComponent("lib/scaffold")]
        guard let moduleDir = candidates.first(where: { fm.fileExists(atPath: $0.appendingPathComponent("libBlueprintDescription.so").path) || fm.fileExists(atPath: $0.appendingPathComponent("libBlueprintDescription.dylib").path) }) else {
            throw InstallationError.moduleNotFound(searched: candidates.map(\.path))
        }
        let modules = fm.fileExists(atPath: moduleDir.appendingPathComponent("Modules/BlueprintDescription.swiftmodule").path)
            ? moduleDir.appendingPathComponent("Modules") : moduleDir
        var resourceCandidates: [URL] = []
        if let home = environment["SCAFFOLD_HOME"] { resourceCandidates.append(URL(fileURLWithPath: home)) }
        resourceCandidates.append(binDir.deletingLastPathComponent().appendingPathComponent("share/scaffold"))
        var walker = binDir
        for _ in 0..<6 {
            resourceCandidates.append(walker)
            walker = walker.deletingLastPathComponent()
        }
        guard let resources = resourceCandidates.first(where: { fm.fileExists(atPath: $0.appendingPathComponent("Templates").path) && fm.fileExists(atPath: $0.appendingPathComponent("Blueprints").path) }) else {
            throw InstallationError.resourcesNotFound(searched: resourceCandidates.map(\.path))
        }
        return Installation(resources: resources.standardizedFileURL, modules: modules, library: moduleDir)
    }

    /// The absolute path of the running executable.
    static func resolvedExecutable(_ argument: String) -> String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        if argument.contains("/") { return URL(fileURLWithPath: argument).standardizedFileURL.path }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(argument)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return argument
    }
}

/// scaffold can't find its own files.
public enum InstallationError: Error, CustomStringConvertible {
    case moduleNotFound(searched: [String])
    case resourcesNotFound(searched: [String])

    public var description: String {
        switch self {
        case let .moduleNotFound(searched):
            return "cannot find the BlueprintDescription library (looked in \(searched.joined(separator: ", "))): build with `swift build` or install with `scripts/install.sh`"
        case let .resourcesNotFound(searched):
            return "cannot find scaffold's Templates/ and Blueprints/ (looked in \(searched.joined(separator: ", "))): run from an install made by `scripts/install.sh`, or set SCAFFOLD_HOME to a scaffold checkout"
        }
    }
}

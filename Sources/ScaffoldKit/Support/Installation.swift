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
    /// The folder holding `BlueprintDescription.swiftmodule`, passed to `swiftc -I`.
    public var modules: URL
    /// What `swiftc` links a blueprint against: the shared library (an install, or after
    /// `swift build`), or the module's object files (a checkout built by `swift run scaffold`,
    /// which doesn't build library products).
    public var linkArguments: [String]
    /// The scaffold executable, which also confines blueprints (`scaffold __sandbox-exec`).
    public var executable: URL
    /// The folder of the shared library blueprints load at run time, if they link it.
    public var libraryDirectory: URL?

    /// The built-in templates folder.
    public var templates: URL { resources.appendingPathComponent("Templates") }
    /// The presets folder.
    public var blueprints: URL { resources.appendingPathComponent("Blueprints") }

    /// The installation of the running binary.
    public static func current(executable: String = CommandLine.arguments[0], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Installation {
        let binary = URL(fileURLWithPath: Self.resolvedExecutable(executable)).resolvingSymlinksInPath()
        let binDir = binary.deletingLastPathComponent()
        let fm = FileManager.default
        let moduleCandidates = [binDir.appendingPathComponent("Modules"), binDir.deletingLastPathComponent().appendingPathComponent("lib/scaffold/Modules"), binDir.deletingLastPathComponent().appendingPathComponent("lib/scaffold")]
        guard let modules = moduleCandidates.first(where: { fm.fileExists(atPath: $0.appendingPathComponent("BlueprintDescription.swiftmodule").path) }) else {
            throw InstallationError.moduleNotFound(searched: moduleCandidates.map(\.path))
        }
        let linkArguments: [String]
        var libraryDirectory: URL?
        let libraryDirs = [binDir, binDir.deletingLastPathComponent().appendingPathComponent("lib/scaffold")]
        let objectDir = binDir.appendingPathComponent("BlueprintDescription.build")
        if let libraryDir = libraryDirs.first(where: { fm.fileExists(atPath: $0.appendingPathComponent("libBlueprintDescription.so").path) || fm.fileExists(atPath: $0.appendingPathComponent("libBlueprintDescription.dylib").path) }) {
            linkArguments = ["-L", libraryDir.path, "-lBlueprintDescription", "-Xlinker", "-rpath", "-Xlinker", libraryDir.path]
            libraryDirectory = libraryDir
        } else if let objects = try? fm.contentsOfDirectory(atPath: objectDir.path).filter({ $0.hasSuffix(".swift.o") }).sorted(), !objects.isEmpty {
            linkArguments = objects.map { objectDir.appendingPathComponent($0).path }
        } else {
            throw InstallationError.moduleNotFound(searched: libraryDirs.map(\.path) + [objectDir.path])
        }
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
        return Installation(resources: resources.standardizedFileURL, modules: modules, linkArguments: linkArguments,
                            executable: fm.isExecutableFile(atPath: binDir.appendingPathComponent("scaffold").path) ? binDir.appendingPathComponent("scaffold") : binary,
                            libraryDirectory: libraryDirectory)
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

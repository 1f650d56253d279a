import Foundation
import ScaffoldCore

/// Builds a large blueprint from its `BlueprintPartition` with swiftc's incremental mode, in a
/// folder of the project's cache that outlives the load: after an edit only the part files whose
/// text changed (and what depends on them) are compiled again, and the parts compile in parallel.
///
/// The folder holds the files at stable paths, rewritten only when their text changes (the driver
/// goes by modification times), and a stamp of everything else the build depends on (scaffold,
/// the compiler, the DSL module, the link and the folder's own path, so a moved or copied project
/// starts over). One load at a time uses it: a second one finds it locked and builds as usual.
struct IncrementalBuild: Sendable {
    /// The folder.
    var folder: URL
    /// The driver.
    var swiftc: String
    /// What the build depends on besides the sources.
    var stamp: String

    /// The main file's path in the folder: the part files' `#sourceLocation`s name it.
    var mainFile: URL { folder.appendingPathComponent("main.swift") }

    /// Builds `partition` (with `extraSources`, each a file name and its text) into `executable`;
    /// nil when the folder is in use by another load or can't be set up. `arguments` are the
    /// driver's flags besides inputs and outputs.
    func build(_ partition: BlueprintPartition, extraSources: [(name: String, text: String)], arguments: [String],
               timeout: Double, executable: URL) throws -> Subprocess.Output? {
        let fm = FileManager.default
        guard (try? fm.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        let lockDescriptor = open(folder.appendingPathComponent("lock").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else { return nil }
        defer { close(lockDescriptor) }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else { return nil }

        let stampFile = folder.appendingPathComponent("stamp")
        if (try? String(contentsOf: stampFile, encoding: .utf8)) != stamp {
            // Anything but the sources changed: start from an empty folder.
            for entry in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where entry != "lock" {
                try? fm.removeItem(at: folder.appendingPathComponent(entry))
            }
            try Data(stamp.utf8).write(to: stampFile)
        }
        let objects = folder.appendingPathComponent("objects")
        try fm.createDirectory(at: objects, withIntermediateDirectories: true)
        var sources: [(name: String, text: String)] = [("main.swift", partition.main)] + extraSources
        for (index, part) in partition.parts.enumerated() {
            let number = String(index)
            sources.append(("part-" + String(repeating: "0", count: max(0, 4 - number.count)) + number + ".swift", part))
        }
        let names = Set(sources.map(\.name))
        for entry in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where entry.hasSuffix(".swift") && !names.contains(entry) {
            try? fm.removeItem(at: folder.appendingPathComponent(entry))
        }
        var map: [String: [String: String]] = ["": ["swift-dependencies": objects.appendingPathComponent("main-build.swiftdeps").path]]
        for source in sources {
            let path = folder.appendingPathComponent(source.name)
            try Self.writeIfChanged(Data(source.text.utf8), to: path)
            let base = objects.appendingPathComponent(String(source.name.dropLast(".swift".count))).path
            map[path.path] = ["object": base + ".o", "swift-dependencies": base + ".swiftdeps"]
        }
        let mapFile = folder.appendingPathComponent("output-file-map.json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try Self.writeIfChanged(try encoder.encode(map), to: mapFile)

        let built = folder.appendingPathComponent("blueprint")
        let jobs = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let output = try Subprocess.run(swiftc, ["-incremental", "-output-file-map", mapFile.path, "-j\(jobs)"] + arguments
            + sources.map { folder.appendingPathComponent($0.name).path } + ["-o", built.path], timeout: timeout)
        guard output.status == 0, !output.timedOut else { return output }
        try? fm.removeItem(at: executable)
        try fm.copyItem(at: built, to: executable)
        return output
    }

    /// Writes `data` to `url` unless it already holds exactly that, so an unchanged file keeps its
    /// modification time and the driver doesn't compile it again.
    static func writeIfChanged(_ data: Data, to url: URL) throws {
        if FileManager.default.contents(atPath: url.path) == data { return }
        try data.write(to: url, options: .atomic)
    }
}

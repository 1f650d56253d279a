import Foundation
import ScaffoldCore

/// `.scaffold/cache/regen-index`: what the last regen left on disk, so the next one with nothing
/// changed needs neither a render nor a hash of every file. Like git's index it keeps, per
/// generated file, its `lstat` fields and the SHA-256 the ledger records; a warm regen stats every
/// file and hashes only those whose fields differ (or were written too recently to be trusted).
///
/// It is a cache: it lives in `.scaffold/cache` (never committed), is written atomically and never
/// fsynced, and anything it can't vouch for sends regen down the full render and plan, which
/// reports exactly as without it.
struct RegenIndex: Sendable {
    /// Everything but the file entries, as one JSON line.
    struct Header: Codable, Sendable {
        /// The format version.
        var version: Int
        /// The render key: a digest of the loaded blueprint, the templates and scaffold itself.
        var key: String
        /// SHA-256 of `.scaffold/ledger.json`'s bytes.
        var ledger: String
        /// When the entries were stat'ed, nanoseconds since 1970.
        var recorded: Int64
        /// The distinct fidelity note lines the render produced.
        var notes: [String]
        /// Paths whose existence the plan relied on: recorded starters and skipped starters'
        /// manifests or files. Groups are alternatives: one path of each must exist.
        var present: [[String]]
    }

    /// One generated file.
    struct Entry: Sendable {
        /// The project-relative path.
        var path: String
        /// Its `lstat` fields when recorded.
        var stat: FileStat
        /// The SHA-256 the ledger records for it.
        var sha256: String
        /// Whether the ledger records it executable.
        var executable: Bool
    }

    /// The header.
    var header: Header
    /// The files, sorted by path.
    var entries: [Entry]

    /// The index's name in the cache folder.
    static let name = "regen-index"
    /// The format version.
    static let version = 1
    /// A file changed this close (or later) to when its entry was recorded may have changed again
    /// within the same timestamp tick, so its stat fields prove nothing (git's "racy" entries).
    static let racyWindow: Int64 = 2_000_000_000

    /// Whether `stat`, recorded at `recorded`, is too recent to be trusted.
    static func isRacy(_ stat: FileStat, recorded: Int64) -> Bool {
        max(stat.modified, stat.changed) + racyWindow > recorded
    }

    /// What checking the tree against the index found.
    enum Verdict {
        /// Every generated file has the bytes and mode the ledger records. `refreshed` is a newer
        /// index when some entries had to be hashed and can now be trusted by their stat.
        case clean(files: Int, notes: [String], refreshed: RegenIndex?)
        /// The index can't vouch for the tree: render and plan as usual.
        case unknown
    }

    /// Checks the project at `root` against the index, for the render `key` and the ledger bytes
    /// whose SHA-256 is `ledger`.
    func verify(root: URL, key: String, ledger: String) -> Verdict {
        guard header.version == Self.version, header.key == key, header.ledger == ledger else { return .unknown }
        let base = root.path + "/"
        for group in header.present where !group.contains(where: { FileStat.of(base + $0) != nil }) { return .unknown }
        // Folders must still be folders inside the project, not links to somewhere else.
        var folders: Set<Substring> = []
        for entry in entries {
            guard let slash = entry.path.lastIndex(of: "/") else { continue }
            var folder = entry.path[..<slash]
            while folders.insert(folder).inserted {
                guard FileStat.isFolder(base + folder) else { return .unknown }
                guard let up = folder.lastIndex(of: "/") else { break }
                folder = folder[..<up]
            }
        }
        var refreshed = entries
        var hashed = false
        for (index, entry) in entries.enumerated() {
            let path = base + entry.path
            guard let now = FileStat.of(path), now.isRegularFile, now.isExecutable == entry.executable else { return .unknown }
            if now == entry.stat && !Self.isRacy(entry.stat, recorded: header.recorded) { continue }
            guard let data = FileManager.default.contents(atPath: path), SHA256.hex(data) == entry.sha256,
                  FileStat.of(path) == now else { return .unknown }
            refreshed[index].stat = now
            hashed = true
        }
        guard hashed else { return .clean(files: entries.count, notes: header.notes, refreshed: nil) }
        var header = self.header
        header.recorded = FileStat.now()
        return .clean(files: entries.count, notes: header.notes, refreshed: RegenIndex(header: header, entries: refreshed))
    }

    /// The index of the project at `root` as a plan leaves it: `ledger` is the ledger on disk
    /// (nil when the disk's ledger isn't its encoding, so the next run writes it), `files` what was
    /// rendered. Nil when some file isn't as the ledger says (the next regen plans in full).
    static func record(root: URL, key: String, ledger: Ledger, files: [GeneratedFile], notes: [String]) -> RegenIndex? {
        guard let encoded = try? ledger.encoded(),
              FileManager.default.contents(atPath: root.appendingPathComponent(Ledger.path).path) == encoded else { return nil }
        let base = root.path + "/"
        let recordedStarters = Set(ledger.starters)
        var present = ledger.starters.map { [$0] }
        for file in files where !ledger.kept.contains(file.path) {
            guard let mark = file.starter, !recordedStarters.contains(mark.manifest), !recordedStarters.contains(file.path) else { continue }
            let group = [mark.manifest, file.path]
            guard group.contains(where: { FileStat.of(base + $0) != nil }) else { return nil }
            present.append(group)
        }
        var entries: [Entry] = []
        entries.reserveCapacity(ledger.files.count)
        for (path, recorded) in ledger.files.sorted(by: { $0.key < $1.key }) {
            guard !path.contains("\t"), !path.contains("\n"), let stat = FileStat.of(base + path),
                  stat.isRegularFile, stat.isExecutable == recorded.executable else { return nil }
            entries.append(Entry(path: path, stat: stat, sha256: recorded.sha256, executable: recorded.executable))
        }
        // Taken after every stat: an entry is trusted only if its file was last changed well before.
        let header = Header(version: version, key: key, ledger: SHA256.hex(encoded), recorded: FileStat.now(), notes: notes, present: present)
        return RegenIndex(header: header, entries: entries)
    }

    /// The index in `cache`, if it can be read.
    static func read(cache: URL) -> RegenIndex? {
        guard let data = FileManager.default.contents(atPath: cache.appendingPathComponent(name).path),
              let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(Header.self, from: data[..<newline]) else { return nil }
        var entries: [Entry] = []
        for line in data[(newline + 1)...].split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 8 else { return nil }
            func text(_ index: Int) -> String { String(decoding: fields[index], as: UTF8.self) }
            guard let size = Int64(text(1)), let modified = Int64(text(2)), let changed = Int64(text(3)),
                  let inode = UInt64(text(4)), let mode = UInt32(text(5)) else { return nil }
            entries.append(Entry(path: text(0), stat: FileStat(size: size, modified: modified, changed: changed, inode: inode, mode: mode),
                                 sha256: text(6), executable: text(7) == "x"))
        }
        return RegenIndex(header: header, entries: entries)
    }

    /// Writes the index into `cache` atomically (a temporary file renamed over it); a cache, so
    /// failures are ignored and nothing is fsynced.
    func write(cache: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(header) else { return }
        data.append(UInt8(ascii: "\n"))
        var lines = ""
        lines.reserveCapacity(entries.count * 120)
        for entry in entries {
            let stat = entry.stat
            lines += "\(entry.path)\t\(stat.size)\t\(stat.modified)\t\(stat.changed)\t\(stat.inode)\t\(stat.mode)\t\(entry.sha256)\t\(entry.executable ? "x" : "-")\n"
        }
        data.append(contentsOf: lines.utf8)
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try? FileIO.publishCache(data, as: cache.appendingPathComponent(Self.name))
    }

    /// Removes the index from `cache`, so a run that changed something unvouched for can't be
    /// answered from it.
    static func remove(cache: URL) {
        unlink(cache.appendingPathComponent(name).path)
    }
}

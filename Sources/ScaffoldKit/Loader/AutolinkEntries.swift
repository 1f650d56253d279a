import Foundation

/// The linker flags a Swift object file asks for (`-lswiftCore`, `-lFoundation`, ...), read from
/// its `.swift1_autolink_entries` sections as `swift-autolink-extract` reads them: every such
/// section's NUL-separated strings, each flag once, in the order they come (the tool also moves
/// the runtime's own libraries to the front, which matters to a static link only; the loader links
/// dynamically). Reading them here saves starting that tool (which loads LLVM) on every cold load.
///
/// Only 64-bit little-endian ELF is read; anything else, or a file that doesn't parse, answers
/// nil and the caller runs the tool.
enum AutolinkEntries {
    /// The section the Swift compiler writes the flags into.
    static let sectionName = ".swift1_autolink_entries"

    /// The flags of the object file at `path`; nil when it isn't an object this reader knows.
    static func read(objectAt path: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return read(object: [UInt8](data))
    }

    /// The flags of an object file's bytes; nil when they aren't an object this reader knows.
    static func read(object bytes: [UInt8]) -> [String]? {
        // e_ident: magic, ELFCLASS64, ELFDATA2LSB.
        guard bytes.count >= 64, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46,
              bytes[4] == 2, bytes[5] == 1 else { return nil }
        func integer(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, size <= 8, offset + size <= bytes.count else { return nil }
            var value: UInt64 = 0
            for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
            return value > UInt64(Int.max) ? nil : Int(value)
        }
        guard let tableOffset = integer(0x28, 8), let entrySize = integer(0x3A, 2), let count = integer(0x3C, 2),
              let namesIndex = integer(0x3E, 2), entrySize >= 64, count > 0, namesIndex < count else { return nil }
        /// A section's name offset, file offset and size.
        func section(_ index: Int) -> (name: Int, offset: Int, size: Int)? {
            let header = tableOffset + index * entrySize
            guard let name = integer(header, 4), let offset = integer(header + 24, 8), let size = integer(header + 32, 8),
                  offset <= bytes.count, size <= bytes.count - offset else { return nil }
            return (name, offset, size)
        }
        guard let names = section(namesIndex) else { return nil }
        let wanted = Array(sectionName.utf8)
        var flags: [String] = []
        var seen = Set<String>()
        for index in 0..<count {
            guard let entry = section(index) else { return nil }
            let nameStart = names.offset + entry.name
            guard entry.name < names.size, nameStart + wanted.count < names.offset + names.size,
                  bytes[nameStart..<nameStart + wanted.count].elementsEqual(wanted), bytes[nameStart + wanted.count] == 0 else { continue }
            for piece in bytes[entry.offset..<entry.offset + entry.size].split(separator: 0) {
                guard let flag = String(bytes: piece, encoding: .utf8) else { return nil }
                if seen.insert(flag).inserted { flags.append(flag) }
            }
        }
        return flags
    }
}

import Foundation

/// A large blueprint cut into files the compiler can build one at a time: its top-level type,
/// extension and function declarations move, in runs, into part files, and everything else (the
/// imports, the top-level code, the `let`s, attributes and anything the cut isn't sure of) stays
/// in the main file at its own line. Each moved declaration is preceded by a `#sourceLocation`
/// naming the main file and the declaration's line, so `#fileID`, `#line` and diagnostics read
/// as if nothing moved. A build from the parts must behave as the single file does; the loader
/// only uses it when it compiles, and otherwise builds the file as written.
struct BlueprintPartition: Sendable, Equatable {
    /// The main file's text: the original with every moved declaration blanked out line for line.
    var main: String
    /// The part files' texts, in order.
    var parts: [String]

    /// Fewer movable declarations than this and the blueprint is compiled as written: a small
    /// file compiles faster in one piece.
    static let minimumDeclarations = 64
    /// How many declarations a part holds: an edit recompiles about this many.
    static let declarationsPerPart = 25

    /// The partition of `source`, whose main file is compiled as `mainPath`; nil when it has too
    /// few movable declarations, or uses syntax the cut doesn't follow.
    init?(source: String, mainPath: String) {
        guard let lines = Self.lines(source), let scan = Scanner.scan(lines) else { return nil }
        let movable = scan.declarations
        guard movable.count >= Self.minimumDeclarations else { return nil }
        let imports = scan.imports.map { lines[$0] }
        var mainLines = lines
        var parts: [String] = []
        var index = 0
        let escapedPath = mainPath.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        while index < movable.count {
            let run = movable[index..<min(index + Self.declarationsPerPart, movable.count)]
            var text = imports.joined(separator: "\n") + "\n"
            for declaration in run {
                text += "#sourceLocation(file: \"\(escapedPath)\", line: \(declaration.lowerBound + 1))\n"
                text += lines[declaration].joined(separator: "\n") + "\n"
                for line in declaration { mainLines[line] = "" }
            }
            text += "#sourceLocation()\n"
            parts.append(text)
            index += Self.declarationsPerPart
        }
        self.main = mainLines.joined(separator: "\n")
        self.parts = parts
    }

    /// `source` split at line ends (`\n`, `\r\n` kept as the line's last character), nil when it
    /// has a lone `\r` the compiler would count as a line of its own.
    static func lines(_ source: String) -> [String]? {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.contains(where: { $0.dropLast($0.hasSuffix("\r") ? 1 : 0).contains("\r") }) else { return nil }
        return lines
    }

    /// Reads a source's structure: which lines are imports and which line ranges are top-level
    /// declarations that may move. It follows comments, string literals (with interpolation,
    /// raw and multi-line ones) and bracket depth; anything else unusual makes it give up.
    struct Scanner {
        /// The lines of `import` statements.
        var imports: [Int] = []
        /// The movable declarations, as line ranges.
        var declarations: [Range<Int>] = []

        /// Keywords that open a movable declaration at the start of a top-level line.
        static let keywords: Set<String> = ["enum", "struct", "extension", "func"]
        /// Modifiers that may precede them; `private` and `fileprivate` may not (they bind the
        /// declaration to its file).
        static let modifiers: Set<String> = ["public", "internal", "final", "indirect"]

        /// The structure of `lines`, nil when the text uses syntax this scanner doesn't follow.
        static func scan(_ lines: [String]) -> Scanner? {
            var result = Scanner()
            var lexer = Lexer()
            var open: (line: Int, depth: Int)?
            var previousSignificant: String?
            for (number, line) in lines.enumerated() {
                let topLevel = lexer.atTopLevel
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if topLevel, ["#if", "#else", "#elseif", "#endif", "#sourceLocation"].contains(where: trimmed.hasPrefix) {
                    // Moving a declaration out of a conditional block, or past a line directive,
                    // would change what it means.
                    return nil
                }
                if topLevel, open == nil, !trimmed.isEmpty, !trimmed.hasPrefix("//") {
                    if trimmed.hasPrefix("import ") || trimmed.hasPrefix("@testable import ") || trimmed.hasPrefix("@_exported import ") {
                        result.imports.append(number)
                    } else if !(line.first?.isWhitespace ?? true), Self.opensDeclaration(trimmed), !(previousSignificant?.hasPrefix("@") ?? false) {
                        open = (number, 0)
                    }
                }
                guard lexer.feed(line) else { return nil }
                if topLevel, !trimmed.isEmpty, !trimmed.hasPrefix("//") { previousSignificant = trimmed }
                if let start = open?.line, lexer.atTopLevel, lexer.sawBrace {
                    // The declaration ends on a line that leaves nothing open and nothing after it.
                    if lexer.endsClean { result.declarations.append(start..<(number + 1)) }
                    open = nil
                    lexer.sawBrace = false
                } else if open == nil {
                    lexer.sawBrace = false
                }
            }
            guard lexer.atTopLevel else { return nil }
            return result
        }

        /// Whether a top-level line starts a movable declaration.
        static func opensDeclaration(_ line: String) -> Bool {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            for word in words {
                if modifiers.contains(String(word)) { continue }
                return keywords.contains(String(word))
            }
            return false
        }
    }

    /// A character-level reader of Swift's nesting: brackets, comments and string literals,
    /// carried from line to line.
    struct Lexer {
        /// What the reader is inside of, innermost last.
        enum Context: Equatable {
            case bracket(Character)
            case blockComment
            /// A string literal: its `#` count and whether it spans lines.
            case string(hashes: Int, multiline: Bool)
            /// The `\(...)` of a string literal.
            case interpolation
        }

        var stack: [Context] = []
        /// Whether a `{` opened at the top level since the flag was cleared.
        var sawBrace = false
        /// Whether the last line ended with nothing but white space or a comment after its last
        /// closing bracket.
        var endsClean = true

        /// No bracket, comment or literal open.
        var atTopLevel: Bool { stack.isEmpty }

        /// Reads one line; false on syntax this reader doesn't follow (regex literals, a string
        /// left open at the end of a line that isn't multi-line).
        mutating func feed(_ line: String) -> Bool {
            let chars = Array(line)
            var i = 0
            var lastCode = -1
            while i < chars.count {
                let c = chars[i]
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                switch stack.last {
                case .blockComment:
                    if c == "*", next == "/" { stack.removeLast(); i += 2; continue }
                    if c == "/", next == "*" { stack.append(.blockComment); i += 2; continue }
                    i += 1
                case let .string(hashes, multiline):
                    if c == "\\" {
                        let run = Self.count("#", in: chars, from: i + 1)
                        if run == hashes {
                            let after = i + 1 + run
                            if after < chars.count, chars[after] == "(" { stack.append(.interpolation); i = after + 1; continue }
                            i = after + 1
                            continue
                        }
                        i += 1
                        continue
                    }
                    let quotes = multiline ? 3 : 1
                    if c == "\"", Self.count("\"", in: chars, from: i) >= quotes, Self.count("#", in: chars, from: i + quotes) >= hashes {
                        stack.removeLast()
                        i += quotes + hashes
                        lastCode = i - 1
                        continue
                    }
                    i += 1
                default:
                    if c == "/", next == "/" { i = chars.count; continue }
                    if c == "/", next == "*" { stack.append(.blockComment); i += 2; continue }
                    if c == "#" || c == "\"" {
                        let hashes = Self.count("#", in: chars, from: i)
                        let quote = i + hashes
                        if quote < chars.count, chars[quote] == "\"" {
                            let multiline = Self.count("\"", in: chars, from: quote) >= 3
                            stack.append(.string(hashes: hashes, multiline: multiline))
                            i = quote + (multiline ? 3 : 1)
                            continue
                        }
                        if quote < chars.count, chars[quote] == "/", hashes > 0 { return false }
                        i += max(hashes, 1)
                        lastCode = i - 1
                        continue
                    }
                    lastCode = i
                    switch c {
                    case "(", "[", "{":
                        if c == "{", stack.isEmpty { sawBrace = true }
                        stack.append(.bracket(c))
                    case ")":
                        if stack.last == .interpolation { stack.removeLast(); break }
                        guard stack.last == .bracket("(") else { return false }
                        stack.removeLast()
                    case "]":
                        guard stack.last == .bracket("[") else { return false }
                        stack.removeLast()
                    case "}":
                        guard stack.last == .bracket("{") else { return false }
                        stack.removeLast()
                    default:
                        break
                    }
                    i += 1
                }
            }
            if case .string(_, false)? = stack.last { return false }
            if stack.last == .interpolation, !stack.dropLast().contains(where: { if case .string(_, true) = $0 { return true } else { return false } }) {
                return false
            }
            endsClean = lastCode < 0 || chars[lastCode] == "}"
            return true
        }

        /// How many `character`s run from `start`.
        static func count(_ character: Character, in chars: [Character], from start: Int) -> Int {
            var n = 0
            while start + n < chars.count, chars[start + n] == character { n += 1 }
            return n
        }
    }
}

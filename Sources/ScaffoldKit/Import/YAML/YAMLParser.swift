/// Parses the YAML that compose files are written in: block mappings and sequences, flow
/// collections (`[a, b]`, `{a: b}`), plain, single- and double-quoted scalars, literal (`|`) and
/// folded (`>`) block scalars with chomping and indentation indicators, comments, anchors,
/// aliases and merge keys (`<<: *defaults`), tags, and one document (`---` may open it).
///
/// Not supported, each with an error naming the line: complex keys (`? key`), more than one
/// document, tabs in indentation. Scalars are kept as text (see ``YAML``).
public struct YAMLParser {
    private let text: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 0
    private var anchors: [String: YAML] = [:]

    /// Parses `source`; an empty document is ``YAML/null``.
    public static func parse(_ source: String) throws -> YAML {
        var parser = YAMLParser(source)
        return try parser.document()
    }

    private init(_ source: String) {
        var scalars = Array(source.unicodeScalars)
        // One line break, `\n`: `\r\n` and a lone `\r` read the same.
        if scalars.contains("\r") {
            var normalized: [Unicode.Scalar] = []
            normalized.reserveCapacity(scalars.count)
            var position = 0
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == "\r" {
                    normalized.append("\n")
                    if position + 1 < scalars.count, scalars[position + 1] == "\n" { position += 1 }
                } else {
                    normalized.append(scalar)
                }
                position += 1
            }
            scalars = normalized
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        text = scalars
    }

    // MARK: - The document

    private mutating func document() throws -> YAML {
        var sawMarker = false
        while true {
            guard try skipToContent() else { return .null }
            if column == 0, peek() == "%" {
                skipLine()
                continue
            }
            if column == 0, isMarker("---") {
                guard !sawMarker else { return .null }
                sawMarker = true
                advance(3)
                continue
            }
            break
        }
        if column == 0, isMarker("...") { return .null }
        let value = try blockNodeHere(parent: -1)
        if try skipToContent() {
            if column == 0, isMarker("...") {
                advance(3)
                if try skipToContent() { throw YAMLError(line: line, "more than one YAML document: a compose file holds one; split the file") }
            } else if column == 0, isMarker("---") {
                throw YAMLError(line: line, "a second YAML document starts here: a compose file holds one; split the file")
            } else {
                throw YAMLError(line: line, "this line is indented less than the block it belongs to, or doesn't continue it: align it with the keys above")
            }
        }
        return value
    }

    // MARK: - Block nodes

    /// The block node starting at the current character, whose parent is indented `parent` columns.
    private mutating func blockNodeHere(parent: Int) throws -> YAML {
        let (anchor, tag) = try properties()
        var value: YAML
        if anchor != nil || tag != nil, atLineEnd() {
            // `key: &anchor` with the node on the following lines.
            if try skipToContent(), column > parent {
                value = try blockNodeHere(parent: parent)
            } else if column == parent, isSequenceIndicator() {
                value = try blockSequence(column: column)
            } else {
                value = .null
            }
        } else {
            value = try blockNodeBody(parent: parent)
        }
        return try finish(value, anchor: anchor, tag: tag)
    }

    private mutating func blockNodeBody(parent: Int) throws -> YAML {
        guard let character = peek() else { return .null }
        if isSequenceIndicator() { return try blockSequence(column: column) }
        switch character {
        case "*":
            let value = try alias()
            try expectLineEnd(after: "an alias")
            return value
        case "[", "{":
            let start = line
            let value = try flowNode()
            skipSpaces()
            if peek() == ":" { throw YAMLError(line: start, "a flow collection used as a mapping key: compose keys are names; write the key as text") }
            try expectLineEnd(after: "a flow collection")
            return value
        case "|", ">":
            return try blockScalar(parent: parent)
        case "?":
            if isBlank(peek(1)) { throw YAMLError(line: line, "complex mapping keys (`? key`) are not supported: write `key: value`") }
        default:
            break
        }
        if looksLikeKey() { return try blockMapping(column: column) }
        return try scalarValue(parent: parent)
    }

    private mutating func blockMapping(column mappingColumn: Int) throws -> YAML {
        var pairs: [YAMLPair] = []
        var firstLines: [String: Int] = [:]
        var merges: [(position: Int, value: YAML, line: Int)] = []
        while true {
            let keyLine = line
            if peek() == "?", isBlank(peek(1)) {
                throw YAMLError(line: line, "complex mapping keys (`? key`) are not supported: write `key: value`")
            }
            let (key, plain) = try mappingKey()
            guard peek() == ":" else { throw YAMLError(line: keyLine, "expected `:` after the key '\(key)'") }
            advance()
            let value = try mappingValue(keyColumn: mappingColumn)
            if plain && key == "<<" {
                merges.append((pairs.count, value, keyLine))
            } else if let first = firstLines[key] {
                throw YAMLError(line: keyLine, "the key '\(key)' appears twice in one mapping (first on line \(first)): keep one")
            } else {
                firstLines[key] = keyLine
                pairs.append(YAMLPair(key, value))
            }
            guard try skipToContent() else { break }
            if column < mappingColumn || (column == 0 && (isMarker("---") || isMarker("..."))) { break }
            if column > mappingColumn {
                throw YAMLError(line: line, "this line is indented more than the key above it but is not its value: align it with the other keys")
            }
            if isSequenceIndicator() {
                throw YAMLError(line: line, "a list item where a key was expected: indent the list under its key, or write `key: value`")
            }
        }
        return .map(try merged(pairs, merges))
    }

    /// The value after `key:`, on the same line or the lines below.
    private mutating func mappingValue(keyColumn: Int) throws -> YAML {
        skipSpaces()
        if atLineEnd() {
            guard try skipToContent() else { return .null }
            if column > keyColumn { return try blockNodeHere(parent: keyColumn) }
            // A list may sit at its key's indentation.
            if column == keyColumn, isSequenceIndicator() { return try blockSequence(column: column) }
            return .null
        }
        let (anchor, tag) = try properties()
        var value: YAML
        if (anchor != nil || tag != nil) && atLineEnd() {
            if try skipToContent(), column > keyColumn {
                value = try blockNodeHere(parent: keyColumn)
            } else if column == keyColumn, isSequenceIndicator() {
                value = try blockSequence(column: column)
            } else {
                value = .null
            }
            return try finish(value, anchor: anchor, tag: tag)
        }
        switch peek() {
        case "*":
            value = try alias()
            try expectLineEnd(after: "an alias")
        case "[", "{":
            value = try flowNode()
            try expectLineEnd(after: "a flow collection")
        case "|", ">":
            value = try blockScalar(parent: keyColumn)
        default:
            if isSequenceIndicator() {
                throw YAMLError(line: line, "a list can't start on its key's line: put `- item` on the next line, indented")
            }
            if looksLikeKey() {
                throw YAMLError(line: line, "a second `key:` on one line: put the nested mapping on the next line, indented, or quote the value")
            }
            value = try scalarValue(parent: keyColumn)
        }
        return try finish(value, anchor: anchor, tag: tag)
    }

    private mutating func blockSequence(column sequenceColumn: Int) throws -> YAML {
        var items: [YAML] = []
        while true {
            advance() // the `-`
            skipSpaces()
            if atLineEnd() {
                if try skipToContent(), column > sequenceColumn {
                    items.append(try blockNodeHere(parent: sequenceColumn))
                } else {
                    items.append(.null)
                }
            } else {
                items.append(try blockNodeHere(parent: sequenceColumn))
            }
            guard try skipToContent() else { break }
            if column < sequenceColumn || (column == 0 && (isMarker("---") || isMarker("..."))) { break }
            if column == sequenceColumn {
                if isSequenceIndicator() { continue }
                break
            }
            throw YAMLError(line: line, "this line is indented more than the list item above it but is not part of it: align it with the `-`")
        }
        return .list(items)
    }

    // MARK: - Scalars

    /// A scalar in block context: quoted, or plain and possibly continued on more-indented lines.
    private mutating func scalarValue(parent: Int) throws -> YAML {
        let start = line
        if peek() == "\"" || peek() == "'" {
            let value = try quoted()
            skipSpaces()
            if peek() == ":" && isBlank(peek(1)) {
                throw YAMLError(line: start, "a second `key:` on one line: put the nested mapping on the next line, indented")
            }
            try expectLineEnd(after: "a quoted value")
            return .string(value)
        }
        var result = plainLine(flow: false)
        if peek() == ":" && isBlank(peek(1)) {
            throw YAMLError(line: start, "`: ` inside a plain value reads as a nested mapping: quote the value (\"...\")")
        }
        // Continuation lines, folded: one line break is a space, each empty line a newline.
        while true {
            let saved = state()
            var breaks = 0
            skipSpaces()
            guard peek() == "\n" else { restore(saved); break }
            var foundContinuation = false
            while peek() == "\n" {
                advance()
                breaks += 1
                skipSpaces()
                if peek() == "\n" { continue }
                if peek() == nil || peek() == "#" { break }
                if column > parent && !(column == 0 && (isMarker("---") || isMarker("..."))) {
                    foundContinuation = true
                }
                break
            }
            guard foundContinuation else { restore(saved); break }
            if text[index - column..<index].contains("\t") {
                throw YAMLError(line: line, "a tab indents this line: YAML indents with spaces only; replace the tab with spaces")
            }
            if looksLikeKey() {
                throw YAMLError(line: line, "this line is indented more than the key above it but is not its value: align it with the other keys")
            }
            let lineText = plainLine(flow: false)
            result += breaks == 1 ? " " : String(repeating: "\n", count: breaks - 1)
            result += lineText
        }
        return Self.plainScalar(result)
    }

    /// A plain scalar's text on the current line: up to ` #`, `: `, the end of the line, or (in
    /// flow context) a flow indicator; trailing spaces trimmed.
    private mutating func plainLine(flow: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpaces = String.UnicodeScalarView()
        while let character = peek(), character != "\n" {
            if character == " " || character == "\t" {
                if peek(1) == "#" { break }
                pendingSpaces.append(character)
                advance()
                continue
            }
            if character == ":" {
                let next = peek(1)
                if isBlank(next) || (flow && next.map { ",[]{}".unicodeScalars.contains($0) } == true) { break }
            }
            if flow && ",[]{}".unicodeScalars.contains(character) { break }
            scalars.append(contentsOf: pendingSpaces)
            pendingSpaces.removeAll()
            scalars.append(character)
            advance()
        }
        return String(scalars)
    }

    /// A plain scalar's value: `null`, `~` and the empty text are null.
    private static func plainScalar(_ text: String) -> YAML {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: return .string(text)
        }
    }

    private mutating func quoted() throws -> String {
        let start = line
        let quote = peek()!
        advance()
        var scalars = String.UnicodeScalarView()
        while true {
            guard let character = peek() else {
                throw YAMLError(line: start, "the \(quote == "'" ? "single" : "double")-quoted value opened here is never closed: add the closing \(quote)")
            }
            if character == "\n" {
                // Line folding inside quotes: trailing spaces go, one break is a space, each
                // empty line a newline.
                while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
                var breaks = 0
                while peek() == "\n" {
                    advance()
                    breaks += 1
                    skipSpaces()
                }
                if breaks == 1 { scalars.append(" ") } else { scalars.append(contentsOf: String(repeating: "\n", count: breaks - 1).unicodeScalars) }
                continue
            }
            if quote == "'" {
                if character == "'" {
                    if peek(1) == "'" {
                        scalars.append("'")
                        advance(2)
                        continue
                    }
                    advance()
                    return String(scalars)
                }
                scalars.append(character)
                advance()
                continue
            }
            if character == "\"" {
                advance()
                return String(scalars)
            }
            if character == "\\" {
                try escape(into: &scalars)
                continue
            }
            scalars.append(character)
            advance()
        }
    }

    private mutating func escape(into scalars: inout String.UnicodeScalarView) throws {
        let escapeLine = line
        advance()
        guard let code = peek() else { throw YAMLError(line: escapeLine, "a `\\` ends the file inside a double-quoted value: close the value") }
        advance()
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}", "f": "\u{0C}",
            "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
            "L": "\u{2028}", "P": "\u{2029}",
        ]
        if let replacement = simple[code] {
            scalars.append(replacement)
            return
        }
        if code == "\n" {
            // An escaped line break joins the lines without a space.
            skipSpaces()
            return
        }
        let digits: Int
        switch code {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default:
            throw YAMLError(line: escapeLine, "`\\\(code)` is not a YAML escape: write `\\\\` for a backslash, or use single quotes")
        }
        var hex = ""
        for _ in 0..<digits {
            guard let digit = peek(), digit.properties.isASCIIHexDigit else {
                throw YAMLError(line: escapeLine, "`\\\(code)` needs \(digits) hexadecimal digits")
            }
            hex.unicodeScalars.append(digit)
            advance()
        }
        guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw YAMLError(line: escapeLine, "`\\\(code)\(hex)` is not a Unicode character")
        }
        scalars.append(scalar)
    }

    /// A literal (`|`) or folded (`>`) block scalar; `parent` is the indentation of its key or item.
    private mutating func blockScalar(parent: Int) throws -> YAML {
        let headerLine = line
        let folded = peek() == ">"
        advance()
        var chomping: Character = " "
        var explicitIndent: Int?
        for _ in 0..<2 {
            guard let character = peek() else { break }
            if character == "-" || character == "+" {
                chomping = Character(character)
                advance()
            } else if let digit = Int(String(character)), digit > 0, character.isASCII {
                explicitIndent = digit
                advance()
            }
        }
        skipSpaces()
        if peek() == "#" { skipLine() }
        guard atLineEnd() else { throw YAMLError(line: headerLine, "unexpected text after the block scalar indicator: put the text on the next lines, indented") }
        if peek() == "\n" { advance() }
        var contentIndent = explicitIndent.map { max(parent, 0) + $0 }
        var lines: [String] = []
        while peek() != nil {
            let saved = state()
            var indent = 0
            while peek() == " " { advance(); indent += 1 }
            if peek() == "\n" || peek() == nil {
                // An empty line belongs to the scalar (its text beyond the indentation kept).
                lines.append(contentIndent.map { indent > $0 ? String(repeating: " ", count: indent - $0) : "" } ?? "")
                if peek() == "\n" { advance() }
                continue
            }
            if contentIndent == nil {
                guard indent > parent else { restore(saved); break }
                contentIndent = indent
            }
            guard let required = contentIndent, indent >= required else { restore(saved); break }
            if peek() == "\t" && indent == required && lines.isEmpty {
                throw YAMLError(line: line, "a tab indents this block scalar: indent with spaces")
            }
            var scalars = String.UnicodeScalarView(repeatElement(" ", count: indent - required))
            while let character = peek(), character != "\n" {
                scalars.append(character)
                advance()
            }
            lines.append(String(scalars))
            if peek() == "\n" { advance() }
        }
        // Trailing empty lines are governed by chomping.
        var trailing = 0
        while let last = lines.last, last.isEmpty {
            lines.removeLast()
            trailing += 1
        }
        // Here the position is at the start of the line that ends the scalar, or at the end.
        var body = folded ? Self.fold(lines) : lines.joined(separator: "\n")
        if lines.isEmpty { body = "" }
        switch chomping {
        case "-": break
        case "+": body += lines.isEmpty ? String(repeating: "\n", count: trailing) : "\n" + String(repeating: "\n", count: trailing)
        default: if !lines.isEmpty { body += "\n" }
        }
        return .string(body)
    }

    /// Folds the lines of a `>` scalar: adjacent lines join with a space, empty lines are
    /// newlines, more-indented lines keep their breaks.
    private static func fold(_ lines: [String]) -> String {
        var out = ""
        var breaks = 0
        var first = true
        var previousIndented = false
        for text in lines {
            if text.isEmpty {
                breaks += 1
                continue
            }
            let indented = text.first == " " || text.first == "\t"
            if first {
                out += String(repeating: "\n", count: breaks)
            } else if breaks == 0 {
                out += (indented || previousIndented) ? "\n" : " "
            } else {
                out += String(repeating: "\n", count: (indented || previousIndented) ? breaks + 1 : breaks)
            }
            out += text
            breaks = 0
            first = false
            previousIndented = indented
        }
        return out
    }

    // MARK: - Flow collections

    private mutating func flowNode() throws -> YAML {
        try skipFlowSpace()
        let (anchor, tag) = try properties()
        try skipFlowSpace()
        let start = line
        var value: YAML
        switch peek() {
        case "[":
            advance()
            var items: [YAML] = []
            while true {
                try skipFlowSpace()
                if peek() == "]" { advance(); break }
                let entryLine = line
                let item = try flowEntry(inSequence: true)
                items.append(item)
                try skipFlowSpace()
                if peek() == "," { advance(); continue }
                if peek() == "]" { advance(); break }
                throw YAMLError(line: peek() == nil ? start : entryLine, peek() == nil ? "the list opened with `[` here is never closed: add `]`" : "expected `,` or `]` in the flow list")
            }
            value = .list(items)
        case "{":
            advance()
            var pairs: [YAMLPair] = []
            var merges: [(position: Int, value: YAML, line: Int)] = []
            var seen: Set<String> = []
            while true {
                try skipFlowSpace()
                if peek() == "}" { advance(); break }
                guard peek() != nil else { throw YAMLError(line: start, "the mapping opened with `{` here is never closed: add `}`") }
                let keyLine = line
                let plain = peek() != "\"" && peek() != "'"
                let key = try flowKey()
                try skipFlowSpace()
                var entry: YAML = .null
                if peek() == ":" {
                    advance()
                    try skipFlowSpace()
                    if peek() != "," && peek() != "}" { entry = try flowNode() }
                }
                if plain && key == "<<" {
                    merges.append((pairs.count, entry, keyLine))
                } else {
                    guard seen.insert(key).inserted else { throw YAMLError(line: keyLine, "the key '\(key)' appears twice in one mapping: keep one") }
                    pairs.append(YAMLPair(key, entry))
                }
                try skipFlowSpace()
                if peek() == "," { advance(); continue }
                if peek() == "}" { advance(); break }
                throw YAMLError(line: peek() == nil ? start : line, peek() == nil ? "the mapping opened with `{` here is never closed: add `}`" : "expected `,` or `}` in the flow mapping")
            }
            value = .map(try merged(pairs, merges))
        case "*":
            value = try alias()
        case "\"", "'":
            value = .string(try quoted())
        case nil:
            throw YAMLError(line: start, "the file ends inside a flow collection: close it")
        default:
            value = Self.plainScalar(try plainFlow())
        }
        return try finish(value, anchor: anchor, tag: tag)
    }

    /// An entry of a flow list; `key: value` makes a one-pair mapping.
    private mutating func flowEntry(inSequence: Bool) throws -> YAML {
        let saved = state()
        if peek() != "[" && peek() != "{" && peek() != "*" && peek() != "&" && peek() != "!" {
            let key = try flowKey()
            try skipFlowSpace()
            if peek() == ":" {
                advance()
                try skipFlowSpace()
                let value: YAML = (peek() == "," || peek() == "]") ? .null : try flowNode()
                return .map([YAMLPair(key, value)])
            }
            restore(saved)
        }
        return try flowNode()
    }

    private mutating func flowKey() throws -> String {
        if peek() == "\"" || peek() == "'" { return try quoted() }
        return try plainFlow()
    }

    /// A plain scalar in a flow collection; it may continue on the following lines.
    private mutating func plainFlow() throws -> String {
        var result = plainLine(flow: true)
        while true {
            let saved = state()
            skipSpaces()
            guard peek() == "\n" else { restore(saved); break }
            var breaks = 0
            while peek() == "\n" {
                advance()
                breaks += 1
                skipSpaces()
            }
            guard let next = peek(), !",[]{}#:".unicodeScalars.contains(next) else { restore(saved); break }
            result += (breaks == 1 ? " " : String(repeating: "\n", count: breaks - 1)) + plainLine(flow: true)
        }
        return result
    }

    /// Spaces, line breaks and comments between flow tokens.
    private mutating func skipFlowSpace() throws {
        while let character = peek() {
            if character == " " || character == "\t" || character == "\n" {
                advance()
            } else if character == "#" && (index == 0 || isBlank(text[index - 1])) {
                skipLine()
            } else {
                break
            }
        }
    }

    // MARK: - Anchors, aliases, tags and merge keys

    /// `&anchor` and `!tag`, in either order, each followed by spaces.
    private mutating func properties() throws -> (anchor: String?, tag: String?) {
        var anchor: String?
        var tag: String?
        while let character = peek(), character == "&" || character == "!" {
            advance()
            let name = readName()
            if character == "&" {
                guard !name.isEmpty else { throw YAMLError(line: line, "`&` without an anchor name: write `&name`") }
                anchor = name
            } else {
                tag = "!" + name
            }
            skipSpaces()
        }
        return (anchor, tag)
    }

    private mutating func alias() throws -> YAML {
        let aliasLine = line
        advance()
        let name = readName()
        guard let value = anchors[name] else {
            throw YAMLError(line: aliasLine, name.isEmpty ? "`*` without an alias name: write `*name`" : "the alias *\(name) names no anchor defined above it: define `&\(name)` first")
        }
        return value
    }

    private mutating func readName() -> String {
        var scalars = String.UnicodeScalarView()
        while let character = peek(), !isBlank(character), !",[]{}".unicodeScalars.contains(character) {
            scalars.append(character)
            advance()
        }
        return String(scalars)
    }

    /// Applies the tag and records the anchor of a parsed node.
    private mutating func finish(_ value: YAML, anchor: String?, tag: String?) throws -> YAML {
        var result = value
        if let tag {
            switch tag {
            case "!!str":
                if case .null = value { result = .string("") }
            case "!!null":
                result = .null
            case "!!int", "!!float", "!!bool", "!!map", "!!seq", "!!binary", "!!timestamp", "!":
                break
            default:
                result = .tagged(tag, value)
            }
        }
        if let anchor { anchors[anchor] = result }
        return result
    }

    /// The mapping with `<<` merge keys applied: merged keys the mapping doesn't set itself are
    /// inserted where the `<<` was, earlier merges winning over later ones.
    private func merged(_ pairs: [YAMLPair], _ merges: [(position: Int, value: YAML, line: Int)]) throws -> [YAMLPair] {
        guard !merges.isEmpty else { return pairs }
        var own = Set(pairs.map(\.key))
        var inserts: [Int: [YAMLPair]] = [:]
        for merge in merges {
            let sources: [YAML] = merge.value.list ?? [merge.value]
            for source in sources {
                guard let sourcePairs = source.pairs else {
                    throw YAMLError(line: merge.line, "`<<` merges mappings: give it an alias of a mapping (`<<: *defaults`) or a list of them")
                }
                for pair in sourcePairs where !own.contains(pair.key) {
                    own.insert(pair.key)
                    inserts[merge.position, default: []].append(pair)
                }
            }
        }
        var result: [YAMLPair] = []
        for position in 0...pairs.count {
            result += inserts[position] ?? []
            if position < pairs.count { result.append(pairs[position]) }
        }
        return result
    }

    // MARK: - Looking ahead

    /// Whether the current line, from here, is `key:` followed by a space or the line's end.
    private mutating func looksLikeKey() -> Bool {
        let saved = state()
        defer { restore(saved) }
        if peek() == "\"" || peek() == "'" {
            guard (try? quoted()) != nil else { return false }
            skipSpaces()
        } else {
            if peek() == "#" { return false }
            _ = plainLine(flow: false)
        }
        return peek() == ":" && isBlank(peek(1))
    }

    /// A mapping key: quoted or plain, on one line. Returns whether it was plain.
    private mutating func mappingKey() throws -> (String, Bool) {
        if peek() == "\"" || peek() == "'" {
            let key = try quoted()
            skipSpaces()
            return (key, false)
        }
        return (plainLine(flow: false), true)
    }

    private func isSequenceIndicator() -> Bool {
        peek() == "-" && isBlank(peek(1))
    }

    private func isMarker(_ marker: String) -> Bool {
        let scalars = Array(marker.unicodeScalars)
        for offset in 0..<scalars.count where peek(offset) != scalars[offset] { return false }
        return isBlank(peek(scalars.count))
    }

    // MARK: - Moving

    private struct State {
        var index: Int
        var line: Int
        var column: Int
    }

    private func state() -> State { State(index: index, line: line, column: column) }

    private mutating func restore(_ saved: State) {
        index = saved.index
        line = saved.line
        column = saved.column
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < text.count ? text[index + offset] : nil
    }

    /// Space, tab, line break or the end of the text.
    private func isBlank(_ character: Unicode.Scalar?) -> Bool {
        guard let character else { return true }
        return character == " " || character == "\t" || character == "\n"
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < text.count {
            if text[index] == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
            index += 1
        }
    }

    private mutating func skipSpaces() {
        while peek() == " " || peek() == "\t" { advance() }
    }

    private mutating func skipLine() {
        while let character = peek(), character != "\n" { advance() }
    }

    /// Whether only spaces and a comment remain on this line.
    private mutating func atLineEnd() -> Bool {
        let saved = state()
        skipSpaces()
        if peek() == nil || peek() == "\n" { return true }
        if peek() == "#" && (index == 0 || isBlank(text[index - 1])) { return true }
        restore(saved)
        return false
    }

    private mutating func expectLineEnd(after what: String) throws {
        guard atLineEnd() else {
            throw YAMLError(line: line, "unexpected text after \(what): put one value per line, or quote the whole value")
        }
    }

    /// Skips blank lines, spaces and comments up to the next content; false at the end of the text.
    /// A tab in the indentation of a line with content is an error.
    private mutating func skipToContent() throws -> Bool {
        while let character = peek() {
            switch character {
            case " ":
                advance()
            case "\t":
                let tabLine = line
                let atIndentation = column == 0 || text[index - column..<index].allSatisfy { $0 == " " || $0 == "\t" }
                advance()
                if atIndentation {
                    var probe = index
                    while probe < text.count, text[probe] == " " || text[probe] == "\t" { probe += 1 }
                    if probe < text.count, text[probe] != "\n", text[probe] != "#" {
                        throw YAMLError(line: tabLine, "a tab indents this line: YAML indents with spaces only; replace the tab with spaces")
                    }
                }
            case "\n":
                advance()
            case "#":
                if index == 0 || isBlank(text[index - 1]) { skipLine() } else { return true }
            default:
                return true
            }
        }
        return false
    }
}

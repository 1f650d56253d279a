/// Parses Mustache template text into a tree of ``Node``s in one pass over its UTF-8 bytes.
///
/// Whitespace rules are applied while parsing:
///
/// - A section, inverted section, closing, comment, partial, set-delimiter, pragma or block tag
///   that is alone on its line (only spaces or tabs around it) is *standalone*: its whole line,
///   including the line break, disappears from the output. A standalone partial's leading
///   whitespace becomes the indentation of every line of the partial.
/// - A parent pair `{{<p}}…{{/p}}` is standalone when the opening tag starts its line and the
///   closing tag ends its line; text inside a parent pair (outside blocks) is ignored.
/// - Inside a parent pair, a block whose opening tag ends its line drops that line break and the
///   indentation of its first content line from every line of its content; where the block is
///   expanded, the content is re-indented (see ``Node/Reindent``).
struct Parser {
    /// What a parse produces besides the nodes: the facts ``TemplateLibrary`` checks.
    struct Result {
        var nodes: [Node]
        /// Template names referenced by partial and parent tags, indexed by slot.
        var referencedNames: [String]
        /// Where each slot is first referenced.
        var referenceLocations: [SourceLocation]
        /// Slots referenced outside any section or block (rendering the template always renders
        /// them), with the first such reference.
        var unconditionalReferences: [Int: SourceLocation]
        /// Names of the blocks this template defines (outside parent calls' arguments' own
        /// names, but including blocks nested inside arguments).
        var blockNames: Set<String>
        /// Parent calls with a fixed target, with the blocks they override.
        var parentCalls: [ParentCall]
        /// Whether any partial or parent tag uses a dynamic name.
        var hasDynamicReferences: Bool
    }

    /// A parent call with a fixed target, for checking its overrides.
    struct ParentCall {
        let slot: Int
        let location: SourceLocation
        let arguments: [(name: String, location: SourceLocation)]
    }

    /// An open construct whose closing tag has not been seen yet.
    private struct Frame {
        enum Kind {
            case root
            case section(name: Name, inverted: Bool, contentStart: Int, delimiters: Delimiters)
            /// `leadingWhitespace` is set when the opening tag starts its line (and was taken
            /// off the output until we know whether the pair is standalone).
            case parent(target: Node.Target, leadingWhitespace: String?)
            /// A block override inside a parent pair; `strip` is its intrinsic indentation.
            case argument(name: String, strip: [UInt8])
            case block(name: String, openStandalone: Bool, leadingWhitespace: String?, intrinsic: String?)
        }

        var kind: Kind
        /// What `{{/…}}` must say to close it.
        var closeName: String
        var location: SourceLocation
        var nodes: [Node] = []
        var arguments: [String: [Node]] = [:]
        var argumentList: [(name: String, location: SourceLocation)] = []
    }

    /// A scanned tag.
    private struct Tag {
        /// The character after the opening delimiter when it is a sigil (`#^/>!&<$%={`).
        let sigil: UInt8?
        /// The tag's content (without sigil and delimiters), untrimmed.
        let content: Range<Int>
        /// Offset just past the closing delimiter.
        let end: Int
    }

    private let bytes: [UInt8]
    /// The same bytes, shared with the sections that keep their raw text for lambdas.
    private let sharedSource: SourceBytes
    private let path: String
    private var delimiters: Delimiters
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    /// Whether a tag has been seen on the current line before `pos`.
    private var tagOnLine = false
    /// Start of the text not yet turned into a node.
    private var textStart = 0
    private var frames: [Frame]
    /// The intrinsic indentation of the innermost block override, stripped from its lines.
    private var strip: [UInt8] = []
    private var result = Result(nodes: [], referencedNames: [], referenceLocations: [], unconditionalReferences: [:],
                                blockNames: [], parentCalls: [], hasDynamicReferences: false)
    private var slotsByName: [String: Int] = [:]

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// Parses `text`; `path` is used in error messages.
    static func parse(_ text: String, path: String, delimiters: Delimiters = .standard) throws -> Result {
        var parser = Parser(bytes: Array(text.utf8), path: path, delimiters: delimiters)
        return try parser.run()
    }

    /// How deep sections, parents and blocks may nest in one template. Far beyond any real
    /// template; past it parsing stops with an error instead of exhausting memory or the stack.
    static let maximumNesting = 512

    private init(bytes: [UInt8], path: String, delimiters: Delimiters) {
        self.bytes = bytes
        self.sharedSource = SourceBytes(bytes)
        self.path = path
        self.delimiters = delimiters
        frames = [Frame(kind: .root, closeName: "", location: SourceLocation(offset: 0, line: 1, lineStart: 0))]
    }

    // MARK: - Main loop

    private mutating func run() throws -> Result {
        while let tagStart = findOpeningDelimiter() {
            try handleTag(at: tagStart)
        }
        flushText(upTo: bytes.count)
        if frames.count > 1 {
            let frame = frames[frames.count - 1]
            let what: String
            switch frame.kind {
            case .parent: what = "parent"
            case .argument, .block: what = "block"
            default: what = "section"
            }
            throw syntaxError("unclosed \(what) '\(frame.closeName)'; add \(delimiters.openText)/\(frame.closeName)\(delimiters.closeText) where it should end",
                              at: frame.location)
        }
        result.nodes = frames[0].nodes
        return result
    }

    /// Moves `pos` to the next opening delimiter (keeping line bookkeeping up to date) and
    /// returns its offset, or `nil` at the end of the text.
    private mutating func findOpeningDelimiter() -> Int? {
        let open = delimiters.open
        let first = open[0]
        var index = pos
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.newline {
                line += 1
                lineStart = index + 1
                tagOnLine = false
            } else if byte == first && matches(open, at: index) {
                pos = index
                return index
            }
            index += 1
        }
        pos = bytes.count
        return nil
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] {
            return false
        }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty, start + pattern.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == pattern[0] && matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Moves `pos` forward to `end`, counting the line breaks passed.
    private mutating func consume(to end: Int) {
        var index = pos
        while index < end {
            if bytes[index] == Self.newline {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        pos = end
    }

    // MARK: - Tags

    private mutating func handleTag(at tagStart: Int) throws {
        let location = SourceLocation(offset: tagStart, line: line, lineStart: lineStart)
        let tag = try scanTag(at: tagStart, location: location)
        let leftClear = !tagOnLine && isBlank(lineStart..<tagStart)
        let rightEnd = standaloneEnd(after: tag.end)
        let content = String(decoding: bytes[tag.content], as: UTF8.self)
        let trimmed = trim(content)

        switch tag.sigil {
        case UInt8(ascii: "!"):
            let standalone = beginStandardTag(tagStart: tagStart, leftClear: leftClear, rightEnd: rightEnd)
            endTag(end: tag.end, standaloneEnd: standalone ? rightEnd : nil)

        case UInt8(ascii: "="):
            let newDelimiters = try parseDelimiters(content, location: location)
            let standalone = beginStandardTag(tagStart: tagStart, leftClear: leftClear, rightEnd: rightEnd)
            endTag(end: tag.end, standaloneEnd: standalone ? rightEnd : nil)
            delimiters = newDelimiters

        case UInt8(ascii: "%"):
            let format = try parsePragma(trimmed, location: location)
            let standalone = beginStandardTag(tagStart: tagStart, leftClear: leftClear, rightEnd: rightEnd)
            append(.escapeFormat(format))
            endTag(end: tag.end, standaloneEnd: standalone ? rightEnd : nil)

        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            let name = try parseName(trimmed, location: location)
            let standalone = beginStandardTag(tagStart: tagStart, leftClear: leftClear, rightEnd: rightEnd)
            let contentStart = standalone ? rightEnd! : tag.end
            if frames.count > Self.maximumNesting {
                throw syntaxError("sections nest more than \(Self.maximumNesting) deep here: flatten the template (a partial per level helps)", at: location)
            }
            frames.append(Frame(kind: .section(name: name, inverted: tag.sigil == UInt8(ascii: "^"),
                                               contentStart: contentStart, delimiters: delimiters),
                                closeName: name.text, location: location))
            endTag(end: tag.end, standaloneEnd: standalone ? rightEnd : nil)

        case UInt8(ascii: ">"):
            let target = try parseTarget(trimmed, location: location)
            let standalone = beginStandardTag(tagStart: tagStart, leftClear: leftClear, rightEnd: rightEnd)
            let indentation = standalone ? indentationString(lineStart..<tagStart) : nil
            append(.partial(Node.Partial(target: target, indentation: indentation, location: location)))
            endTag(end: tag.end, standaloneEnd: standalone ? rightEnd : nil)

        case UInt8(ascii: "<"):
            let target = try parseTarget(trimmed, location: location)
            var leadingWhitespace: String?
            if leftClear {
                flushText(upTo: lineStart)
                leadingWhitespace = indentationString(lineStart..<tagStart)
            } else {
                flushText(upTo: tagStart)
            }
            frames.append(Frame(kind: .parent(target: target, leadingWhitespace: leadingWhitespace),
                                closeName: closeName(of: target), location: location))
            endTag(end: tag.end, standaloneEnd: nil)

        case UInt8(ascii: "$"):
            let name = try parseBlockName(trimmed, location: location)
            if case .parent = frames[frames.count - 1].kind {
                openArgument(name: name, tag: tag, rightEnd: rightEnd, location: location)
            } else {
                result.blockNames.insert(name)
                let standalone = beginStandardTag(tagStart: tagStart, leftClear: leftClear, rightEnd: rightEnd)
                let leadingWhitespace = leftClear ? indentationString(lineStart..<tagStart) : nil
                let intrinsic = standalone ? indentationString(intrinsicIndentation(at: rightEnd!)) : nil
                frames.append(Frame(kind: .block(name: name, openStandalone: standalone,
                                                 leadingWhitespace: leadingWhitespace, intrinsic: intrinsic),
                                    closeName: name, location: location))
                endTag(end: tag.end, standaloneEnd: standalone ? rightEnd : nil)
            }

        case UInt8(ascii: "/"):
            try close(trimmed, tag: tag, tagStart: tagStart, leftClear: leftClear, rightEnd: rightEnd, location: location)

        default:
            // `{{name}}`, `{{{name}}}`, `{{&name}}`.
            let name = try parseName(trimmed, location: location)
            flushText(upTo: tagStart)
            let endsLine = tag.end < bytes.count
                && (bytes[tag.end] == Self.newline
                    || (bytes[tag.end] == Self.carriageReturn && tag.end + 1 < bytes.count && bytes[tag.end + 1] == Self.newline))
            append(.variable(Node.Variable(name: name, escaped: tag.sigil == nil, location: location, endsLine: endsLine)))
            endTag(end: tag.end, standaloneEnd: nil)
        }
    }

    /// Finds the end of the tag starting at `tagStart`.
    private func scanTag(at tagStart: Int, location: SourceLocation) throws -> Tag {
        let contentStart = tagStart + delimiters.open.count
        let close = delimiters.close
        let sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
        let unclosed = { () -> TemplateError in
            self.syntaxError("unclosed tag: add '\(self.delimiters.closeText)' to end it", at: location)
        }
        switch sigil {
        case UInt8(ascii: "{"):
            // `{{{name}}}`: the content ends at `}` followed by the closing delimiter.
            guard let end = find([UInt8(ascii: "}")] + close, from: contentStart + 1) else { throw unclosed() }
            return Tag(sigil: UInt8(ascii: "&"), content: (contentStart + 1)..<end, end: end + 1 + close.count)
        case UInt8(ascii: "="):
            guard let end = find([UInt8(ascii: "=")] + close, from: contentStart + 1) else {
                throw syntaxError("unclosed set-delimiter tag: write it as \(delimiters.openText)=<open> <close>=\(delimiters.closeText)", at: location)
            }
            return Tag(sigil: sigil, content: (contentStart + 1)..<end, end: end + 1 + close.count)
        case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "!"),
             UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "%"):
            guard let end = find(close, from: contentStart + 1) else { throw unclosed() }
            return Tag(sigil: sigil, content: (contentStart + 1)..<end, end: end + close.count)
        default:
            guard let end = find(close, from: contentStart) else { throw unclosed() }
            return Tag(sigil: nil, content: contentStart..<end, end: end + close.count)
        }
    }

    /// Handles `{{/name}}` for whatever construct is open.
    private mutating func close(_ name: String, tag: Tag, tagStart: Int, leftClear: Bool, rightEnd: Int?,
                                location: SourceLocation) throws {
        let normalized = normalizeTargetText(name)
        let frame = frames[frames.count - 1]
        if case .root = frame.kind {
            throw syntaxError("unexpected \(delimiters.openText)/\(name)\(delimiters.closeText): no section, block or parent named '\(name)' is open; remove it or add the opening tag",
                              at: location)
        }
        guard frame.closeName == normalized else {
            throw syntaxError("\(delimiters.openText)/\(name)\(delimiters.closeText) does not match the open '\(frame.closeName)' from line \(frame.location.line); close '\(frame.closeName)' first",
                              at: location)
        }

        switch frame.kind {
        case .root:
            break

        case .section(let sectionName, let inverted, let contentStart, let sectionDelimiters):
            let standalone = beginStandardTag(tagStart: tagStart, leftClear: leftClear, rightEnd: rightEnd)
            let contentEnd = standalone ? lineStart : tagStart
            let finished = frames.removeLast()
            append(.section(Node.Section(name: sectionName, inverted: inverted, children: finished.nodes,
                                         location: finished.location, source: sharedSource,
                                         contentRange: contentStart..<max(contentStart, contentEnd), delimiters: sectionDelimiters)))
            endTag(end: tag.end, standaloneEnd: standalone ? rightEnd : nil)

        case .parent(let target, let leadingWhitespace):
            flushText(upTo: tagStart)  // ignored: text inside a parent pair
            let finished = frames.removeLast()
            let standalone = leadingWhitespace != nil && rightEnd != nil
            if !standalone, let whitespace = leadingWhitespace, !whitespace.isEmpty {
                append(.text(whitespace))
            }
            append(.parent(Node.Parent(target: target, indentation: standalone ? leadingWhitespace : nil,
                                       arguments: finished.arguments, location: finished.location)))
            if case .fixed(let slot, _) = target {
                result.parentCalls.append(ParentCall(slot: slot, location: finished.location, arguments: finished.argumentList))
            }
            endTag(end: tag.end, standaloneEnd: standalone ? rightEnd : nil)

        case .argument(let argumentName, _):
            flushText(upTo: leftClear ? lineStart : tagStart)
            let finished = frames.removeLast()
            updateStrip()
            let parentIndex = frames.count - 1
            if frames[parentIndex].arguments[argumentName] != nil {
                throw syntaxError("block '\(argumentName)' is overridden twice in this parent call; keep one", at: finished.location)
            }
            frames[parentIndex].arguments[argumentName] = finished.nodes
            frames[parentIndex].argumentList.append((argumentName, finished.location))
            endTag(end: tag.end, standaloneEnd: nil)

        case .block(let blockName, let openStandalone, let leadingWhitespace, let intrinsic):
            let standalone = beginStandardTag(tagStart: tagStart, leftClear: leftClear, rightEnd: rightEnd)
            let finished = frames.removeLast()
            let reindent: Node.Reindent
            if openStandalone, let intrinsic {
                reindent = .atLineStart(intrinsic)
            } else if let leadingWhitespace, rightEnd != nil {
                reindent = .afterIndentation(leadingWhitespace)
            } else {
                reindent = .none
            }
            append(.block(Node.Block(name: blockName, children: finished.nodes, reindent: reindent, location: finished.location)))
            endTag(end: tag.end, standaloneEnd: standalone ? rightEnd : nil)
        }
    }

    /// Opens a block override inside a parent pair.
    private mutating func openArgument(name: String, tag: Tag, rightEnd: Int?, location: SourceLocation) {
        flushText(upTo: tag.end)  // ignored: text inside a parent pair
        var intrinsic: [UInt8] = []
        if let rightEnd {
            intrinsic = Array(intrinsicIndentation(at: rightEnd))
        }
        frames.append(Frame(kind: .argument(name: name, strip: intrinsic), closeName: name, location: location))
        strip = intrinsic
        endTag(end: tag.end, standaloneEnd: rightEnd)
    }

    /// Recomputes ``strip`` from the innermost open block override.
    private mutating func updateStrip() {
        strip = []
        for frame in frames.reversed() {
            if case .argument(_, let intrinsic) = frame.kind {
                strip = intrinsic
                return
            }
        }
    }

    // MARK: - Whitespace

    /// Emits the text before a tag that may be standalone, and says whether it is.
    private mutating func beginStandardTag(tagStart: Int, leftClear: Bool, rightEnd: Int?) -> Bool {
        let standalone = leftClear && rightEnd != nil
        flushText(upTo: standalone ? lineStart : tagStart)
        return standalone
    }

    /// Moves past a tag: to `standaloneEnd` (past the line break) for a standalone tag.
    private mutating func endTag(end: Int, standaloneEnd: Int?) {
        consume(to: standaloneEnd ?? end)
        tagOnLine = standaloneEnd == nil
        textStart = pos
    }

    /// Whether `range` holds only spaces and tabs.
    private func isBlank(_ range: Range<Int>) -> Bool {
        guard range.lowerBound <= range.upperBound else { return false }
        for index in range where bytes[index] != Self.space && bytes[index] != Self.tab {
            return false
        }
        return true
    }

    /// If only spaces or tabs follow `end` up to a line break or the end of the text, the
    /// offset just past that line break; otherwise `nil`.
    private func standaloneEnd(after end: Int) -> Int? {
        var index = end
        while index < bytes.count && (bytes[index] == Self.space || bytes[index] == Self.tab) { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == Self.newline { return index + 1 }
        if bytes[index] == Self.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == Self.newline {
            return index + 2
        }
        return nil
    }

    /// The leading whitespace of the first line at or after `start` that is not blank (or of
    /// the last line, when all are blank).
    private func intrinsicIndentation(at start: Int) -> ArraySlice<UInt8> {
        var lineBegin = start
        while true {
            var index = lineBegin
            while index < bytes.count && (bytes[index] == Self.space || bytes[index] == Self.tab) { index += 1 }
            if index < bytes.count && bytes[index] == Self.newline {
                lineBegin = index + 1
            } else if index + 1 < bytes.count && bytes[index] == Self.carriageReturn && bytes[index + 1] == Self.newline {
                lineBegin = index + 2
            } else {
                return bytes[lineBegin..<index]
            }
        }
    }

    /// Leading whitespace as a string, less the indentation of the enclosing block override.
    private func indentationString<C: Collection>(_ whitespace: C) -> String where C.Element == UInt8 {
        var remainder = whitespace[...]
        var stripped = 0
        while stripped < strip.count, let first = remainder.first, first == strip[stripped] {
            remainder = remainder.dropFirst()
            stripped += 1
        }
        return String(decoding: remainder, as: UTF8.self)
    }

    private func indentationString(_ range: Range<Int>) -> String {
        indentationString(bytes[range])
    }

    /// Turns the pending text before `end` into a text node (dropped inside a parent pair).
    private mutating func flushText(upTo end: Int) {
        defer { textStart = max(textStart, end) }
        guard textStart < end else { return }
        if case .parent = frames[frames.count - 1].kind { return }
        let text = makeText(textStart..<end)
        if !text.isEmpty { append(.text(text)) }
    }

    /// The text in `range`, with the enclosing block override's indentation taken off the start
    /// of each line.
    private func makeText(_ range: Range<Int>) -> String {
        if strip.isEmpty { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        var atLineStart = index == 0 || bytes[index - 1] == Self.newline
        while index < range.upperBound {
            if atLineStart {
                var matched = 0
                while matched < strip.count && index < range.upperBound && bytes[index] == strip[matched] {
                    index += 1
                    matched += 1
                }
                atLineStart = false
                continue
            }
            let byte = bytes[index]
            out.append(byte)
            if byte == Self.newline { atLineStart = true }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func append(_ node: Node) {
        let index = frames.count - 1
        if case .text(let new) = node, case .text(let previous)? = frames[index].nodes.last {
            frames[index].nodes[frames[index].nodes.count - 1] = .text(previous + new)
        } else {
            frames[index].nodes.append(node)
        }
    }

    // MARK: - Tag contents

    private func trim(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    private func parseName(_ text: String, location: SourceLocation) throws -> Name {
        if text.isEmpty {
            throw syntaxError("empty tag: put a name between '\(delimiters.openText)' and '\(delimiters.closeText)'", at: location)
        }
        guard let name = Name(text) else {
            throw syntaxError("invalid name '\(text)': names are dotted identifiers without spaces, such as 'service.image' or '.'", at: location)
        }
        return name
    }

    private func parseBlockName(_ text: String, location: SourceLocation) throws -> String {
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else {
            throw syntaxError("invalid block name '\(text)': write \(delimiters.openText)$name\(delimiters.closeText) with a name without spaces", at: location)
        }
        return text
    }

    /// `*  name` → `*name`, so `{{> * dyn }}` can be closed by `{{/*dyn}}`.
    private func normalizeTargetText(_ text: String) -> String {
        guard text.hasPrefix("*") else { return text }
        return "*" + trim(String(text.dropFirst()))
    }

    private func closeName(of target: Node.Target) -> String {
        switch target {
        case .fixed(_, let name): return name
        case .dynamic(let name): return "*" + name.text
        }
    }

    private mutating func parseTarget(_ text: String, location: SourceLocation) throws -> Node.Target {
        if text.hasPrefix("*") {
            let name = try parseName(trim(String(text.dropFirst())), location: location)
            result.hasDynamicReferences = true
            return .dynamic(name)
        }
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else {
            throw syntaxError("invalid template name '\(text)': write the name of a template without spaces, e.g. \(delimiters.openText)>docker/base\(delimiters.closeText)", at: location)
        }
        let slot: Int
        if let existing = slotsByName[text] {
            slot = existing
        } else {
            slot = result.referencedNames.count
            slotsByName[text] = slot
            result.referencedNames.append(text)
            result.referenceLocations.append(location)
        }
        // Only the root frame is unconditional: the reference is resolved after the tag that
        // owns it is closed for parents, immediately for partials.
        if frames.count == 1 && result.unconditionalReferences[slot] == nil {
            result.unconditionalReferences[slot] = location
        }
        return .fixed(slot: slot, name: text)
    }

    private func parseDelimiters(_ content: String, location: SourceLocation) throws -> Delimiters {
        let parts = content.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw syntaxError("bad set-delimiter tag: write \(delimiters.openText)=<open> <close>=\(delimiters.closeText) with two delimiters separated by a space and no '=' in them",
                              at: location)
        }
        return Delimiters(open: Array(parts[0].utf8), close: Array(parts[1].utf8))
    }

    private func parsePragma(_ content: String, location: SourceLocation) throws -> EscapeFormat {
        let parts = content.split(whereSeparator: \.isWhitespace)
        let formats = EscapeFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2, parts[0] == "escape" else {
            throw syntaxError("unknown pragma '\(content)': the only pragma is \(delimiters.openText)%escape FORMAT\(delimiters.closeText) with FORMAT one of \(formats)",
                              at: location)
        }
        guard let format = EscapeFormat(rawValue: String(parts[1])) else {
            throw syntaxError("unknown escape format '\(parts[1])': use one of \(formats)", at: location)
        }
        return format
    }

    private func syntaxError(_ message: String, at location: SourceLocation) -> TemplateError {
        TemplateError(kind: .syntax, message: message, path: path, bytes: bytes, at: location)
    }
}

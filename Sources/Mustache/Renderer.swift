/// Renders parsed templates into a string buffer.
///
/// The renderer keeps the state Mustache needs while walking the tree: the context stack, the
/// block overrides passed by enclosing parent calls, the indentation of standalone partials, and
/// the escape format in effect. It also knows the text of the current output line, which YAML
/// block scalars need.
struct Renderer {
    /// How deeply partials, parents and lambdas may nest before rendering gives up.
    static let maximumDepth = 100

    /// Block overrides passed by one parent call, and the template they were written in (whose
    /// references they resolve against).
    private struct OverrideScope {
        let arguments: [String: [Node]]
        let owner: CompiledTemplate
    }

    private let library: TemplateLibrary
    private let strict: Bool
    private var format: EscapeFormat
    private(set) var output = ""
    private var contexts: [TemplateValue]
    private var scopes: [OverrideScope] = []
    /// Written before each line of template text (standalone partials, re-indented blocks).
    private var indentation = ""
    /// Whether the indentation for the current line is still to be written. Only meaningful
    /// while ``indentation`` is not empty.
    private var atLineStart = false
    private var depth = 0

    init(library: TemplateLibrary, context: TemplateValue, format: EscapeFormat, strict: Bool) {
        self.library = library
        self.strict = strict
        self.format = format
        contexts = [context]
    }

    /// Renders a whole template.
    mutating func render(_ template: CompiledTemplate) throws {
        output.reserveCapacity(template.bytes.count + template.bytes.count / 2)
        try render(template.nodes, in: template)
    }

    // MARK: - Nodes

    private mutating func render(_ nodes: [Node], in template: CompiledTemplate) throws {
        for node in nodes {
            switch node {
            case .text(let text):
                writeText(text)
            case .variable(let variable):
                try renderVariable(variable, in: template)
            case .section(let section):
                try renderSection(section, in: template)
            case .partial(let partial):
                guard let target = try resolve(partial.target, in: template, at: partial.location) else { continue }
                try include(target, indentation: partial.indentation, from: template, at: partial.location)
            case .parent(let parent):
                guard let target = try resolve(parent.target, in: template, at: parent.location) else { continue }
                scopes.append(OverrideScope(arguments: parent.arguments, owner: template))
                try include(target, indentation: parent.indentation, from: template, at: parent.location)
                scopes.removeLast()
            case .block(let block):
                try renderBlock(block, in: template)
            case .escapeFormat(let newFormat):
                format = newFormat
            }
        }
    }

    private mutating func renderVariable(_ variable: Node.Variable, in template: CompiledTemplate) throws {
        guard var value = lookup(variable.name) else {
            if strict { throw missing(variable.name, in: template, at: variable.location) }
            return
        }
        if case .lambda(let lambda) = value {
            value = .string(try renderToString(lambda(nil), delimiters: .standard, in: template, at: variable.location))
        }
        var site = Escaper.Site.inline
        if variable.escaped, format == .yaml, case .string(let string) = value, string.utf8.contains(UInt8(ascii: "\n")) {
            writeIndentationIfNeeded()
            site = Escaper.Site(linePrefix: currentLinePrefix(), endsLine: variable.endsLine)
        }
        let text: String
        do {
            text = try Escaper.text(for: value, format: format, escape: variable.escaped, site: site)
        } catch let failure as Escaper.Failure {
            throw template.error(.invalidValue, "'\(variable.name.text)' is \(value.kindDescription): \(failure.message)", at: variable.location)
        }
        writeValue(text)
    }

    private mutating func renderSection(_ section: Node.Section, in template: CompiledTemplate) throws {
        let value = lookup(section.name)
        if section.inverted {
            if !(value?.isTruthy ?? false) {
                try render(section.children, in: template)
            }
            return
        }
        guard let value else {
            if strict { throw missing(section.name, in: template, at: section.location) }
            return
        }
        switch value {
        case .lambda(let lambda):
            let compiled = try compileLambdaResult(lambda(section.rawText), delimiters: section.delimiters, in: template, at: section.location)
            let savedFormat = format
            try nest(at: section.location, in: template) { renderer in
                try renderer.render(compiled.nodes, in: compiled)
            }
            format = savedFormat
        case .array(let elements):
            for element in elements {
                contexts.append(element)
                try render(section.children, in: template)
                contexts.removeLast()
            }
        default:
            guard value.isTruthy else { return }
            contexts.append(value)
            try render(section.children, in: template)
            contexts.removeLast()
        }
    }

    private mutating func renderBlock(_ block: Node.Block, in template: CompiledTemplate) throws {
        // The outermost override wins: a child's override beats its parent's own arguments.
        guard let index = scopes.firstIndex(where: { $0.arguments[block.name] != nil }) else {
            try render(block.children, in: template)
            return
        }
        let scope = scopes[index]
        let savedScopes = scopes
        let savedIndentation = indentation
        let savedFormat = format
        // While rendering an override, only overrides from further out apply, so an override
        // cannot expand itself.
        scopes.removeSubrange(index...)
        switch block.reindent {
        case .none:
            break
        case .atLineStart(let extra):
            indentation += extra
            atLineStart = true
        case .afterIndentation(let extra):
            indentation += extra
            atLineStart = false
        }
        try render(scope.arguments[block.name]!, in: scope.owner)
        scopes = savedScopes
        indentation = savedIndentation
        format = savedFormat
    }

    /// Renders a partial or parent: with extra indentation when its tag is standalone, and with
    /// its own escape format scope (a `{{%escape}}` inside does not leak out).
    private mutating func include(_ target: CompiledTemplate, indentation extra: String?, from template: CompiledTemplate,
                                  at location: SourceLocation) throws {
        let savedIndentation = indentation
        let savedFormat = format
        if let extra {
            indentation += extra
            atLineStart = true
        }
        try nest(at: location, in: template) { renderer in
            try renderer.render(target.nodes, in: target)
        }
        indentation = savedIndentation
        format = savedFormat
    }

    /// Runs `body` one nesting level deeper, failing past ``maximumDepth``.
    private mutating func nest(at location: SourceLocation, in template: CompiledTemplate,
                               _ body: (inout Renderer) throws -> Void) throws {
        guard depth < Self.maximumDepth else {
            throw template.error(.recursion,
                "partials, parents and lambdas nest more than \(Self.maximumDepth) levels deep here; check for a recursive partial whose data never ends",
                at: location)
        }
        depth += 1
        try body(&self)
        depth -= 1
    }

    // MARK: - Names

    /// Resolves a dotted name against the context stack: the first part in the innermost
    /// context that has it, the other parts inside that value only.
    private func lookup(_ name: Name) -> TemplateValue? {
        guard let first = name.parts.first else { return contexts.last }
        var found: TemplateValue?
        for context in contexts.reversed() {
            if case .object(let members) = context, let value = members[first] {
                found = value
                break
            }
        }
        guard var current = found else { return nil }
        for part in name.parts.dropFirst() {
            guard case .object(let members) = current, let value = members[part] else { return nil }
            current = value
        }
        return current
    }

    private func missing(_ name: Name, in template: CompiledTemplate, at location: SourceLocation) -> TemplateError {
        template.error(.missingValue(name.text), "missing '\(name.text)'", at: location)
    }

    /// The template a partial or parent tag names; `nil` (render nothing) when it cannot be found
    /// in non-strict mode.
    private func resolve(_ target: Node.Target, in template: CompiledTemplate, at location: SourceLocation) throws -> CompiledTemplate? {
        switch target {
        case .fixed(let slot, let name):
            if let index = template.references[slot] { return library.templates[index] }
            if strict {
                throw template.error(.unknownTemplate(name),
                                     "no template named '\(name)'\(TemplateLibrary.suggestion(for: name, among: library.names))", at: location)
            }
            return nil
        case .dynamic(let name):
            guard let value = lookup(name) else {
                if strict { throw missing(name, in: template, at: location) }
                return nil
            }
            guard case .string(let templateName) = value else {
                if strict {
                    throw template.error(.invalidValue, "'\(name.text)' is \(value.kindDescription), but a dynamic partial needs the name of a template", at: location)
                }
                return nil
            }
            guard let index = library.resolve(templateName, from: template) else {
                if strict {
                    throw template.error(.unknownTemplate(templateName),
                        "no template named '\(templateName)' (the value of '\(name.text)')\(TemplateLibrary.suggestion(for: templateName, among: library.names))",
                        at: location)
                }
                return nil
            }
            return library.templates[index]
        }
    }

    // MARK: - Lambdas

    private func compileLambdaResult(_ text: String, delimiters: Delimiters, in template: CompiledTemplate,
                                     at location: SourceLocation) throws -> CompiledTemplate {
        let line = location.line
        return try library.compile(text, path: "\(template.path):\(line) (lambda result)", delimiters: delimiters,
                                   as: (template.name, template.isOverride))
    }

    /// Renders a lambda's result into a separate buffer, for interpolation. Tags inside it are
    /// not escaped: the whole result is escaped once afterwards, so a value comes out right in
    /// YAML or shell instead of being quoted twice.
    private mutating func renderToString(_ text: String, delimiters: Delimiters, in template: CompiledTemplate,
                                         at location: SourceLocation) throws -> String {
        let compiled = try compileLambdaResult(text, delimiters: delimiters, in: template, at: location)
        let savedOutput = output
        let savedIndentation = indentation
        let savedAtLineStart = atLineStart
        let savedFormat = format
        output = ""
        indentation = ""
        atLineStart = false
        format = .none
        try nest(at: location, in: template) { renderer in
            try renderer.render(compiled.nodes, in: compiled)
        }
        let rendered = output
        output = savedOutput
        indentation = savedIndentation
        atLineStart = savedAtLineStart
        format = savedFormat
        return rendered
    }

    // MARK: - Output

    /// Writes template text, indenting each line when inside an indented partial or block.
    /// Empty lines are not indented, so no trailing whitespace appears.
    private mutating func writeText(_ text: String) {
        if indentation.isEmpty {
            output += text
            return
        }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let lineEnd = newline ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            if !line.isEmpty && line != "\r" {
                if atLineStart { output += indentation }
                atLineStart = false
            }
            output += line
            if let newline {
                output += "\n"
                atLineStart = true
                lineStart = utf8.index(after: newline)
            } else {
                lineStart = lineEnd
            }
        }
    }

    /// Writes an interpolated value; line breaks inside it are not indented.
    private mutating func writeValue(_ text: String) {
        guard !text.isEmpty else { return }
        writeIndentationIfNeeded()
        output += text
    }

    private mutating func writeIndentationIfNeeded() {
        if atLineStart && !indentation.isEmpty { output += indentation }
        atLineStart = false
    }

    /// The output written so far on the current line.
    private func currentLinePrefix() -> Substring {
        let utf8 = output.utf8
        guard let newline = utf8.lastIndex(of: UInt8(ascii: "\n")) else { return output[...] }
        return output[utf8.index(after: newline)...]
    }
}

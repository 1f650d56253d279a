/// One element of a parsed template. Parsing resolves all whitespace rules (standalone lines,
/// indentation of partials and blocks), so rendering only walks the tree.
indirect enum Node: Sendable {
    /// Literal text.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(Variable)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(Section)
    /// `{{>name}}` or `{{>*dynamic}}`.
    case partial(Partial)
    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: a partial with block overrides.
    case parent(Parent)
    /// `{{$name}}default{{/name}}`: a place a parent call can override.
    case block(Block)
    /// `{{%escape NAME}}`: switches the escape format for the rest of the template body.
    case escapeFormat(EscapeFormat)

    // The payloads are classes so that walking the tree retains one object per node.

    /// A variable tag.
    final class Variable: Sendable {
        let name: Name
        /// `false` for `{{{name}}}` and `{{&name}}`.
        let escaped: Bool
        let location: SourceLocation
        /// Whether a line break follows the tag directly in the template (YAML block scalars
        /// are only used there).
        let endsLine: Bool

        init(name: Name, escaped: Bool, location: SourceLocation, endsLine: Bool) {
            self.name = name
            self.escaped = escaped
            self.location = location
            self.endsLine = endsLine
        }
    }

    /// A section or inverted section.
    final class Section: Sendable {
        let name: Name
        let inverted: Bool
        let children: [Node]
        let location: SourceLocation
        /// The template's bytes and where this section's content lies in them: nested sections
        /// share one buffer, so memory stays linear in the template's size however deep they nest.
        let source: SourceBytes
        let contentRange: Range<Int>
        /// The delimiters in effect at the opening tag, for rendering a lambda's result.
        let delimiters: Delimiters

        /// The unrendered text between the tags, passed to lambdas.
        var rawText: String { String(decoding: source.bytes[contentRange], as: UTF8.self) }

        init(name: Name, inverted: Bool, children: [Node], location: SourceLocation, source: SourceBytes, contentRange: Range<Int>, delimiters: Delimiters) {
            self.name = name
            self.inverted = inverted
            self.children = children
            self.location = location
            self.source = source
            self.contentRange = contentRange
            self.delimiters = delimiters
        }
    }

    /// Which template a partial or parent tag names.
    enum Target: Sendable {
        /// A name written in the tag; `slot` indexes the template's resolved references.
        case fixed(slot: Int, name: String)
        /// `*name`: the template named by the context value `name`, looked up when rendering.
        case dynamic(Name)
    }

    /// A partial tag.
    final class Partial: Sendable {
        let target: Target
        /// The indentation to put before each line of the partial when the tag stands alone on
        /// its line (possibly empty); `nil` for an inline tag.
        let indentation: String?
        let location: SourceLocation

        init(target: Target, indentation: String?, location: SourceLocation) {
            self.target = target
            self.indentation = indentation
            self.location = location
        }
    }

    /// A parent tag pair with its block overrides.
    final class Parent: Sendable {
        let target: Target
        /// As for ``Partial/indentation``: set when the pair stands alone on its line.
        let indentation: String?
        /// Overriding content by block name.
        let arguments: [String: [Node]]
        let location: SourceLocation

        init(target: Target, indentation: String?, arguments: [String: [Node]], location: SourceLocation) {
            self.target = target
            self.indentation = indentation
            self.arguments = arguments
            self.location = location
        }
    }

    /// A block (a parameter of the template it appears in).
    final class Block: Sendable {
        let name: String
        /// The default content.
        let children: [Node]
        /// How overriding content is indented here.
        let reindent: Reindent
        let location: SourceLocation

        init(name: String, children: [Node], reindent: Reindent, location: SourceLocation) {
            self.name = name
            self.children = children
            self.reindent = reindent
            self.location = location
        }
    }

    /// Indentation given to a block's overriding content (which was stripped of its own
    /// indentation where it was written).
    enum Reindent: Sendable {
        /// The block is inline: content goes in as it is.
        case none
        /// The opening tag stands alone on its line: every line of the content gets this
        /// indentation (the indentation of the block's default content).
        case atLineStart(String)
        /// The pair sits on one line after this whitespace, which is already written: lines
        /// after the first get it too.
        case afterIndentation(String)
    }
}

/// A template's source bytes, shared by the nodes that refer back to them.
final class SourceBytes: Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

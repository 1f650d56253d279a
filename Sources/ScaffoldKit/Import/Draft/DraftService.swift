/// One service of the drafted blueprint: a factory call (`.app`, `.image`, `.redis`, ...), its
/// arguments in declaration order, and the comments that go inside it.
struct DraftService: Encodable, Sendable {
    /// The factory, without the dot: `app`, `image`, `postgres`, `proxy`, ...
    var factory: String
    /// The arguments, in the factory's parameter order.
    var arguments: [DraftArgument]
    /// `// not imported: key: value` lines: compose settings the DSL can't express.
    var notImported: [String]
    /// `// review: ...` lines: what import guessed or changed and you should check.
    var review: [String]
    /// Whether the call fits on one line (no block arguments, no comments).
    var inlineForm: Bool
    /// Whether the call spans lines.
    var blockForm: Bool

    init(factory: String, arguments: [DraftArgument], notImported: [String], review: [String]) {
        var arguments = arguments
        for index in arguments.indices { arguments[index].more = index < arguments.count - 1 }
        self.factory = factory
        self.arguments = arguments
        self.notImported = notImported.map(SwiftLiteral.comment)
        self.review = review.map(SwiftLiteral.comment)
        let length = arguments.reduce(factory.count + 12) { $0 + $1.label.count + $1.inline.count + 2 }
        inlineForm = notImported.isEmpty && review.isEmpty && !arguments.contains(where: \.block) && length <= 110
        blockForm = !inlineForm
    }
}

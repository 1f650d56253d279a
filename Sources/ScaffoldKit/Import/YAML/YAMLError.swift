/// A YAML text scaffold can't read, with the line it stopped at and what to change.
public struct YAMLError: Error, Equatable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// What is wrong and what to do.
    public var message: String

    /// An error at `line`.
    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`; callers put the file name in front.
    public var description: String { "line \(line): \(message)" }
}

/// A tiny argument parser: positionals, `--flag`, `--option VALUE` and `-o VALUE`.
struct Arguments {
    var positionals: [String] = []
    var flags: Set<String> = []
    var options: [String: String] = [:]

    /// Parses `raw` given which names take a value; unknown names are a usage error.
    init(_ raw: [String], flags allowedFlags: Set<String>, options allowedOptions: Set<String>, aliases: [String: String] = [:]) throws {
        var index = 0
        while index < raw.count {
            var argument = raw[index]
            if let alias = aliases[argument] { argument = alias }
            if argument == "--" {
                positionals += raw[(index + 1)...]
                break
            }
            if argument.hasPrefix("-") && argument.count > 1 {
                var name = argument
                var inlineValue: String?
                if let equals = argument.firstIndex(of: "=") {
                    name = String(argument[..<equals])
                    inlineValue = String(argument[argument.index(after: equals)...])
                }
                if allowedFlags.contains(name) && inlineValue == nil {
                    flags.insert(name)
                } else if allowedOptions.contains(name) {
                    if let inlineValue {
                        options[name] = inlineValue
                    } else {
                        index += 1
                        guard index < raw.count else { throw UsageError("\(name) needs a value") }
                        options[name] = raw[index]
                    }
                } else {
                    throw UsageError("unknown option '\(name)'")
                }
            } else {
                positionals.append(argument)
            }
            index += 1
        }
    }
}

/// A command line that can't be understood; exit 64.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

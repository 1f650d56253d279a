/// A tiny argument parser: positionals, `--flag`, `--option VALUE` and `-o VALUE`.
struct Arguments {
    var positionals: [String] = []
    var flags: Set<String> = []
    var options: [String: String] = [:]
    /// Every value of a `repeatable` option, in order (`-f a.yml -f b.yml`).
    var lists: [String: [String]] = [:]

    /// Parses `raw` given which names take a value; unknown names are a usage error, and so is
    /// an option given twice unless it is `repeatable`.
    init(_ raw: [String], flags allowedFlags: Set<String>, options allowedOptions: Set<String>, repeatable: Set<String> = [], aliases: [String: String] = [:]) throws {
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
                    let value: String
                    if let inlineValue {
                        value = inlineValue
                    } else {
                        index += 1
                        guard index < raw.count else { throw UsageError("\(name) needs a value") }
                        value = raw[index]
                    }
                    if options[name] != nil && !repeatable.contains(name) {
                        throw UsageError("\(name) is given twice; give it once")
                    }
                    options[name] = value
                    lists[name, default: []].append(value)
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

import Foundation
import Mustache
import Testing

/// Renders many nasty strings through the escapers and checks that real parsers read back
/// exactly the same value.
@Suite("Round trip through real parsers", .enabled(if: PythonParsers.isAvailable, "round trip: skipped, python3 with PyYAML is not available"))
struct RoundTripTests {
    /// Hand-picked strings that break naive escapers.
    static let tricky: [String] = [
        "", " ", "  leading", "trailing  ", " both ", "no", "yes", "NO", "On", "off", "y", "Y", "n", "~", "null", "Null",
        "NULL", "true", "False", "TRUE", "0", "-0", "007", "0x1F", "0o7", "0b101", "1_000", "1e3", "1E-3", "1.5e+3",
        ".5", "5.", "+1", "-1", ".inf", "-.inf", "+.INF", ".nan", ".NaN", "1:20", "190:20:30", "2024-01-01",
        "2024-01-01T10:00:00Z", "a: b", "a:b", "a #b", "a# b", "#x", "- x", "-", "--", "---", "...", "..", ".", "? x", "?",
        ":", "::", "key:", "[a]", "{a}", "a]", "*a", "&a", "!tag", "!!str", "|", ">", "|-", "'", "\"", "''", "%x", "@x",
        "`x`", "a\nb", "a\n", "a\n\n", "\na", "\n", "\n\n", " a\nb", "a\n b", "a\n\n\nb", "  \n  ", "a\t\nb", "\ta",
        "a\t", "a\r\nb", "a\rb", "\u{85}", "a\u{85}b", "é", "日本語", "🎉 party", "=", "<<", "a,b", "x y", "C:\\path\\x",
        "${x}", "%{y}", "$${x}", "a: b\nc: d", "- a\n- b", "  - a\n  - b\n", "line1\n  line2\n    line3",
        "trailing space \nnext", " \n", "\u{FEFF}bom", "a\u{2028}b", "\u{7F}", "\u{1}\u{2}", "\u{0}", "back\\slash",
        "it's", "say \"hi\"", "/", "/usr/bin/env", "./run.sh", "python:3.12-slim", "ghcr.io/org/app:1.0", "1.2.3",
        "v1.2.3", "1.0", "3.11", "0.0.0.0", "127.0.0.1:8080", "#!/bin/sh\nexec \"$@\"\n", "\n\nx\n\n", "x\n\n\n",
        "  \nx", "\n  x", "a\n  \nb", "--flag=value", "\\", "\\n", "\u{1F600}\n\u{1F600}",
    ]

    /// A deterministic pseudo-random generator (SplitMix64), so failures can be reproduced.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let alphabet: [String] = [
        "a", "b", "Z", "e", "x", "y", "n", "0", "1", "9", ":", "#", "-", "?", "{", "}", "[", "]", ",", "&", "*", "!", "|",
        ">", "'", "\"", "%", "@", "`", " ", "  ", "\n", "\t", "é", "日", "🎉", "\\", "/", ".", "_", "=", "~", "+", "$",
        "\r", "\u{85}", "\u{2028}", "\u{7F}", "\u{1}", "\u{FEFF}", "no", "true", "null", ": ", " #", "- ", "\n  ",
    ]
    static let numberish: [String] = ["0", "1", "7", "9", ".", "e", "E", "+", "-", "_", ":", "x", "o", "b"]

    /// The tricky strings plus `count` generated ones.
    static func cases(count: Int) -> [String] {
        var random = SplitMix64(state: 0x5CAF_F01D)
        var result = tricky
        for index in 0..<count {
            var text = ""
            let pieces = index % 7 == 0 ? numberish : alphabet
            for _ in 0..<random.below(index % 7 == 0 ? 8 : 16) {
                text += pieces[random.below(pieces.count)]
            }
            switch random.below(6) {
            case 0: text = " " + text
            case 1: text += " "
            case 2: text += "\n"
            case 3: text = "\n" + text + "\n\n"
            default: break
            }
            result.append(text)
        }
        return result
    }

    static let yamlTemplate = """
    top: {{v}}
    list:
    - {{v}}
    - - {{v}}
    nested:
      items:
        - name: {{v}}
          after: 1
        - {{v}}
      deeper:
        key: {{v}}
    flow: [{{v}}, x]
    map: {k: {{v}}}
    comment: {{v}} # trailing comment
    {{v}}: key

    """

    static func expectedYAML(_ value: String) -> TemplateValue {
        let v = TemplateValue.string(value)
        return [
            "top": v,
            "list": [v, [v]],
            "nested": ["items": [["name": v, "after": 1], v], "deeper": ["key": v]],
            "flow": [v, "x"],
            "map": ["k": v],
            "comment": v,
            .init(stringLiteral: value): "key",
        ]
    }

    @Test("YAML: values read back identically in every position")
    func yamlRoundTrip() throws {
        let strings = Self.cases(count: 1500)
        // A block scalar cannot be a mapping key, so multi-line strings skip the last line.
        let keyLine = "{{v}}: key\n"
        let set = try TemplateSet(builtIn: [
            TemplateSource(name: "doc", path: "doc.yaml.mustache", text: Self.yamlTemplate),
            TemplateSource(name: "doc-no-key", path: "doc-no-key.yaml.mustache", text: String(Self.yamlTemplate.dropLast(keyLine.count))),
            TemplateSource(name: "root", path: "root.yaml.mustache", text: "{{v}}\n"),
        ])
        let keyable = strings.map { !$0.contains("\n") }
        let documents = try zip(strings, keyable).map { string, asKey in
            try set.render(asKey ? "doc" : "doc-no-key", context: ["v": .string(string)], format: .yaml)
        }
        let roots = try strings.map { try set.render("root", context: ["v": .string($0)], format: .yaml) }
        let parsed = try #require(try PythonParsers.parse(["yaml": documents + roots])["yaml"])

        var failures = 0
        for (index, string) in strings.enumerated() {
            var expected = Self.expectedYAML(string)
            if !keyable[index], case .object(var members) = expected {
                members[string] = nil
                expected = .object(members)
            }
            failures += check(parsed[index], expected: expected, input: string, document: documents[index])
            failures += check(parsed[strings.count + index], expected: .string(string), input: string, document: roots[index])
        }
        print("round trip: yaml \(strings.count - failures)/\(strings.count) strings, \(documents.count + roots.count) documents parsed by PyYAML")
        #expect(failures == 0)
    }

    @Test("JSON, Dockerfile and shell: values read back identically")
    func jsonShellRoundTrip() throws {
        let strings = Self.cases(count: 1500)
        let set = try TemplateSet(builtIn: [
            TemplateSource(name: "json", path: "x.json.mustache", text: "{\"v\": {{v}}, \"list\": [{{#list}}{{.}}, {{/list}}{{v}}]}"),
            TemplateSource(name: "docker", path: "Dockerfile.mustache", text: "[{{v}}, {{{raw}}}]"),
            TemplateSource(name: "shell", path: "x.sh.mustache", text: "run {{v}} --flag={{v}} {{#list}}{{.}} {{/list}}"),
        ])
        var json: [String] = [], docker: [String] = [], shell: [String] = []
        for string in strings {
            let context: TemplateValue = ["v": .string(string), "list": [.string(string), 1, true], "raw": "1"]
            json.append(try set.render("json", context: context, format: .json))
            docker.append(try set.render("docker", context: context, format: .dockerfile))
            shell.append(try set.render("shell", context: context, format: .shell))
        }
        let parsed = try PythonParsers.parse(["json": json, "shell": shell])
        let parsedDocker = try #require(try PythonParsers.parse(["json": docker])["json"])
        var failures = 0
        for (index, string) in strings.enumerated() {
            let v = TemplateValue.string(string)
            failures += check(try #require(parsed["json"])[index], expected: ["v": v, "list": [v, 1, true, v]], input: string, document: json[index])
            failures += check(parsedDocker[index], expected: [v, 1], input: string, document: docker[index])
            failures += check(try #require(parsed["shell"])[index], expected: ["run", v, .string("--flag=" + string), v, "1", "true"],
                              input: string, document: shell[index])
        }
        print("round trip: json/dockerfile/shell \(strings.count) strings each, \(failures) failures")
        #expect(failures == 0)
    }

    /// Records an issue (for the first few) when `parsed` is not `expected`; returns 1 on failure.
    private func check(_ parsed: PythonParsers.Parsed, expected: TemplateValue, input: String, document: String) -> Int {
        switch parsed {
        case .success(let value) where value == expected:
            return 0
        case .success(let value):
            Issue.record("input \(input.debugDescription) read back as \(value), rendered as:\n\(document)")
        case .failure(let failure):
            Issue.record("input \(input.debugDescription) did not parse (\(failure)), rendered as:\n\(document)")
        }
        return 1
    }
}

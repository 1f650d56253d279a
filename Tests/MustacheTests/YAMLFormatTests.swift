import Mustache
import Testing

/// Golden tests for `EscapeFormat.yaml`.
@Suite("YAML escaping")
struct YAMLFormatTests {
    @Test("the Norway problem: YAML 1.1 boolean words are quoted", arguments: ["no", "on", "yes", "NO", "y", "Off", "TRUE", "n", "null", "Null", "~"])
    func norway(_ word: String) throws {
        #expect(try render("country: {{c}}\n", ["c": .string(word)], format: .yaml) == "country: \"\(word)\"\n")
    }

    @Test("real booleans and null are plain")
    func booleans() throws {
        #expect(try render("a: {{a}}\nb: {{b}}\nc: {{c}}\n", ["a": true, "b": false, "c": nil], format: .yaml)
                == "a: true\nb: false\nc: null\n")
    }

    @Test("a numeric string stays a string, a number stays a number")
    func numbers() throws {
        #expect(try render("port: {{p}}\n", ["p": "8080"], format: .yaml) == "port: \"8080\"\n")
        #expect(try render("port: {{p}}\n", ["p": 8080], format: .yaml) == "port: 8080\n")
        #expect(try render("ratio: {{r}}\n", ["r": 0.5], format: .yaml) == "ratio: 0.5\n")
        #expect(try render("big: {{r}}\n", ["r": 1e20], format: .yaml) == "big: 1.0e+20\n")
        #expect(try render("inf: {{r}}\n", ["r": .double(-.infinity)], format: .yaml) == "inf: -.inf\n")
    }

    @Test("number-like strings are quoted", arguments: ["0x1F", "0o7", "1_000", "1e3", ".5", "+1", "-1", ".inf", ".NaN", "1:20", "2024-01-01", "1.0", "..."])
    func numberLike(_ text: String) throws {
        #expect(try render("v: {{v}}\n", ["v": .string(text)], format: .yaml) == "v: \"\(text)\"\n")
    }

    @Test("safe words are plain", arguments: ["web", "python3.12", "/usr/local/bin", "./app", "my-service_1", "a.b-c/d"])
    func plain(_ text: String) throws {
        #expect(try render("v: {{v}}\n", ["v": .string(text)], format: .yaml) == "v: \(text)\n")
    }

    @Test("': ' and ' #' and quotes are quoted and escaped")
    func indicators() throws {
        #expect(try render("cmd: {{v}}\n", ["v": "echo a: b #c"], format: .yaml) == "cmd: \"echo a: b #c\"\n")
        #expect(try render("v: {{v}}\n", ["v": "say \"hi\" \\ bye"], format: .yaml) == "v: \"say \\\"hi\\\" \\\\ bye\"\n")
        #expect(try render("v: {{v}}\n", ["v": ""], format: .yaml) == "v: \"\"\n")
        #expect(try render("v: {{v}}\n", ["v": "tab\there\u{1}\u{7F}\u{85}\u{2028}é"], format: .yaml)
                == "v: \"tab\\there\\u0001\\u007F\\u0085\\u2028é\"\n")
    }

    @Test("multi-line values become literal block scalars indented under their key")
    func blockScalars() throws {
        #expect(try render("  key: {{v}}\n", ["v": "line1\nline2"], format: .yaml) == "  key: |-\n    line1\n    line2\n")
        #expect(try render("    - name: {{v}}\n", ["v": "a\nb"], format: .yaml) == "    - name: |-\n        a\n        b\n")
        #expect(try render("      - {{v}}\n", ["v": "a\nb"], format: .yaml) == "      - |-\n        a\n        b\n")
        #expect(try render("k: {{v}}\n", ["v": "a\n\nb\n"], format: .yaml) == "k: |\n  a\n\n  b\n")
        #expect(try render("k: {{v}}\n", ["v": "a\nb\n\n"], format: .yaml) == "k: |+\n  a\n  b\n\n")
        #expect(try render("k: {{v}}\n", ["v": "  indented\nnot"], format: .yaml) == "k: |2-\n    indented\n  not\n")
    }

    @Test("a multi-line value inside a nested list item")
    func nestedListItem() throws {
        let template = """
        services:
          web:
            containers:
        {{#containers}}
              - name: {{name}}
                script: {{script}}
        {{/containers}}

        """
        let context: TemplateValue = ["containers": [["name": "app", "script": "set -e\necho \"ok\"\n"]]]
        #expect(try render(template, context, format: .yaml) == """
        services:
          web:
            containers:
              - name: app
                script: |
                  set -e
                  echo "ok"

        """)
    }

    @Test("the block scalar follows partial indentation")
    func blockScalarInIndentedPartial() throws {
        let output = try render("spec:\n  {{>env}}\n", ["v": "x\ny"], format: .yaml, partials: ["env": "value: {{v}}\n"])
        #expect(output == "spec:\n  value: |-\n    x\n    y\n")
    }

    @Test("where a block scalar would not parse, multi-line values are quoted")
    func blockScalarFallback() throws {
        #expect(try render("k: [{{v}}]\n", ["v": "a\nb"], format: .yaml) == "k: [\"a\\nb\"]\n")
        #expect(try render("k: {{v}} # note\n", ["v": "a\nb"], format: .yaml) == "k: \"a\\nb\" # note\n")
        #expect(try render("k: {{v}}", ["v": "a\nb"], format: .yaml) == "k: \"a\\nb\"")
        #expect(try render("k: {{v}}\n", ["v": "a\r\nb"], format: .yaml) == "k: \"a\\u000D\\nb\"\n")
        #expect(try render("k: {{v}}\n", ["v": "\n\n"], format: .yaml) == "k: \"\\n\\n\"\n")
    }

    @Test("lists and objects are written in flow style")
    func structured() throws {
        #expect(try render("args: {{a}}\n", ["a": ["run", "8080", 3, ["k": "no"]]], format: .yaml)
                == "args: [run, \"8080\", 3, {k: \"no\"}]\n")
    }

    @Test("raw tags are not escaped")
    func raw() throws {
        #expect(try render("v: {{{v}}} {{&v}}\n", ["v": "no"], format: .yaml) == "v: no no\n")
    }
}

import Mustache
import Testing

/// Golden tests for `EscapeFormat.json` and `EscapeFormat.dockerfile`.
@Suite("JSON and Dockerfile escaping")
struct JSONFormatTests {
    @Test("JSON strings keep unicode and escape control characters")
    func strings() throws {
        #expect(try render("{\"v\": {{v}}}", ["v": "héllo 日本 🎉 / \"q\" \\ \n\t\r\u{8}\u{C}\u{1}\u{1F}"], format: .json)
                == "{\"v\": \"héllo 日本 🎉 / \\\"q\\\" \\\\ \\n\\t\\r\\b\\f\\u0001\\u001F\"}")
    }

    @Test("numbers, booleans and null are JSON literals")
    func scalars() throws {
        #expect(try render("[{{a}}, {{b}}, {{c}}, {{d}}, {{e}}]", ["a": 1, "b": 2.5, "c": true, "d": nil, "e": "1"], format: .json)
                == "[1, 2.5, true, null, \"1\"]")
    }

    @Test("lists and objects are JSON, keys sorted")
    func structured() throws {
        #expect(try render("{{v}}", ["v": ["b": [1, "x"], "a": nil]], format: .json) == "{\"a\": null, \"b\": [1, \"x\"]}")
    }

    @Test("Dockerfile exec form")
    func execForm() throws {
        let template = "CMD [{{#cmd}}{{value}}{{^last}}, {{/last}}{{/cmd}}]\nENV PORT={{port}}\n"
        let context: TemplateValue = [
            "cmd": [["value": "python", "last": false], ["value": "-m", "last": false], ["value": "say \"hi\"", "last": true]],
            "port": 8080,
        ]
        #expect(try render(template, context, format: .dockerfile) == "CMD [\"python\", \"-m\", \"say \\\"hi\\\"\"]\nENV PORT=8080\n")
    }

    @Test("Dockerfile exec form with the implicit iterator")
    func execFormIterator() throws {
        #expect(try render("ENTRYPOINT [{{#a}}{{.}}, {{/a}}\"--\"]", ["a": ["tini", "-g"]], format: .dockerfile)
                == "ENTRYPOINT [\"tini\", \"-g\", \"--\"]")
    }

    @Test("Dockerfile null is an empty string")
    func dockerfileNull() throws {
        #expect(try render("CMD [{{v}}]", ["v": nil], format: .dockerfile) == "CMD [\"\"]")
    }
}

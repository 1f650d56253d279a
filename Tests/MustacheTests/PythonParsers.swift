import Foundation
import Mustache

/// Parses generated documents back with real parsers, in one `python3` process per call:
/// PyYAML (both its pure-Python `SafeLoader` and libyaml's `CSafeLoader` when present) for
/// YAML, the `json` module for JSON, and `shlex` (POSIX word splitting) for shell lines.
enum PythonParsers {
    /// Whether `python3` with PyYAML can be run here.
    static let isAvailable: Bool = {
        (try? run(script: "import yaml, json, shlex", input: Data())) != nil
    }()

    /// What one document parsed to: a value, or the parser's error message.
    typealias Parsed = Result<TemplateValue, ParseFailure>

    /// A parser's complaint about a document.
    struct ParseFailure: Error, CustomStringConvertible {
        let description: String
    }

    private static let script = #"""
    import json, shlex, sys, yaml

    loaders = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

    def non_json(value):
        raise TypeError("not a JSON value: %s %r" % (type(value).__name__, value))

    def encode(value):
        return json.dumps(value, ensure_ascii=False, allow_nan=False, default=non_json)

    def parse_yaml(text):
        results = [encode(yaml.load(text, Loader=loader)) for loader in loaders]
        if any(result != results[0] for result in results):
            raise ValueError("loaders disagree: " + " vs ".join(results))
        return results[0]

    parsers = {
        "yaml": parse_yaml,
        "json": lambda text: encode(json.loads(text)),
        "shell": lambda text: encode(shlex.split(text, posix=True)),
    }

    request = json.load(sys.stdin)
    response = {}
    for kind, documents in request.items():
        answers = []
        for text in documents:
            try:
                answers.append({"ok": parsers[kind](text)})
            except Exception as error:
                answers.append({"error": "%s: %s" % (type(error).__name__, error)})
        response[kind] = answers
    json.dump(response, sys.stdout, ensure_ascii=False)
    """#

    /// Parses each document of each kind (`yaml`, `json`, `shell`).
    static func parse(_ documents: [String: [String]]) throws -> [String: [Parsed]] {
        let input = try JSONSerialization.data(withJSONObject: documents)
        let output = try run(script: script, input: input)
        struct Answer: Decodable {
            let ok: String?
            let error: String?
        }
        let answers = try JSONDecoder().decode([String: [Answer]].self, from: output)
        return try answers.mapValues { list in
            try list.map { answer -> Parsed in
                if let json = answer.ok {
                    return .success(try JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8)))
                }
                return .failure(ParseFailure(description: answer.error ?? "no answer"))
            }
        }
    }

    private static func run(script: String, input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Python reads all of stdin before writing, so writing first cannot deadlock.
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ParseFailure(description: "python3 failed: " + String(decoding: errors, as: UTF8.self))
        }
        return output
    }
}

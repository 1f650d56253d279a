import Mustache
import Testing

/// `EscapeFormat.html`, `.none`, and choosing a format from a path.
@Suite("HTML, plain text and format selection")
struct PlainFormatTests {
    @Test("html escapes & \" < > only")
    func html() throws {
        #expect(try render("{{v}}", ["v": "<a href=\"x\">&'</a>"], format: .html) == "&lt;a href=&quot;x&quot;&gt;&amp;'&lt;/a&gt;")
    }

    @Test("none writes values as they are; null is empty")
    func none() throws {
        #expect(try render("{{a}}|{{b}}|{{c}}", ["a": "<*> `x` $y", "b": nil, "c": 1.5], format: .none) == "<*> `x` $y||1.5")
    }

    @Test("format from output path", arguments: [
        ("deploy/app.yaml", EscapeFormat.yaml), ("a.yml", .yaml), ("scripts/start.sh", .shell), ("x.bash", .shell),
        ("main.tf", .hcl), ("prod.tfvars", .hcl), ("config.hcl", .hcl), ("package.json", .json),
        ("Dockerfile", .dockerfile), ("svc/Dockerfile.dev", .dockerfile), ("python.Dockerfile", .dockerfile),
        ("index.html", .html), ("README.md", .none), ("notes.txt", .none), ("start.ps1", .none), ("x.tpl", .none),
        (".env.example", .none), (".dockerignore", .none), ("Makefile", .none), ("docker/python.Dockerfile.mustache", .dockerfile),
        ("k8s/APP.YAML", .yaml), ("svc/Dockerfile.api.dockerignore", .none),
    ])
    func forOutputPath(_ path: String, _ expected: EscapeFormat) {
        #expect(EscapeFormat.forOutputPath(path) == expected)
    }
}

import Mustache
import Testing

/// Strict mode and syntax errors: exact messages with path, line, column, source line and caret.
@Suite("Strict mode and syntax errors")
struct StrictModeTests {
    static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    spec:
      containers:
        - name: {{service.name}}
          image: {{service.image}}

    """

    func renderDeployment(_ context: TemplateValue, strict: Bool = true) throws -> String {
        let set = try TemplateSet(builtIn: [
            TemplateSource(name: "kubernetes/deployment.yaml", path: "Templates/kubernetes/deployment.yaml.mustache", text: Self.deployment),
        ])
        return try set.render("kubernetes/deployment.yaml", context: context, format: .yaml, strict: strict)
    }

    @Test("a missing nested name in a variable")
    func missingVariable() throws {
        let error = templateError { try renderDeployment(["service": ["name": "web"]]) }
        #expect(error?.kind == .missingValue("service.image"))
        #expect(error?.path == "Templates/kubernetes/deployment.yaml.mustache")
        #expect(error?.line == 6)
        #expect(error?.column == 14)
        #expect(error?.description == """
        Templates/kubernetes/deployment.yaml.mustache:6:14: missing 'service.image'
              image: {{service.image}}
                     ^
        """)
    }

    @Test("a missing first part of a dotted name")
    func missingRoot() throws {
        let error = templateError { try renderDeployment([:]) }
        #expect(error?.description == """
        Templates/kubernetes/deployment.yaml.mustache:5:13: missing 'service.name'
            - name: {{service.name}}
                    ^
        """)
    }

    @Test("non-strict mode renders missing names as nothing")
    func lenient() throws {
        #expect(try renderDeployment(["service": ["name": "web"]], strict: false).contains("image: \n"))
    }

    @Test("raw tags and sections are checked too; inverted sections are not")
    func otherTags() throws {
        #expect(templateError { try render("a {{{x}}}", format: .none) }?.description == "Templates/main.mustache:1:3: missing 'x'\na {{{x}}}\n  ^")
        #expect(templateError { try render("{{& x.y}}", ["x": [:]], format: .none) }?.description == "Templates/main.mustache:1:1: missing 'x.y'\n{{& x.y}}\n^")
        #expect(templateError { try render("\n\t{{#features}}on{{/features}}", format: .none) }?.description
                == "Templates/main.mustache:2:2: missing 'features'\n\t{{#features}}on{{/features}}\n\t^")
        #expect(try render("{{^features}}none{{/features}}", format: .none) == "none")
        #expect(try render("{{^a.b}}none{{/a.b}}", ["a": ["c": 1]], format: .none) == "none")
    }

    @Test("a present null is not missing")
    func null() throws {
        #expect(try render("v: {{v}}\n", ["v": nil], format: .yaml) == "v: null\n")
        #expect(try render("[{{v}}]{{#v}}x{{/v}}{{^v}}falsey{{/v}}", ["v": nil], format: .none) == "[]falsey")
    }

    @Test("a broken chain through a non-object is missing")
    func brokenChain() throws {
        let error = templateError { try render("{{a.b.c}}", ["a": ["b": "text"]], format: .none) }
        #expect(error?.kind == .missingValue("a.b.c"))
    }

    @Test("columns count characters, not bytes")
    func unicodeColumn() throws {
        let error = templateError { try render("héllo wörld {{x}}", format: .none) }
        #expect(error?.column == 13)
    }

    @Test("errors inside partials name the partial's file")
    func inPartial() throws {
        let error = templateError { try render("a\n{{>p}}\n", format: .none, partials: ["p": "x\ny {{missing}}\n"]) }
        #expect(error?.description == "Templates/p.mustache:2:3: missing 'missing'\ny {{missing}}\n  ^")
    }

    @Test("unclosed section")
    func unclosedSection() throws {
        let error = templateError { try render("list:\n{{#items}}\n- {{.}}\n", format: .yaml) }
        #expect(error?.kind == .syntax)
        #expect(error?.description == "Templates/main.mustache:2:1: unclosed section 'items'; add {{/items}} where it should end\n{{#items}}\n^")
    }

    @Test("mismatched closing tag")
    func mismatched() throws {
        let error = templateError { try render("{{#items}}\n  {{/item}}\n", format: .none) }
        #expect(error?.description == "Templates/main.mustache:2:3: {{/item}} does not match the open 'items' from line 1; close 'items' first\n  {{/item}}\n  ^")
    }

    @Test("closing tag with nothing open")
    func unexpectedClose() throws {
        let error = templateError { try render("x {{/items}}", format: .none) }
        #expect(error?.description == "Templates/main.mustache:1:3: unexpected {{/items}}: no section, block or parent named 'items' is open; remove it or add the opening tag\nx {{/items}}\n  ^")
    }

    @Test("unclosed tag")
    func unclosedTag() throws {
        let error = templateError { try render("FROM {{image\n", format: .dockerfile) }
        #expect(error?.description == "Templates/main.mustache:1:6: unclosed tag: add '}}' to end it\nFROM {{image\n     ^")
    }

    @Test("bad set-delimiter tag")
    func badDelimiters() throws {
        let error = templateError { try render("{{=<%=}}", format: .none) }
        #expect(error?.description == "Templates/main.mustache:1:1: bad set-delimiter tag: write {{=<open> <close>=}} with two delimiters separated by a space and no '=' in them\n{{=<%=}}\n^")
        #expect(templateError { try render("{{=<% %>}}", format: .none) }?.message == "unclosed set-delimiter tag: write it as {{=<open> <close>=}}")
    }

    @Test("invalid names and pragmas")
    func invalidNames() throws {
        #expect(templateError { try render("{{a b}}", format: .none) }?.message
                == "invalid name 'a b': names are dotted identifiers without spaces, such as 'service.image' or '.'")
        #expect(templateError { try render("{{}}", format: .none) }?.message == "empty tag: put a name between '{{' and '}}'")
        #expect(templateError { try render("{{%escape yml}}", format: .none) }?.message
                == "unknown escape format 'yml': use one of yaml, shell, hcl, json, dockerfile, html, none")
    }
}

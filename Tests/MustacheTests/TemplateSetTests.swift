import Foundation
import Mustache
import Testing

/// Template set checks, recursion, escape-format scoping, lambdas and dynamic partials.
@Suite("Template sets")
struct TemplateSetTests {
    func source(_ name: String, _ text: String) -> TemplateSource {
        TemplateSource(name: name, path: "Templates/\(name).mustache", text: text)
    }

    @Test("rendering an unknown template suggests a close name")
    func unknownTemplate() throws {
        let set = try TemplateSet(builtIn: [source("compose.yaml", "x")])
        let error = templateError { try set.render("compose.yml", context: [:], format: .yaml) }
        #expect(error?.kind == .unknownTemplate("compose.yml"))
        #expect(error?.description == "no template named 'compose.yml'; did you mean 'compose.yaml'?")
        #expect(templateError { try set.render("zzz", context: [:], format: .yaml) }?.description
                == "no template named 'zzz'; check the name, or add a template with that name")
    }

    @Test("a partial naming an unknown template is reported when the set is built")
    func missingPartial() {
        let error = templateError { try TemplateSet(builtIn: [source("a", "line\n  {{> _header/hsah}}\n"), source("_header/hash", "#")]) }
        #expect(error?.description == "Templates/a.mustache:2:3: no template named '_header/hsah'; did you mean '_header/hash'?\n  {{> _header/hsah}}\n  ^")
    }

    @Test("duplicate names are reported")
    func duplicate() {
        let error = templateError { try TemplateSet(builtIn: [source("a", "1"), TemplateSource(name: "a", path: "other/a.mustache", text: "2")]) }
        #expect(error?.kind == .duplicateTemplate("a"))
    }

    @Test("unconditional recursion is reported when the set is built")
    func unconditionalCycle() {
        let error = templateError { try TemplateSet(builtIn: [source("a", "{{>b}}"), source("b", "x\n{{#flag}}{{/flag}}{{>a}}")]) }
        #expect(error?.kind == .recursion)
        #expect(error?.description == """
        Templates/b.mustache:2:19: 'a' includes itself with no section around the recursion (a → b → a), so rendering would never end; put the recursive tag inside a section, e.g. {{#children}}…{{/children}}
        {{#flag}}{{/flag}}{{>a}}
                          ^
        """)
    }

    @Test("recursion inside a section renders trees")
    func tree() throws {
        let set = try TemplateSet(builtIn: [source("node", "- {{name}}\n{{#children}}\n  {{>node}}\n{{/children}}\n")])
        let tree: TemplateValue = ["name": "root", "children": [["name": "a", "children": [["name": "a1", "children": []]]], ["name": "b", "children": []]]]
        #expect(try set.render("node", context: tree, format: .yaml) == "- root\n  - a\n    - a1\n  - b\n")
    }

    @Test("recursion deeper than the limit is an error, not a crash")
    func depthLimit() throws {
        var deep: TemplateValue = ["end": true]
        for _ in 0..<150 { deep = ["child": deep] }
        let set = try TemplateSet(builtIn: [source("node", "{{#child}}{{>node}}{{/child}}")])
        let error = templateError { try set.render("node", context: deep, format: .none) }
        #expect(error?.kind == .recursion)
        #expect(error?.message == "partials, parents and lambdas nest more than 100 levels deep here; check for a recursive partial whose data never ends")
    }

    @Test("the format carries into partials; {{%escape}} switches it for the rest of its template only")
    func escapePragma() throws {
        let set = try TemplateSet(builtIn: [
            source("main", "a: {{v}}\n{{>script}}\nb: {{v}}\n"),
            source("script", "x: {{v}}\n{{%escape shell}}\nrun {{v}}\n{{>inner}}\n"),
            source("inner", "inner {{v}}\n"),
        ])
        #expect(try set.render("main", context: ["v": "it's"], format: .yaml) == """
        a: "it's"
        x: "it's"
        run 'it'\\''s'
        inner 'it'\\''s'
        b: "it's"

        """)
    }

    @Test("lambdas: results are rendered, then escaped for the format")
    func lambdas() throws {
        let context: TemplateValue = [
            "name": "web app",
            "bold": .lambda(MustacheLambda(section: { "**" + $0 + "**" })),
            "greeting": .lambda(MustacheLambda(interpolation: { "hello {{name}}" })),
        ]
        #expect(try render("k: {{greeting}}\n", context, format: .yaml) == "k: \"hello web app\"\n")
        #expect(try render("{{#bold}}{{name}}{{/bold}} {{{greeting}}}", context, format: .html) == "**web app** hello web app")
    }

    @Test("dynamic partials: strict mode reports unknown names")
    func dynamicPartials() throws {
        let set = try TemplateSet(builtIn: [source("main", "{{#items}}{{>*kind}};{{/items}}"), source("text", "T:{{v}}"), source("image", "I:{{v}}")])
        #expect(try set.render("main", context: ["items": [["kind": "text", "v": 1], ["kind": "image", "v": 2]]], format: .none) == "T:1;I:2;")
        let error = templateError { try set.render("main", context: ["items": [["kind": "imgae", "v": 2]]], format: .none) }
        #expect(error?.description == "Templates/main.mustache:1:11: no template named 'imgae' (the value of 'kind'); did you mean 'image'?\n{{#items}}{{>*kind}};{{/items}}\n          ^")
    }

    @Test("Template: the specification's defaults")
    func template() throws {
        let template = try Template(source: "Hi {{>name}} {{missing}}{{x}}!", partials: ["name": "{{first}}"])
        #expect(try template.render(["first": "<Ada>", "x": "&"]) == "Hi &lt;Ada&gt; &amp;!")
        #expect(throws: TemplateError.self) { try template.render([:], strict: true) }
    }

    @Test("a set renders safely from many threads at once")
    func concurrent() throws {
        let set = try TemplateSet(builtIn: [source("t", "{{#items}}- {{.}}\n{{/items}}")])
        let expected = (0..<50).map { "- \($0)\n" }.joined()
        let context: TemplateValue = ["items": .array((0..<50).map { .int($0) })]
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            results.add((try? set.render("t", context: context, format: .yaml)) == expected)
        }
        #expect(results.all)
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Bool] = []
        func add(_ value: Bool) { lock.lock(); values.append(value); lock.unlock() }
        var all: Bool { lock.lock(); defer { lock.unlock() }; return values.count == 16 && values.allSatisfy { $0 } }
    }
}

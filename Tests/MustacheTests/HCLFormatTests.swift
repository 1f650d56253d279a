import Mustache
import Testing

/// Golden tests for `EscapeFormat.hcl`.
@Suite("HCL escaping")
struct HCLFormatTests {
    @Test("strings are always quoted, with template sequences escaped")
    func strings() throws {
        #expect(try render("name = {{v}}\n", ["v": "web"], format: .hcl) == "name = \"web\"\n")
        #expect(try render("v = {{v}}\n", ["v": "${x} and %{if y}"], format: .hcl) == "v = \"$${x} and %%{if y}\"\n")
        #expect(try render("v = {{v}}\n", ["v": "a\"b\\c\nd\te\rf"], format: .hcl) == "v = \"a\\\"b\\\\c\\nd\\te\\rf\"\n")
        #expect(try render("v = {{v}}\n", ["v": "$$ {x} $"], format: .hcl) == "v = \"$$ {x} $\"\n")
        #expect(try render("v = {{v}}\n", ["v": "8080"], format: .hcl) == "v = \"8080\"\n")
    }

    @Test("numbers, booleans and null are plain")
    func scalars() throws {
        #expect(try render("a = {{a}}\nb = {{b}}\nc = {{c}}\nd = {{d}}\n", ["a": 8080, "b": 0.25, "c": false, "d": nil], format: .hcl)
                == "a = 8080\nb = 0.25\nc = false\nd = null\n")
    }

    @Test("lists and objects are HCL literals")
    func structured() throws {
        #expect(try render("tags = {{t}}\n", ["t": ["a", 1]], format: .hcl) == "tags = [\"a\", 1]\n")
        #expect(try render("labels = {{t}}\n", ["t": ["app": "web", "tier": "${x}"]], format: .hcl)
                == "labels = { \"app\" = \"web\", \"tier\" = \"$${x}\" }\n")
    }

    @Test("infinity cannot be written")
    func infinity() throws {
        let error = templateError { try render("x = {{v}}\n", ["v": .double(.infinity)], format: .hcl) }
        #expect(error?.kind == .invalidValue)
        #expect(error?.description == """
        Templates/main.mustache:1:5: 'v' is a number: inf cannot be written in hcl; pass a finite number or a string
        x = {{v}}
            ^
        """)
    }
}

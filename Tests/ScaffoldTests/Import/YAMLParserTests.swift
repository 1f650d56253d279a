import Testing
@testable import ScaffoldKit

/// The compose subset of YAML, construct by construct, and the errors that name the line.
@Suite("YAML parser")
struct YAMLParserTests {
    func parse(_ text: String) throws -> YAML { try YAMLParser.parse(text) }

    @Test("block mappings and lists, nested, with a list at its key's indentation")
    func blocks() throws {
        let value = try parse("""
        services:
          web:
            image: nginx:1.27
            ports:
              - "8080:80"
              - 443
            command:
            - nginx
            - -g
          db: {}
        """)
        let web = try #require(value["services"]?["web"])
        #expect(web["image"] == .string("nginx:1.27"))
        #expect(web["ports"] == .list([.string("8080:80"), .string("443")]))
        #expect(web["command"] == .list([.string("nginx"), .string("-g")]))
        #expect(value["services"]?.keys == ["web", "db"])
        #expect(value["services"]?["db"] == .map([]))
    }

    @Test("compact mappings in lists, and lists of lists")
    func compact() throws {
        let value = try parse("""
        - name: a
          value: 1
        - - x
          - y
        -
          name: c
        """)
        #expect(value == .list([
            .map([YAMLPair("name", .string("a")), YAMLPair("value", .string("1"))]),
            .list([.string("x"), .string("y")]),
            .map([YAMLPair("name", .string("c"))]),
        ]))
    }

    @Test("flow lists and maps, nested and across lines")
    func flow() throws {
        let value = try parse("""
        test: ["CMD", "curl", "-f", http://localhost:8000/health]
        env: {A: 1, "B": 'two', C: [x, y], D: }
        long: [
          a,   # a comment
          b
        ]
        ports: [8000:8000]
        """)
        #expect(value["test"] == .list([.string("CMD"), .string("curl"), .string("-f"), .string("http://localhost:8000/health")]))
        #expect(value["env"] == .map([YAMLPair("A", .string("1")), YAMLPair("B", .string("two")), YAMLPair("C", .list([.string("x"), .string("y")])), YAMLPair("D", .null)]))
        #expect(value["long"] == .list([.string("a"), .string("b")]))
        #expect(value["ports"] == .list([.string("8000:8000")]))
    }

    @Test("scalars: plain, quoted with escapes, nulls, comments and colons inside values")
    func scalars() throws {
        let value = try parse(#"""
        plain: hello world   # trailing comment
        url: postgresql://ralex:password@postgres:5432/ralex
        hash: a#b
        single: 'it''s # not a comment'
        double: "tab\there \"quoted\" \u00e9 \x41"
        empty:
        tilde: ~
        quotedNull: "null"
        number: 8000
        version: '3.8'
        folded plain: first
          second

          third
        """#)
        #expect(value["plain"] == .string("hello world"))
        #expect(value["url"] == .string("postgresql://ralex:password@postgres:5432/ralex"))
        #expect(value["hash"] == .string("a#b"))
        #expect(value["single"] == .string("it's # not a comment"))
        #expect(value["double"] == .string("tab\there \"quoted\" é A"))
        #expect(value["empty"] == .null)
        #expect(value["tilde"] == .null)
        #expect(value["quotedNull"] == .string("null"))
        #expect(value["number"] == .string("8000"))
        #expect(value["version"] == .string("3.8"))
        #expect(value["folded plain"] == .string("first second\nthird"))
    }

    @Test("literal and folded block scalars with chomping and indentation indicators")
    func blockScalars() throws {
        let value = try parse("""
        literal: |
          line one
            indented
          line three

        folded: >
          one
          two

          three
        strip: |-
          no newline
        keep: |+
          kept

        explicit: |2
            four spaces
        after: done
        """)
        #expect(value["literal"] == .string("line one\n  indented\nline three\n"))
        #expect(value["folded"] == .string("one two\nthree\n"))
        #expect(value["strip"] == .string("no newline"))
        #expect(value["keep"] == .string("kept\n\n"))
        #expect(value["explicit"] == .string("  four spaces\n"))
        #expect(value["after"] == .string("done"))
    }

    @Test("a block scalar as a list item and at the end of the file")
    func blockScalarEnds() throws {
        let value = try parse("command:\n  - sh\n  - |\n    echo one\n    echo two\nlast: >-\n  x\n  y")
        #expect(value["command"] == .list([.string("sh"), .string("echo one\necho two\n")]))
        #expect(value["last"] == .string("x y"))
    }

    @Test("anchors, aliases and merge keys; own keys win over merged ones")
    func anchors() throws {
        let value = try parse("""
        x-common: &common
          restart: always
          environment:
            LOG: info
        x-more: &more
          restart: never
          user: app
        services:
          a:
            <<: *common
            image: a:1
          b:
            <<: [*more, *common]
            restart: unless-stopped
          c: *common
        """)
        let a = try #require(value["services"]?["a"])
        #expect(a.keys == ["restart", "environment", "image"])
        #expect(a["environment"]?["LOG"] == .string("info"))
        let b = try #require(value["services"]?["b"])
        #expect(b["restart"] == .string("unless-stopped"))
        #expect(b["user"] == .string("app"))
        #expect(b["environment"] != nil)
        #expect(value["services"]?["c"] == value["x-common"])
    }

    @Test("tags: !!str forces text, compose's !reset and !override are kept")
    func tags() throws {
        let value = try parse("a: !!str 8000\nb: !reset []\nc: !override\n  - x\n")
        #expect(value["a"] == .string("8000"))
        #expect(value["b"] == .tagged("!reset", .list([])))
        #expect(value["c"] == .tagged("!override", .list([.string("x")])))
    }

    @Test("document markers, CRLF line ends and a byte order mark")
    func documents() throws {
        #expect(try parse("---\na: 1\n...\n") == .map([YAMLPair("a", .string("1"))]))
        #expect(try parse("\u{FEFF}a: 1\r\nb: 2\r\n") == .map([YAMLPair("a", .string("1")), YAMLPair("b", .string("2"))]))
        #expect(try parse("# only a comment\n") == .null)
    }

    @Test("errors name the line and say what to do", arguments: [
        ("a: 1\n\tb: 2\n", 2, "tab"),
        ("a:\n  b: 1\n   c: 2\n", 3, "indented more"),
        ("a: 'open\nb: 2\n", 1, "never closed"),
        ("a: *nope\n", 1, "no anchor"),
        ("a: 1\nb: 2\na: 3\n", 3, "appears twice"),
        ("a: b: c\n", 1, "second `key:`"),
        ("? complex\n: value\n", 1, "complex mapping keys"),
        ("a: 1\n---\nb: 2\n", 2, "second YAML document"),
        ("a: [1, 2\nb: 3\n", 1, "never closed"),
        ("a: \"\\q\"\n", 1, "not a YAML escape"),
        ("a:\n  - x\n  y: 1\n", 3, "key"),
    ])
    func errors(text: String, line: Int, phrase: String) throws {
        let error = try #require(throws: YAMLError.self) { try parse(text) }
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains(phrase), "\(error)")
    }
}

import Mustache
import Testing

/// Golden tests for `EscapeFormat.shell`.
@Suite("Shell escaping")
struct ShellFormatTests {
    @Test("safe words pass through", arguments: ["web", "--port=8080", "a/b.c", "user@host:22", "50%", "a+b,c", "-x"])
    func safe(_ word: String) throws {
        #expect(try render("run {{w}}\n", ["w": .string(word)], format: .shell) == "run \(word)\n")
    }

    @Test("a quote in a value")
    func quote() throws {
        #expect(try render("echo {{m}}\n", ["m": "it's done"], format: .shell) == "echo 'it'\\''s done'\n")
    }

    @Test("anything else is single-quoted")
    func quoted() throws {
        #expect(try render("echo {{m}}\n", ["m": "$HOME `id` *"], format: .shell) == "echo '$HOME `id` *'\n")
        #expect(try render("echo {{m}}\n", ["m": "a\nb"], format: .shell) == "echo 'a\nb'\n")
        #expect(try render("echo {{m}}\n", ["m": "~"], format: .shell) == "echo '~'\n")
    }

    @Test("the empty string and null are ''")
    func empty() throws {
        #expect(try render("x={{m}}\n", ["m": ""], format: .shell) == "x=''\n")
        #expect(try render("x={{m}}\n", ["m": nil], format: .shell) == "x=''\n")
    }

    @Test("numbers and booleans are plain")
    func scalars() throws {
        #expect(try render("{{a}} {{b}} {{c}}\n", ["a": 3, "b": 1.5, "c": true], format: .shell) == "3 1.5 true\n")
    }

    @Test("lists cannot be written as one word")
    func list() throws {
        let error = templateError { try render("x={{m}}\n", ["m": ["a"]], format: .shell) }
        #expect(error?.kind == .invalidValue)
        #expect(error?.message == "'m' is a list: cannot write a list as shell text; iterate over it with a section instead")
    }
}

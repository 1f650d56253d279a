extension Escaper {
    /// One POSIX shell word. A non-empty word made only of `[A-Za-z0-9_./:=@%+,-]` passes through;
    /// anything else is wrapped in single quotes, with each `'` written as `'\''`; the empty
    /// string is `''`.
    static func shellWord(_ string: String) -> String {
        if !string.isEmpty && string.utf8.allSatisfy(isShellSafe) { return string }
        var out = "'"
        out.reserveCapacity(string.utf8.count + 2)
        appendEscaping(string, to: &out) { $0 == "'" ? "'\\''" : nil }
        out += "'"
        return out
    }

    private static func isShellSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="),
             UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}

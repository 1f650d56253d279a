extension Escaper {
    /// HTML escaping as the Mustache specification has it: `&`, `"`, `<` and `>`.
    static func html(_ string: String) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        appendEscaping(string, to: &out) { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "\"": return "&quot;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            default: return nil
            }
        }
        return out
    }
}

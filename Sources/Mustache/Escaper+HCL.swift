extension Escaper {
    /// An HCL quoted string: `\` `"` and line breaks escaped, `${` written `$${` and `%{`
    /// written `%%{` so Terraform does not interpolate them, other control characters as `\uXXXX`.
    static func hclString(_ string: String) -> String {
        var out = "\""
        out.reserveCapacity(string.utf8.count + 2)
        let scalars = Array(string.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "$", "%":
                out.unicodeScalars.append(scalar)
                if index + 1 < scalars.count && scalars[index + 1] == "{" {
                    out.unicodeScalars.append(scalar)
                }
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += unicodeEscape(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}

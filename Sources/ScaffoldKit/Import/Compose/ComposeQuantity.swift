import Foundation

/// Compose's durations (`1m30s`, `500ms`), memory sizes (`512M`, `2g`, `1.5G`, bytes) and CPU counts.
enum ComposeQuantity {
    /// Whole seconds, rounded up; `nil` when it can't be read.
    static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Double(trimmed) { return Int(plain.rounded(.up)) }
        var total = 0.0
        var number = ""
        var unit = ""
        func flush() -> Bool {
            guard let value = Double(number) else { return false }
            let factor: Double
            switch unit {
            case "h": factor = 3600
            case "m": factor = 60
            case "s": factor = 1
            case "ms": factor = 0.001
            case "us", "µs": factor = 0.000_001
            case "ns": factor = 0.000_000_001
            default: return false
            }
            total += value * factor
            number = ""
            unit = ""
            return true
        }
        for character in trimmed {
            if character.isNumber || character == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else {
                unit.append(character)
            }
        }
        guard !number.isEmpty, flush() else { return nil }
        return Int(total.rounded(.up))
    }

    /// MiB, rounded up; `nil` when it can't be read.
    static func mebibytes(_ text: String) -> Int? {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = lower.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits), value > 0 else { return nil }
        let factor: Double
        switch lower.dropFirst(digits.count) {
        case "", "b": factor = 1.0 / 1_048_576
        case "k", "kb", "ki", "kib": factor = 1.0 / 1024
        case "m", "mb", "mi", "mib": factor = 1
        case "g", "gb", "gi", "gib": factor = 1024
        case "t", "tb", "ti", "tib": factor = 1_048_576
        default: return nil
        }
        return max(1, Int((value * factor).rounded(.up)))
    }

    /// `512` MiB as `"512Mi"`, `2048` as `"2Gi"`.
    static func memoryLiteral(_ mebibytes: Int) -> String {
        mebibytes % 1024 == 0 ? "\(mebibytes / 1024)Gi" : "\(mebibytes)Mi"
    }

    /// A CPU count as a Swift number literal: `0.5`, `1`, `1.25`.
    static func cpuLiteral(_ cores: Double) -> String {
        let millis = (cores * 1000).rounded()
        if millis.truncatingRemainder(dividingBy: 1000) == 0 { return String(Int(millis / 1000)) }
        var text = String(format: "%.3f", millis / 1000)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

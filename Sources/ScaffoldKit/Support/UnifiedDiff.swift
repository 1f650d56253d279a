/// A unified diff (`diff -u` style) between two texts, from a longest-common-subsequence edit script.
public enum UnifiedDiff {
    /// The diff of `old` → `new` labelled `a/<path>` and `b/<path>`; empty when equal.
    /// `old == nil` is a new file, `new == nil` a deleted one.
    public static func diff(path: String, old: String?, new: String?, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old ?? "")
        let b = lines(new ?? "")
        let ops = editScript(a, b)
        var out = "--- \(old == nil ? "/dev/null" : "a/" + path)\n+++ \(new == nil ? "/dev/null" : "b/" + path)\n"
        // Group edits into hunks with `context` lines around them.
        var index = 0
        while index < ops.count {
            guard ops[index].kind != .same else { index += 1; continue }
            var start = index
            var contextBefore = 0
            while start > 0 && ops[start - 1].kind == .same && contextBefore < context { start -= 1; contextBefore += 1 }
            var end = index
            var trailing = 0
            while end < ops.count {
                if ops[end].kind == .same {
                    trailing += 1
                    if trailing > context * 2 { break }
                } else {
                    trailing = 0
                }
                end += 1
            }
            // Trim trailing context to `context` lines.
            var cut = end
            var sameTail = 0
            while cut > index && ops[cut - 1].kind == .same { cut -= 1; sameTail += 1 }
            end = cut + min(sameTail, context)
            let hunk = ops[start..<end]
            let oldStart = (hunk.first?.oldIndex ?? 0)
            let newStart = (hunk.first?.newIndex ?? 0)
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for op in hunk {
                switch op.kind {
                case .same: out += " " + op.text + "\n"
                case .delete: out += "-" + op.text + "\n"
                case .insert: out += "+" + op.text + "\n"
                }
            }
            index = end
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : (count == 1 ? "\(start + 1)" : "\(start + 1),\(count)")
    }

    static func lines(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() } else { result[result.count - 1] += "\n\\ No newline at end of file" }
        return result
    }

    struct Op {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        var oldIndex: Int
        var newIndex: Int
    }

    /// An edit script from the LCS table; trims the common prefix and suffix first so typical
    /// regeneration diffs stay cheap.
    static func editScript(_ a: [String], _ b: [String]) -> [Op] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let aMid = Array(a[prefix..<(a.count - suffix)])
        let bMid = Array(b[prefix..<(b.count - suffix)])
        var ops: [Op] = (0..<prefix).map { Op(kind: .same, text: a[$0], oldIndex: $0, newIndex: $0) }
        let n = aMid.count, m = bMid.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = aMid[i] == bMid[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && aMid[i] == bMid[j] {
                ops.append(Op(kind: .same, text: aMid[i], oldIndex: prefix + i, newIndex: prefix + j)); i += 1; j += 1
            } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
                // On a tie the deletion comes first, so a changed line reads `-old` then `+new`, as git prints it.
                ops.append(Op(kind: .delete, text: aMid[i], oldIndex: prefix + i, newIndex: prefix + j)); i += 1
            } else {
                ops.append(Op(kind: .insert, text: bMid[j], oldIndex: prefix + i, newIndex: prefix + j)); j += 1
            }
        }
        for k in 0..<suffix {
            ops.append(Op(kind: .same, text: a[a.count - suffix + k], oldIndex: a.count - suffix + k, newIndex: b.count - suffix + k))
        }
        return ops
    }
}

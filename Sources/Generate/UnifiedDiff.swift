/// A unified diff (`diff -u` format, 3 lines of context) between two texts, line by line.
public enum UnifiedDiff {
    /// Empty when the texts are equal. `oldName`/`newName` head the diff (`/dev/null` for a missing
    /// side: pass nil as that text).
    public static func diff(old: String?, new: String?, oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old ?? ""), b = lines(new ?? "")
        let edits = script(a, b)
        var out = "--- \(old == nil ? "/dev/null" : oldName)\n+++ \(new == nil ? "/dev/null" : newName)\n"
        for hunk in hunks(edits, context: context) {
            let slice = edits[hunk]
            let oldStart = slice.first.map { $0.oldIndex } ?? 0, newStart = slice.first.map { $0.newIndex } ?? 0
            let oldCount = slice.filter { $0.kind != .insert }.count, newCount = slice.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in slice {
                switch edit.kind {
                case .keep: out += " " + a[edit.oldIndex].text
                case .delete: out += "-" + a[edit.oldIndex].text
                case .insert: out += "+" + b[edit.newIndex].text
                }
                let line = edit.kind == .insert ? b[edit.newIndex] : a[edit.oldIndex]
                out += line.terminated ? "\n" : "\n\\ No newline at end of file\n"
            }
        }
        return out
    }

    struct Line: Equatable {
        var text: Substring
        /// False for a last line without its newline.
        var terminated: Bool
    }

    static func lines(_ text: String) -> [Line] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        let terminated = text.hasSuffix("\n") || text.isEmpty
        if parts.last?.isEmpty == true { parts.removeLast() }
        return parts.enumerated().map { Line(text: $0.element, terminated: $0.offset < parts.count - 1 || terminated) }
    }

    enum Kind { case keep, delete, insert }

    struct Edit {
        var kind: Kind
        /// Index in the old lines (for an insert: where it goes).
        var oldIndex: Int
        /// Index in the new lines (for a delete: where it would be).
        var newIndex: Int
    }

    /// A shortest edit script through a longest common subsequence (quadratic; generated files are small).
    static func script(_ a: [Line], _ b: [Line]) -> [Edit] {
        let n = a.count, m = b.count
        var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append(Edit(kind: .keep, oldIndex: i, newIndex: j))
                i += 1
                j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                edits.append(Edit(kind: .delete, oldIndex: i, newIndex: j))
                i += 1
            } else {
                edits.append(Edit(kind: .insert, oldIndex: i, newIndex: j))
                j += 1
            }
        }
        return edits
    }

    /// Ranges of `edits` to print: each change with `context` kept lines around it, merging
    /// changes closer than twice the context.
    static func hunks(_ edits: [Edit], context: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for (index, edit) in edits.enumerated() where edit.kind != .keep {
            let range = max(0, index - context)..<min(edits.count, index + context + 1)
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// `start,count` with diff's conventions: 1-based, and the line before when the range is empty.
    static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }
}

import WorkflowModel
/// Writes a `YAMLValue` as block-style YAML, deterministically: two-space indentation, keys in
/// the order given, every string quoted exactly when plain text would read as something else
/// (a boolean, a number, null, a comment, an indicator), multi-line strings as literal blocks.
public enum YAMLRenderer {
    /// The document text, ending with one newline.
    public static func render(_ value: YAMLValue) -> String {
        var lines: [String] = []
        switch value {
        case .mapping(let entries) where !entries.isEmpty: mapping(entries, indent: 0, into: &lines)
        case .sequence(let items) where !items.isEmpty: sequence(items, indent: 0, into: &lines)
        default: lines.append(inline(value) ?? "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func mapping(_ entries: [YAMLEntry], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for entry in entries {
            let key = pad + Scalar.key(entry.key) + ":"
            if let text = inline(entry.value) {
                lines.append(key + " " + text + (entry.comment.map { " # " + $0 } ?? ""))
                continue
            }
            switch entry.value {
            case .string(let text):
                lines.append(key + " " + Scalar.blockHeader(text))
                block(text, indent: indent + 2, into: &lines)
            case .mapping(let nested):
                lines.append(key)
                mapping(nested, indent: indent + 2, into: &lines)
            case .sequence(let items):
                lines.append(key)
                sequence(items, indent: indent + 2, into: &lines)
            case .bool, .int:
                break
            }
        }
    }

    static func sequence(_ items: [YAMLValue], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if let text = inline(item) {
                lines.append(pad + "- " + text)
                continue
            }
            var nested: [String] = []
            switch item {
            case .string(let text):
                lines.append(pad + "- " + Scalar.blockHeader(text))
                block(text, indent: indent + 2, into: &lines)
                continue
            case .mapping(let entries): mapping(entries, indent: indent + 2, into: &nested)
            case .sequence(let inner): sequence(inner, indent: indent + 2, into: &nested)
            case .bool, .int: continue
            }
            // The item's first line shares the "- " line.
            nested[0] = pad + "- " + nested[0].dropFirst(indent + 2)
            lines += nested
        }
    }

    /// The one-line form of `value`, nil when it needs lines of its own.
    static func inline(_ value: YAMLValue) -> String? {
        switch value {
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .string(let text): return Scalar.needsBlock(text) ? nil : Scalar.quoted(text, flow: false)
        case .mapping(let entries): return entries.isEmpty ? "{}" : nil
        case .sequence(let items):
            if items.isEmpty { return "[]" }
            var parts: [String] = []
            for item in items {
                switch item {
                case .string(let text) where Scalar.isPlainSafe(text, flow: true): parts.append(text)
                case .bool, .int: parts.append(inline(item)!)
                default: return nil
                }
            }
            let text = "[" + parts.joined(separator: ", ") + "]"
            return text.count <= 80 ? text : nil
        }
    }

    /// The lines of a literal block scalar at `indent`, without its chomped trailing newlines.
    static func block(_ text: String, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        var body = Substring(text)
        var trailing = 0
        while body.hasSuffix("\n") {
            body.removeLast()
            trailing += 1
        }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.isEmpty ? "" : pad + line)
        }
        for _ in 1..<max(trailing, 1) { lines.append("") }
    }
}

/// Quoting of one scalar.
enum Scalar {
    /// A key: plain when it is a simple identifier (`on`, `runs-on`, `timeout-minutes`), else quoted like a value.
    static func key(_ text: String) -> String {
        let simple = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
            && text.first!.isLetter
        return simple ? text : quoted(text, flow: false)
    }

    /// `text` as a one-line scalar: plain when safe, else single-quoted, else (control characters) double-quoted.
    static func quoted(_ text: String, flow: Bool) -> String {
        if isPlainSafe(text, flow: flow) { return text }
        if text.unicodeScalars.allSatisfy(YAMLQuoting.isPrintable) { return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'" }
        return YAMLQuoting.doubleQuoted(text)
    }

    /// Multi-line text goes in a literal block when every line can be written there as it is.
    static func needsBlock(_ text: String) -> Bool {
        guard text.contains("\n"), let first = text.first, first != " ", first != "\n", first != "\t" else { return false }
        guard text.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\t" || YAMLQuoting.isPrintable($0) }) else { return false }
        // A line of only blanks, or trailing blanks, would not survive as typed.
        return !text.split(separator: "\n").contains { $0.last == " " || $0.last == "\t" }
    }

    /// `|`, `|-` or `|+` for the number of trailing newlines (1, 0, more).
    static func blockHeader(_ text: String) -> String {
        let trailing = text.reversed().prefix { $0 == "\n" }.count
        return trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+"
    }

    static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<", "="]

    /// Whether `text` reads back as the same string when written plain.
    static func isPlainSafe(_ text: String, flow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard first != " ", last != " ", last != ":", text.unicodeScalars.allSatisfy(YAMLQuoting.isPrintable),
              !text.contains(": "), !text.contains(" #"), !text.contains("\t"),
              !reservedWords.contains(text.lowercased()), !looksNumeric(text) else { return false }
        if "?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == "-" {
            let scalars = Array(text.unicodeScalars)
            if scalars.count == 1 || scalars[1] == " " { return false }
        }
        if flow, text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        return true
    }

    /// Numbers in any YAML 1.1 or 1.2 spelling (`1`, `-2.5`, `0x1F`, `1_000`, `1:30`, `.inf`),
    /// dates and times: anything starting with a digit, or a sign or dot followed by one.
    static func looksNumeric(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func digit(_ index: Int) -> Bool { index < scalars.count && ("0"..."9").contains(scalars[index]) }
        if digit(0) { return true }
        if "+-.".unicodeScalars.contains(scalars[0]) {
            if digit(1) || (scalars[0] != "." && scalars.count > 2 && scalars[1] == "." && digit(2)) { return true }
            let rest = String(text.drop { "+-.".contains($0) }).lowercased()
            if rest == "inf" || rest == "nan" { return true }
        }
        return false
    }

}

import WorkflowModel

/// `file:line:col: message [rule-id]`, then the source line and a caret under the column, and a
/// one-line count at the end.
public struct HumanRenderer: FindingRenderer {
    public init() {}

    public func render(_ findings: [Diagnostic], context: RenderContext) -> String {
        let terminal = context.terminal
        var out = ""
        for finding in findings {
            let level: String
            switch finding.severity {
            case .error: level = ""
            case .warning: level = terminal.paint("warning: ", .yellow)
            case .note: level = terminal.paint("note: ", .blue)
            }
            let location = terminal.paint("\(finding.file):\(finding.line):\(finding.column):", .bold)
            let message = finding.severity == .error ? terminal.paint(finding.message, .red) : finding.message
            out += "\(location) \(level)\(message) \(terminal.paint("[\(finding.ruleID)]", .dim))\n"
            if let line = context.sources[finding.file]?.line(finding.line) {
                let (excerpt, caret) = Self.excerpt(of: line, column: finding.column)
                let number = String(finding.line)
                let gutter = String(repeating: " ", count: number.count)
                out += "\(gutter) |\n\(number) | \(excerpt)\n\(gutter) | \(caret)\(terminal.paint("^", .green))\n"
            }
        }
        if !findings.isEmpty { out += summary(findings) + "\n" }
        return out
    }

    /// At most `width` characters of the line around the column (control characters shown as
    /// U+FFFD), and the indentation that puts a caret under the column.
    static func excerpt(of line: Substring, column: Int, width: Int = 120) -> (String, String) {
        var scalars = Array(line.unicodeScalars)
        var caretIndex = max(0, min(column - 1, scalars.count))
        var prefix = "", suffix = ""
        if scalars.count > width {
            let start = max(0, min(caretIndex - width / 2, scalars.count - width))
            let end = min(scalars.count, start + width)
            prefix = start > 0 ? "…" : ""
            suffix = end < scalars.count ? "…" : ""
            scalars = Array(scalars[start..<end])
            caretIndex = caretIndex - start + (prefix.isEmpty ? 0 : 1)
        }
        let visible = scalars.map { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F ? "\u{FFFD}" : Character($0) }
        let text = prefix + String(visible) + suffix
        let lead = Array(text.unicodeScalars).prefix(caretIndex).map { $0 == "\t" ? "\t" : " " }.joined()
        return (text, lead)
    }

    private func summary(_ findings: [Diagnostic]) -> String {
        let errors = findings.count { $0.severity == .error }
        let warnings = findings.count { $0.severity == .warning }
        let notes = findings.count - errors - warnings
        let files = Set(findings.map(\.file)).count
        var parts = [plural(errors, "error")]
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        if notes > 0 { parts.append(plural(notes, "note")) }
        return parts.joined(separator: ", ") + " in " + plural(files, "file")
    }

    private func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
}

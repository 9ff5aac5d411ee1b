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
                let number = String(finding.line)
                let gutter = String(repeating: " ", count: number.count)
                let lead = line.unicodeScalars.prefix(max(0, finding.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
                out += "\(gutter) |\n\(number) | \(line)\n\(gutter) | \(lead)\(terminal.paint("^", .green))\n"
            }
        }
        if !findings.isEmpty { out += summary(findings) + "\n" }
        return out
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

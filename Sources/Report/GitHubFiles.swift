import Foundation
import WorkflowModel

/// The files GitHub Actions hands a step: `$GITHUB_OUTPUT`, `$GITHUB_STEP_SUMMARY`.
public enum GitHubFiles {
    /// Appends `text` to the file named by the variable `name`, when it is set (appending is the
    /// contract of these files); `text` is only computed then.
    public static func append(_ text: @autoclosure () -> String, to name: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment[name], !path.isEmpty, let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(text().utf8))
    }
}

/// Markdown for `$GITHUB_STEP_SUMMARY`: what a run found, readable on the workflow run's page.
public enum StepSummary {
    /// Most findings listed one by one; the counts cover all of them.
    public static let listedFindings = 50

    /// Counts per severity and rule, then the first findings with their positions.
    public static func lint(_ diagnostics: [Diagnostic]) -> String {
        var text = "### shipgate lint\n\n"
        guard !diagnostics.isEmpty else { return text + "No findings.\n\n" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let files = Set(diagnostics.map(\.file)).count
        text += "\(errors) error(s), \(warnings) warning(s), \(diagnostics.count - errors - warnings) note(s) in \(files) file(s).\n\n"
        let counts = Dictionary(grouping: diagnostics) { "\($0.ruleID)\u{0}\($0.severity.rawValue)" }
            .map { key, items in (key.split(separator: "\u{0}").map(String.init), items.count) }
            .sorted { ($0.1, $1.0[0]) > ($1.1, $0.0[0]) }
        text += TextTable(header: ["rule", "severity", "findings"], rows: counts.map { [$0.0[0], $0.0[1], "\($0.1)"] }).markdown() + "\n\n"
        let listed = diagnostics.prefix(listedFindings).map { ["\($0.file):\($0.line):\($0.column)", $0.severity.rawValue, $0.ruleID, $0.message] }
        text += TextTable(header: ["where", "severity", "rule", "message"], rows: Array(listed)).markdown() + "\n"
        if diagnostics.count > listedFindings { text += "\n…and \(diagnostics.count - listedFindings) more.\n" }
        return text + "\n"
    }
}

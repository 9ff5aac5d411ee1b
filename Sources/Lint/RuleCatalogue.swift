import Report
import WorkflowModel

/// The rule list for `shipgate rules` and the `docs/rules.md` catalogue, both generated from the
/// rules' own descriptions and examples.
public enum RuleCatalogue {
    /// One aligned line per rule: id, severity, summary.
    public static func table() -> String {
        TextTable(header: ["RULE", "SEVERITY", "CHECKS"],
                  rows: RuleRegistry.all.map { [$0.id, $0.description.severity.rawValue, $0.description.summary] }).render()
    }

    /// `docs/rules.md`: per rule what it catches, why, a bad example with shipgate's output and a
    /// fixed example.
    public static func markdown() -> String {
        var out = """
        # shipgate lint rules

        Generated from the rules' own descriptions and examples by `shipgate rules --markdown`;
        a test fails when this file is stale. Silence one line with a trailing
        `# shipgate-disable-line RULE-ID`, or a rule everywhere with `lint: { disable: [RULE-ID] }`
        in `shipgate.yml`.

        | rule | severity | checks |
        |---|---|---|

        """
        for rule in RuleRegistry.all {
            out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.description.severity.rawValue) | \(rule.description.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        for rule in RuleRegistry.all {
            let description = rule.description
            out += "\n## \(rule.id)\n\n\(description.summary)\n\n**Why:** \(description.rationale)\n\nSeverity: \(description.severity.rawValue).\n"
            if let bad = description.triggering.first {
                let findings = Linter().lint(text: bad.cleanText, file: bad.path, context: exampleContext(bad))
                    .filter { $0.ruleID == rule.id }
                out += "\nBad (`\(bad.path)`):\n\n```yaml\n\(bad.cleanText)\n```\n\nshipgate reports:\n\n```\n"
                out += findings.map(\.description).joined(separator: "\n") + "\n```\n"
            }
            if let good = description.nonTriggering.first {
                out += "\nFixed:\n\n```yaml\n\(good.cleanText)\n```\n"
            }
        }
        return out
    }

    /// The in-memory repository of an example.
    public static func exampleContext(_ example: Example) -> LintContext {
        let files = example.files
        return LintContext(relativePath: example.path) { files[$0] }
    }
}

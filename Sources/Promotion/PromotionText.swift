import Foundation
import GitKit
import Report
import WorkflowModel

/// Human and JSON renderings of promotions and environment views.
public enum PromotionText {
    public static func outcome(_ outcome: PromotionOutcome, terminal: Terminal) -> String {
        let what = "\(outcome.build.short)\(outcome.stacks.isEmpty ? "" : " (\(outcome.stacks.joined(separator: ", ")))")"
        let verb = outcome.rollback ? "roll back \(outcome.target) to" : "\(outcome.from) -> \(outcome.target):"
        if outcome.status == .alreadyDeployed {
            return "\(outcome.target) already runs \(what): nothing to do"
        }
        let table = TextTable(header: ["gate", "result", "reason"], rows: outcome.gates.map { result in
            [result.gate, paint(result.status, terminal), result.reason]
        })
        var lines = ["\(verb) \(what)", table.render(indent: "  ")]
        switch outcome.status {
        case .promoted:
            lines.append(terminal.paint("promoted", .green) + ": \(outcome.target) now runs \(what) (commit \(outcome.commit?.short ?? "?") on \(outcome.branch); push it)")
        case .ready:
            lines.append("dry run: every gate passes; run without --dry-run to promote")
        case .blocked:
            let failed = outcome.failedGates.map(\.gate).joined(separator: ", ")
            lines.append(terminal.paint("blocked", .red) + " by \(outcome.failedGates.count) gate\(outcome.failedGates.count == 1 ? "" : "s"): \(failed)")
        case .alreadyDeployed:
            break
        }
        return lines.joined(separator: "\n")
    }

    /// The gate table for `$GITHUB_STEP_SUMMARY`.
    public static func markdown(_ outcome: PromotionOutcome) -> String {
        let title = "### shipgate promote: \(outcome.from) → \(outcome.target), build \(outcome.build.short): \(outcome.status.rawValue)\n\n"
        if outcome.gates.isEmpty { return title }
        let table = TextTable(header: ["gate", "result", "reason"], rows: outcome.gates.map { [$0.gate, $0.status.rawValue, $0.reason] })
        return title + table.markdown() + "\n\n"
    }

    /// `$GITHUB_OUTPUT` lines a later step can use: `status`, `build`, `commit` (empty when none).
    public static func githubOutputs(_ outcome: PromotionOutcome) -> String {
        "status=\(outcome.status.rawValue)\nbuild=\(outcome.build.hex)\ncommit=\(outcome.commit?.hex ?? "")\n"
    }

    static func paint(_ status: GateResult.Status, _ terminal: Terminal) -> String {
        switch status {
        case .pass: return terminal.paint("pass", .green)
        case .fail: return terminal.paint("FAIL", .red)
        case .skipped: return terminal.paint("skipped", .dim)
        }
    }

    /// Sorted-key JSON of any result.
    public static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    public static func list(_ summaries: [EnvironmentQueries.Summary], now: Date) -> String {
        TextTable(header: ["environment", "from", "build", "age", "by", "next promotion"], rows: summaries.map { summary in
            [summary.name + (summary.held ? " (held)" : ""), summary.promotesFrom ?? "-", summary.build?.short ?? "-",
             summary.deployedAt.map { age(now.timeIntervalSince($0)) } ?? "-", summary.by ?? "-", summary.next]
        }).render()
    }

    /// The largest whole unit of an interval: `3d`, `5h`, `12m`, `40s`.
    static func age(_ interval: TimeInterval) -> String {
        let seconds = max(0, Int(interval))
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60)] where seconds >= size { return "\(seconds / size)\(unit)" }
        return "\(seconds)s"
    }

    public static func show(_ environment: Environment) -> String {
        let gates = environment.gates
        var lines = ["\(environment.name)  (\(environment.path))",
                     "  promotes from: \(environment.promotesFrom ?? "- (root)")",
                     "  branch:        \(environment.branchPolicy.branch)\(environment.branchPolicy.tags.isEmpty ? "" : " or tags \(environment.branchPolicy.tags.joined(separator: ", "))")"]
        var suites = gates.suites
        for (stack, names) in gates.suitesByStack.sorted(by: { $0.key < $1.key }) { suites.append("\(stack): \(names.joined(separator: "+"))") }
        lines.append("  suites:        \(suites.isEmpty ? "-" : suites.joined(separator: ", "))\(gates.requireSigned ? " (signed)" : "")")
        lines.append("  soak:          \(gates.soak.map { DurationText.format($0) } ?? "-")")
        if let approvals = gates.approvals {
            let from = approvals.from.isEmpty ? "anyone" : approvals.from.joined(separator: ", ")
            lines.append("  approvals:     \(approvals.count) from \(from)\(approvals.notAuthor ? ", not the author" : "")")
        } else {
            lines.append("  approvals:     -")
        }
        lines.append("  freeze:        \(gates.freeze.isEmpty ? "-" : gates.freeze.map(\.text).joined(separator: "; "))")
        if !environment.secrets.isEmpty { lines.append("  secrets:       \(environment.secrets.joined(separator: ", "))") }
        if !environment.variables.isEmpty {
            lines.append("  variables:     \(environment.variables.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))")
        }
        if let hold = environment.hold {
            lines.append("  HOLD:          \"\(hold.reason)\" by \(hold.by) at \(Timestamp.format(hold.at))")
        }
        if let deployed = environment.deployed {
            lines.append("  deployed:      \(deployed.build.hex) at \(Timestamp.format(deployed.at)) by \(deployed.by)")
            for (stack, build) in deployed.stacks.sorted(by: { $0.key < $1.key }) {
                lines.append("    \(stack): \(build.short)")
            }
        } else {
            lines.append("  deployed:      nothing yet")
        }
        return lines.joined(separator: "\n")
    }

    public static func diff(_ difference: EnvironmentQueries.Difference) -> String {
        var lines = ["\(difference.a) runs \(difference.buildA.short), \(difference.b) runs \(difference.buildB.short)"]
        func commits(_ list: [Commit], _ title: String) {
            guard !list.isEmpty else { return }
            lines.append("\(title) (\(list.count)):")
            lines.append(TextTable(header: ["commit", "author", "subject"], rows: list.map { [$0.id.short, $0.authorName, $0.subject] }).render(indent: "  "))
        }
        commits(difference.onlyInA, "in \(difference.a), not in \(difference.b)")
        commits(difference.onlyInB, "in \(difference.b), not in \(difference.a)")
        if difference.onlyInA.isEmpty, difference.onlyInB.isEmpty { lines.append("no commits between the two builds") }
        if difference.stacks.isEmpty {
            lines.append("every stack runs the same build in both")
        } else {
            lines.append("stacks that differ:")
            lines.append(TextTable(header: ["stack", difference.a, difference.b], rows: difference.stacks.map {
                [$0.stack, $0.a?.short ?? "-", $0.b?.short ?? "-"]
            }).render(indent: "  "))
        }
        return lines.joined(separator: "\n")
    }

    public static func history(_ entries: [PromotionEntry], environment: String) -> String {
        guard !entries.isEmpty else { return "no promotions into \(environment) yet" }
        return TextTable(header: ["when", "who", "from", "build", "note"], rows: entries.map { entry in
            var note: [String] = []
            if let from = entry.rollbackFrom { note.append("rollback from \(from.short)") }
            if !entry.stacks.isEmpty { note.append("stacks: \(entry.stacks.joined(separator: ", "))") }
            return [Timestamp.format(entry.time), entry.by, entry.from, entry.build.short, note.joined(separator: "; ")]
        }).render()
    }
}

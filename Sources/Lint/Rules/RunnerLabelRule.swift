import Foundation
import WorkflowModel

/// `runs-on` labels: retired GitHub-hosted images, misspelt ones, and label sets no runner has.
struct RunnerLabelRule: Rule {
    let description = RuleDescription(
        id: "runner-label",
        summary: "\"runs-on\" must not name a retired or misspelt GitHub-hosted runner, nor two GitHub-hosted images at once.",
        rationale: "A job whose labels match no runner waits in the queue until it times out, without an error on the pull request.",
        triggering: [
            Example.jobs("""
            old:
              runs-on: ↓ubuntu-20.04
              steps: [{run: make}]
            typo:
              runs-on: ↓ubuntu-lastest
              steps: [{run: make}]
            both:
              runs-on: [ubuntu-latest, ↓windows-latest]
              steps: [{run: make}]
            each:
              runs-on: ${{ matrix.os }}
              strategy:
                matrix:
                  os: [ubuntu-latest, ↓macos-13]
              steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example.jobs("""
            hosted:
              runs-on: ubuntu-24.04
              steps: [{run: make}]
            own:
              runs-on: [self-hosted, linux, arm64, gpu-large]
              steps: [{run: make}]
            grouped:
              runs-on:
                group: ubuntu-runners
                labels: ubuntu-latest-16-cores
              steps: [{run: make}]
            custom:
              runs-on: ${{ matrix.os }}
              steps: [{run: make}]
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for job in workflow.jobs {
            guard let written = job.runsOn?.labels else { continue }
            let labels = written.flatMap { Self.matrixValues(of: $0, in: job) ?? [$0] }
            var hosted: [StringValue] = []
            for label in labels where !label.hasExpression {
                let text = label.text.lowercased()
                if let replacement = Runners.retired[text] {
                    findings.append(Finding("runner \"\(label.text)\" is retired: GitHub no longer runs jobs on it; use \(replacement)", at: label))
                } else if Runners.hosted.contains(text) {
                    hosted.append(label)
                } else if Runners.system(of: text) != nil, let known = Self.misspelt(text) {
                    findings.append(Finding("unknown runner \"\(label.text)\" (did you mean \"\(known)\"?)", at: label))
                }
            }
            if hosted.count > 1, labels.count == written.count, Set(hosted.map { $0.text.lowercased() }).count > 1 {
                findings.append(Finding("runs-on lists two GitHub-hosted images (\(hosted.map(\.text).joined(separator: ", "))): a runner must match every label, so none will; use a matrix to run on each", at: hosted[1]))
            }
        }
        return findings
    }

    /// For a label written `${{ matrix.os }}`, the values the matrix gives `os` (axis values and
    /// include rows); nil for other labels or when the matrix is itself an expression.
    static func matrixValues(of label: StringValue, in job: Job) -> [StringValue]? {
        guard label.hasExpression else { return nil }
        let text = label.text.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("${{"), text.hasSuffix("}}"), let matrix = job.strategy?.matrix, matrix.expression == nil else { return nil }
        let inner = text.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
        guard inner.hasPrefix("matrix."), !inner.dropFirst(7).contains(where: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else { return nil }
        let name = String(inner.dropFirst(7))
        var nodes = matrix.axes.first { $0.key.text == name }?.value.items ?? []
        nodes += (matrix.include?.items ?? []).compactMap { $0[name] }
        return nodes.compactMap { StringValue($0, source: label.source) }
    }

    /// A hosted label one or two edits away, or a well-formed hosted name with an unknown version.
    static func misspelt(_ label: String) -> String? {
        var best: (String, Int)?
        for known in Runners.hosted {
            let distance = Suggestion.editDistance(label, known)
            if distance <= 2, distance < (best?.1 ?? .max) { best = (known, distance) }
        }
        return best?.0
    }
}

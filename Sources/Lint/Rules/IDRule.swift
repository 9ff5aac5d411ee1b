import WorkflowModel

/// Job and step ids: GitHub's id syntax, and unique (ids are compared without case).
struct IDRule: Rule {
    let description = RuleDescription(
        id: "id",
        summary: "Job and step ids must start with a letter or \"_\", contain only letters, digits, \"-\" and \"_\", and be unique.",
        rationale: "GitHub rejects invalid ids, and a repeated step id makes \"steps.<id>\" ambiguous.",
        triggering: [
            Example.jobs("""
            ↓1build:
              runs-on: ubuntu-latest
              steps:
                - id: ↓get version
                  run: echo v1
                - id: out
                  run: echo a
                - id: ↓OUT
                  run: echo b
            Build:
              runs-on: ubuntu-latest
              steps: [{run: make}]
            ↓build:
              runs-on: ubuntu-latest
              steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example.jobs("""
            build_linux-x64:
              runs-on: ubuntu-latest
              steps:
                - id: version
                  run: echo v1
                - id: ${{ matrix.name }}-step
                  run: echo a
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings = unique(workflow.jobs.map(\.id), what: "job")
        for job in workflow.jobs {
            findings += unique(job.steps.compactMap(\.id), what: "step id in job \"\(job.id.text)\"")
        }
        return findings
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        unique(action.steps.compactMap(\.id), what: "step id")
    }

    private func unique(_ ids: [StringValue], what: String) -> [Finding] {
        var seen: [String: StringValue] = [:]
        var findings: [Finding] = []
        for id in ids where !id.hasExpression {
            if !Self.isValid(id.text) {
                findings.append(Finding("invalid \(what.hasPrefix("job") ? "job id" : "step id") \"\(id.text)\": start with a letter or \"_\" and use only letters, digits, \"-\" and \"_\"", at: id))
            }
            let key = id.text.lowercased()
            if let first = seen[key] {
                findings.append(Finding("duplicate \(what) \"\(id.text)\" (ids ignore case; first at line \(first.position.line)): rename one", at: id))
            } else {
                seen[key] = id
            }
        }
        return findings
    }

    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

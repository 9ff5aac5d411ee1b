import WorkflowModel

/// `pull_request_target` / `workflow_run` / `issue_comment` run with write tokens and secrets; checking out the PR head runs its code.
struct DangerousTriggerRule: Rule {
    let description = RuleDescription(
        id: "dangerous-trigger",
        summary: "`pull_request_target`, `workflow_run` and `issue_comment` workflows, above all those that check out the pull request's head.",
        rationale: "These triggers run in the base repository with its secrets and a write token; checking out and building the head of a fork's pull request hands both to its author.",
        triggering: [
            Example("""
            on: ↓pull_request_target
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      ref: ↓${{ github.event.pull_request.head.sha }}
            """),
            Example("""
            on: ↓issue_comment
            permissions: {}
            jobs:
              triage:
                runs-on: ubuntu-latest
                permissions:
                  issues: write
                steps: [{run: echo triage}]
            """),
        ],
        nonTriggering: [
            Example("""
            on: pull_request
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      ref: ${{ github.event.pull_request.head.sha }}
            """),
        ]
    )

    /// Events that run in the base repository's context (secrets, write token) but that outsiders can cause.
    static let triggers: Set<String> = ["pull_request_target", "workflow_run", "issue_comment"]

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        let risky = workflow.events.filter { Self.triggers.contains($0.name.text) }
        guard !risky.isEmpty else { return [] }
        var findings = risky.map { event in
            let advice = event.name.text == "issue_comment"
                ? "anyone can comment: act only on comments whose author_association is OWNER, MEMBER or COLLABORATOR, and never run the pull request's code"
                : "prefer pull_request, or keep this workflow free of untrusted code"
            return Finding("\(event.name.text) runs with the base repository's secrets and a write token on events outsiders cause: \(advice)", at: event.name, severity: .warning)
        }
        for job in workflow.jobs {
            for step in job.steps where SecurityFacts.isCheckout(step) {
                guard let ref = SecurityFacts.with(step, "ref")?.string,
                      ref.text.contains("pull_request.head") || ref.text.contains("github.head_ref") || ref.text.contains("workflow_run.head")
                        || ref.text.contains("refs/pull/") else { continue }
                findings.append(Finding("checks out the pull request's head under \(risky[0].name.text): its code then runs with secrets and a write token; build it in a pull_request workflow instead", at: ref))
            }
        }
        return findings
    }
}

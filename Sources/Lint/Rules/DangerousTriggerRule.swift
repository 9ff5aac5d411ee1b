import WorkflowModel

/// `pull_request_target` / `workflow_run` run with write tokens and secrets; checking out the PR head runs its code.
struct DangerousTriggerRule: Rule {
    let description = RuleDescription(
        id: "dangerous-trigger",
        summary: "`pull_request_target` and `workflow_run` workflows, above all those that check out the pull request's head.",
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

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        let risky = workflow.events.filter { $0.name.text == "pull_request_target" || $0.name.text == "workflow_run" }
        guard !risky.isEmpty else { return [] }
        var findings = risky.map {
            Finding("\($0.name.text) runs with the base repository's secrets and a write token on events outsiders cause: prefer pull_request, or keep this workflow free of untrusted code", at: $0.name, severity: .warning)
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

import WorkflowModel

/// Self-hosted runners in workflows that run pull-request code.
struct SelfHostedRunnerRule: Rule {
    let description = RuleDescription(
        id: "self-hosted-runner",
        summary: "`runs-on: self-hosted` in a workflow triggered by pull requests.",
        rationale: "A fork's pull request runs its code on the machine; on a public repository anyone can persist malware on the runner or reach its network.",
        severity: .warning,
        triggering: [
            Example("""
            on: pull_request
            jobs:
              test:
                runs-on: [↓self-hosted, linux]
                steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: [self-hosted, linux]
                steps: [{run: make}]
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        guard !SecurityFacts.eventNames(workflow).isDisjoint(with: ["pull_request", "pull_request_target"]) else { return [] }
        return workflow.jobs.compactMap { job in
            guard let label = job.runsOn?.labels.first(where: { $0.text == "self-hosted" }) else { return nil }
            return Finding("self-hosted runner on pull-request code: a fork's pull request runs on this machine; use GitHub-hosted runners or require approval for outside contributors", at: label)
        }
    }
}

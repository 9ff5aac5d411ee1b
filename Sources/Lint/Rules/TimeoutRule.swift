import WorkflowModel

/// `timeout-minutes` must be a positive number.
struct TimeoutRule: Rule {
    let description = RuleDescription(
        id: "timeout-minutes",
        summary: "\"timeout-minutes\" of a job or step must be a number greater than 0.",
        rationale: "Zero or a negative timeout makes GitHub reject the workflow.",
        triggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              timeout-minutes: ↓0
              steps:
                - run: make
                  timeout-minutes: ↓-5
            """),
        ],
        nonTriggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              timeout-minutes: 30
              steps:
                - run: make
                  timeout-minutes: 2.5
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        workflow.jobs.flatMap { job in
            ([job.timeoutMinutes] + job.steps.map(\.timeoutMinutes)).compactMap { node -> Finding? in
                guard let node, let value = node.number, value <= 0 else { return nil }
                return Finding("\"timeout-minutes\" must be greater than 0, found \(node.scalar ?? "")", at: node)
            }
        }
    }
}

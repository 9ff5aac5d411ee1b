import WorkflowModel

/// A step runs either an action (`uses`) or a script (`run`), never both or neither.
struct StepKindRule: Rule {
    let description = RuleDescription(
        id: "step-kind",
        summary: "A step must have exactly one of \"uses\" and \"run\".",
        rationale: "GitHub rejects a step with both or neither; the mistake usually comes from a merged or half-deleted step.",
        triggering: [
            Example.steps("""
            - ↓name: nothing to do
            - ↓uses: actions/checkout@v4
              run: make
            """),
        ],
        nonTriggering: [
            Example.steps("""
            - uses: actions/checkout@v4
            - run: make
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        workflow.jobs.flatMap { $0.steps.compactMap(finding) }
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        action.using?.text == "composite" ? action.steps.compactMap(finding) : []
    }

    private func finding(_ step: Step) -> Finding? {
        guard step.node.pairs != nil else { return nil }
        let hasUses = step.node["uses"] != nil, hasRun = step.node["run"] != nil
        if hasUses && hasRun {
            return Finding("\(step.label) has both \"uses\" and \"run\": split it into two steps", at: step.node)
        }
        if !hasUses && !hasRun {
            return Finding("\(step.label) has neither \"uses\" nor \"run\": add the action to use or the script to run", at: step.node)
        }
        return nil
    }
}

import WorkflowModel

/// Values of the wrong type: a mapping where a string goes, a string where a number goes.
struct ValueTypeRule: Rule {
    let description = RuleDescription(
        id: "value-type",
        summary: "Each value must have the type GitHub expects (string, number, boolean, mapping or sequence).",
        rationale: "A value of the wrong type makes GitHub reject the workflow when it starts, not when it is pushed.",
        triggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              timeout-minutes: ↓ten
              env: ↓[A, B]
              steps:
                - run: make
                  continue-on-error: ↓maybe
            """),
        ],
        nonTriggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              timeout-minutes: ${{ inputs.timeout }}
              env:
                A: 1
              steps:
                - run: make
                  continue-on-error: true
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        SchemaWalker.issues(in: workflow.root, isAction: false, context: context).filter { $0.kind == .wrongType }.map(\.finding)
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        SchemaWalker.issues(in: action.root, isAction: true, context: context).filter { $0.kind == .wrongType }.map(\.finding)
    }
}

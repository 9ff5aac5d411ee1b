import WorkflowModel

/// `inputs.X` must be declared by `workflow_dispatch` or `workflow_call`.
struct ExpressionInputsRule: Rule {
    let description = RuleDescription(
        id: "expression-inputs",
        summary: "`inputs.<name>` only for inputs declared under `workflow_dispatch` or `workflow_call`.",
        rationale: "An undeclared input is always empty, so a typo silently changes behaviour.",
        triggering: [
            Example("""
            on:
              workflow_dispatch:
                inputs:
                  dry-run: {type: boolean}
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ inputs.↓dryrun }}
            """),
        ],
        nonTriggering: [
            Example("""
            on:
              workflow_dispatch:
                inputs:
                  dry-run: {type: boolean}
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ inputs.dry-run }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).findings([.inputs])
    }
}

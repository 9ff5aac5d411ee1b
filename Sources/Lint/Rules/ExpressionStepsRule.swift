import WorkflowModel

/// `steps.X` must be an earlier step's id; outputs of popular actions must exist.
struct ExpressionStepsRule: Rule {
    let description = RuleDescription(
        id: "expression-steps",
        summary: "`steps.<id>` only for earlier steps with that id; `steps.<id>.outputs.<name>` only for outputs the action declares.",
        rationale: "A later or misspelt step id, or an output the action never sets, evaluates to an empty string.",
        triggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ steps.↓cache.outputs.cache-hit }}
                  - id: cache
                    uses: actions/setup-go@v6
                  - run: echo ${{ steps.cache.outputs.↓hit }}
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - id: go
                    uses: actions/setup-go@v6
                  - id: script
                    run: echo "x=1" >> "$GITHUB_OUTPUT"
                  - run: echo ${{ steps.go.outputs.cache-hit }} ${{ steps.script.outputs.x }} ${{ steps.go.outcome }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).findings([.steps])
    }
}

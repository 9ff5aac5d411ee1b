import WorkflowModel

/// Contexts and special functions must be available where they are used.
struct ExpressionContextRule: Rule {
    let description = RuleDescription(
        id: "expression-context",
        summary: "Contexts and functions must exist and be available at the key (GitHub's context-availability table).",
        rationale: "`secrets` in a step's `if:`, `matrix` in a job's `if:` or `success()` outside a condition make GitHub reject the workflow.",
        triggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                if: ${{ ↓matrix.os == 'linux' }}
                steps:
                  - if: ↓secrets.TOKEN != ''
                    run: echo ${{ ↓gihub.sha }} ${{ ↓success() }}
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                if: ${{ github.event_name == 'push' }}
                env:
                  TOKEN: ${{ secrets.TOKEN }}
                steps:
                  - if: env.TOKEN != '' && success()
                    run: echo ${{ github.sha }} ${{ hashFiles('**/go.sum') }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).findings([.context])
    }
}

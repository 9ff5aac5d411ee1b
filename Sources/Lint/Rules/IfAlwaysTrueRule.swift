import WorkflowModel

/// An `if:` with text outside `${{ }}` is a non-empty string, which is always true.
struct IfAlwaysTrueRule: Rule {
    let description = RuleDescription(
        id: "if-always-true",
        summary: "`if:` with text outside `${{ }}` is always true.",
        rationale: "`if: ${{ a }} && ${{ b }}` becomes the string \"true && false\", which is truthy: the step always runs.",
        triggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - if: ↓${{ github.event_name == 'push' }} && ${{ github.ref == 'refs/heads/main' }}
                    run: make deploy
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - if: ${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}
                    run: make deploy
                  - if: " ${{ always() }} "
                    run: make clean
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).alwaysTrueConditions.map {
            Finding("this condition has text outside \"${{ }}\", so it is a non-empty string and always true: put the whole condition inside one \"${{ }}\"", at: $0)
        }
    }
}

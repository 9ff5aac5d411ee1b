import WorkflowModel

/// `${{ }}` expressions and `if:` conditions must parse.
struct ExpressionSyntaxRule: Rule {
    let description = RuleDescription(
        id: "expression-syntax",
        summary: "Expressions must be valid: closed \"${{ }}\", single-quoted strings, known operators.",
        rationale: "GitHub rejects the whole workflow when one expression does not parse.",
        triggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                if: github.ref ↓= 'refs/heads/main'
                steps:
                  - run: echo ${{ ↓"double" }} ↓${{ github.sha
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                if: github.ref == 'refs/heads/main' && !cancelled()
                steps:
                  - run: echo '${{ format('{0}''s', github.actor) }}'
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).findings([.syntax])
    }
}

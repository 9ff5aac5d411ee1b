import WorkflowModel

/// Properties of the `github` context must exist.
struct ExpressionGithubRule: Rule {
    let description = RuleDescription(
        id: "expression-github",
        summary: "Properties of the `github` context must exist (typos get \"did you mean\").",
        rationale: "An unknown property of `github` is null: `github.head_rf` silently compares an empty string.",
        triggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                if: github.↓head_rf == 'main'
                steps:
                  - run: echo ${{ github.↓reponame }}
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                if: github.head_ref == 'main'
                steps:
                  - run: echo ${{ github.repository }} ${{ github.event.anything.at.all }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).findings([.github])
    }
}

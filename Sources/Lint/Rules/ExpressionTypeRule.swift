import WorkflowModel

/// Functions must exist and receive the right arguments; values must have the properties read.
struct ExpressionTypeRule: Rule {
    let description = RuleDescription(
        id: "expression-type",
        summary: "Functions must exist with the right arguments (format() placeholders too); properties must exist on their value.",
        rationale: "A misspelt function fails the run; a property of a string or an unknown runner/job property is always null.",
        triggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ ↓startWith(github.ref, 'v') }} ${{ format(↓'{0} {1}', github.sha) }} ${{ runner.↓oss }}
                  - run: echo ${{ ↓github.event }}
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ startsWith(github.ref, 'v') }} ${{ format('{0} {1}', github.sha, runner.os) }}
                  - run: echo ${{ toJSON(github.event) }}
                    env:
                      EVENT: ${{ github.event.head_commit }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).findings([.type, .function, .property])
    }
}

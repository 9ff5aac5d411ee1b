import WorkflowModel

/// A condition that reads no context and calls no status function never changes.
struct IfConstantRule: Rule {
    let description = RuleDescription(
        id: "if-constant",
        summary: "`if:` conditions that cannot change (no context, no status function).",
        rationale: "A constant condition is usually a leftover (`if: false` to disable a job) or a mistake (`if: 'always()'` quoted as a string).",
        severity: .warning,
        triggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                if: ↓false
                steps:
                  - if: ↓${{ 'always()' }}
                    run: make
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                if: github.repository == 'owner/repo'
                steps:
                  - if: always()
                    run: make
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).constantConditions.map { entry in
            Finding("this condition is constant (\(entry.expression)): it reads no context and calls no status function, so the job or step always or never runs", at: entry.value)
        }
    }
}

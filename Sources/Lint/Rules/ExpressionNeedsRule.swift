import WorkflowModel

/// `needs.X` must name a job in this job's `needs`, and `needs.X.outputs.Y` an output X declares.
struct ExpressionNeedsRule: Rule {
    let description = RuleDescription(
        id: "expression-needs",
        summary: "`needs.<job>` only for jobs listed in `needs:`; `needs.<job>.outputs.<name>` only for declared outputs.",
        rationale: "GitHub evaluates an unknown job or output to an empty string, so the mistake passes silently.",
        triggering: [
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                outputs:
                  version: ${{ steps.v.outputs.version }}
                steps:
                  - id: v
                    run: echo "version=1" >> "$GITHUB_OUTPUT"
              lint:
                runs-on: ubuntu-latest
                steps: [{run: make lint}]
              deploy:
                needs: build
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ needs.build.outputs.↓versoin }} ${{ needs.↓lint.result }}
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                outputs:
                  version: ${{ steps.v.outputs.version }}
                steps:
                  - id: v
                    run: echo "version=1" >> "$GITHUB_OUTPUT"
              deploy:
                needs: [build]
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ needs.build.outputs.version }} ${{ needs.build.result }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).findings([.needs])
    }
}

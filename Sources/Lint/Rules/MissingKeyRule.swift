import WorkflowModel

/// Keys GitHub requires: `on` and `jobs`, a job's `runs-on` and `steps`, an action's `runs.using`.
struct MissingKeyRule: Rule {
    let description = RuleDescription(
        id: "missing-key",
        summary: "Required keys must be present: \"on\" and \"jobs\", a job's \"runs-on\" and \"steps\", an action's \"name\" and \"runs\".",
        rationale: "Without them GitHub cannot run the workflow, job or action at all.",
        triggering: [
            Example("""
            ↓name: CI
            jobs:
              build:
                ↓steps:
                  - run: make
            """),
        ],
        nonTriggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              steps:
                - run: make
            call:
              uses: ./.github/workflows/deploy.yml
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        SchemaWalker.issues(in: workflow.root, isAction: false, context: context).filter { $0.kind == .missingKey }.map(\.finding)
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        SchemaWalker.issues(in: action.root, isAction: true, context: context).filter { $0.kind == .missingKey }.map(\.finding)
    }
}

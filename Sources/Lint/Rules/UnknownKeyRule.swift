import WorkflowModel

/// Keys that GitHub does not know at that place, with the closest known key.
struct UnknownKeyRule: Rule {
    let description = RuleDescription(
        id: "unknown-key",
        summary: "Every key must be one GitHub knows at that place; typos get a \"did you mean\".",
        rationale: "GitHub rejects a workflow with an unknown key, and a misplaced key (a job key on a step) silently does nothing elsewhere.",
        triggering: [
            Example.jobs("""
            build:
              ↓runs_on: ubuntu-latest
              runs-on: ubuntu-latest
              steps:
                - run: make
                  ↓enviroment: production
            """),
            Example("""
            name: Setup
            description: Set things up
            runs:
              using: composite
              ↓step: []
            """, path: ".github/actions/setup/action.yml"),
        ],
        nonTriggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              timeout-minutes: 10
              steps:
                - run: make
                  working-directory: src
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        SchemaWalker.issues(in: workflow.root, isAction: false, context: context).filter { $0.kind == .unknownKey }.map(\.finding)
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        SchemaWalker.issues(in: action.root, isAction: true, context: context).filter { $0.kind == .unknownKey }.map(\.finding)
    }
}

import WorkflowModel

/// Actions whose `runs.using` is a Node.js runtime GitHub's runners no longer provide.
struct ActionRuntimeRule: Rule {
    /// Runtimes removed from GitHub-hosted runners.
    static let retired: Set<String> = ["node12", "node16"]

    let description = RuleDescription(
        id: "action-runtime",
        summary: "Actions that run on node12 or node16: local actions by their `runs.using`, popular actions by major versions known to use them.",
        rationale: "GitHub-hosted runners no longer ship node12 and node16: such an action fails or is forced onto a newer Node.js it was never tested with. Update the action to a current major version, or its `runs.using` to node20 or node24.",
        triggering: [
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: ↓actions/checkout@v3
                  - uses: ↓actions/setup-node@v3.8.1
                  - uses: ↓./.github/actions/old
            """, files: [".github/actions/old/action.yml": "name: old\ndescription: d\nruns:\n  using: node16\n  main: index.js\n"]),
            Example("""
            name: old
            description: an old action
            runs:
              using: ↓node12
              main: dist/index.js
            """, path: "action.yml"),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-node@11bd71901bbe5b1630ceea73d27597364c9af683
                  - uses: ./.github/actions/new
            """, files: [".github/actions/new/action.yml": "name: new\ndescription: d\nruns:\n  using: node24\n  main: index.js\n"]),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        workflow.jobs.flatMap(\.steps).compactMap { step in
            guard let uses = step.uses else { return nil }
            let text = uses.text
            if text.hasPrefix("./") {
                guard !uses.hasExpression, let using = context.localAction(text)?.using?.text, Self.retired.contains(using) else { return nil }
                return Finding("the local action \(text) runs on \(using), which GitHub's runners no longer provide: set its runs.using to node20 or node24", at: uses)
            }
            guard let reference = step.action, let action = step.popularAction,
                  action.isRetired(ref: reference.ref) else { return nil }
            return Finding("\(reference.name)@\(reference.ref) runs on a Node.js version GitHub's runners no longer provide (node12 or node16): update it to the current major version", at: uses)
        }
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        guard let using = action.using, Self.retired.contains(using.text) else { return [] }
        return [Finding("runs.using \(using.text) is no longer provided by GitHub's runners: use node20 or node24", at: using)]
    }
}

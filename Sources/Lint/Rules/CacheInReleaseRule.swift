import WorkflowModel

/// Caches restored in workflows that publish releases.
struct CacheInReleaseRule: Rule {
    static let cachingActions: Set<String> = ["actions/cache", "actions/cache/restore", "swatinem/rust-cache", "astral-sh/setup-uv"]

    let description = RuleDescription(
        id: "cache-in-release",
        summary: "Restoring a cache in a workflow that publishes (release events, tag pushes).",
        rationale: "Caches are shared with pull-request workflows: a poisoned cache entry ends up inside the published artifact.",
        severity: .warning,
        triggering: [
            Example("""
            on:
              push:
                tags: ['v*']
            jobs:
              publish:
                runs-on: ubuntu-latest
                steps:
                  - ↓uses: actions/cache@v4
                    with: {path: ~/.npm, key: npm}
                  - ↓uses: actions/setup-node@v4
                    with: {cache: npm}
            """),
        ],
        nonTriggering: [
            Example("""
            on: pull_request
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/cache@v4
                    with: {path: ~/.npm, key: npm}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        let publishes = workflow.events.contains { event in
            event.name.text == "release" || (event.name.text == "push" && event.filters.contains { $0.key.text == "tags" })
        }
        guard publishes else { return [] }
        var findings: [Finding] = []
        for step in workflow.jobs.flatMap(\.steps) {
            guard let reference = step.action else { continue }
            let setupCache = reference.name.hasPrefix("actions/setup-") && (SecurityFacts.with(step, "cache")?.string.map { $0.text != "false" && !$0.text.isEmpty } ?? false)
            if Self.cachingActions.contains(reference.name) || setupCache {
                findings.append(Finding("\(reference.name) restores a cache in a publishing workflow: a cache poisoned by a pull request would ship; build releases without caches", at: step.node.pair("uses")?.key ?? step.node))
            }
        }
        return findings
    }
}

import WorkflowModel

/// A filter and its `-ignore` twin cannot be used together on one event.
struct FiltersRule: Rule {
    let description = RuleDescription(
        id: "filters",
        summary: "\"branches\"/\"branches-ignore\", \"tags\"/\"tags-ignore\" and \"paths\"/\"paths-ignore\" cannot be combined on one event.",
        rationale: "GitHub rejects the workflow; to exclude inside an include list use a \"!pattern\" entry instead.",
        triggering: [
            Example("""
            on:
              push:
                branches: [main]
                ↓branches-ignore: [wip/*]
                paths: [src/**]
                ↓paths-ignore: [docs/**]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example("""
            on:
              push:
                branches: [main, "!wip/*"]
                tags-ignore: [nightly*]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        workflow.events.flatMap { event in
            event.filters.compactMap { filter -> Finding? in
                let key = filter.key.text
                guard key.hasSuffix("-ignore"), event.filters.contains(where: { $0.key.text == String(key.dropLast(7)) }) else { return nil }
                let base = String(key.dropLast(7))
                return Finding("\"\(base)\" and \"\(key)\" cannot both filter the \(event.name.text) event: keep \"\(base)\" and add \"!pattern\" entries to exclude", at: filter.key)
            }
        }
    }
}

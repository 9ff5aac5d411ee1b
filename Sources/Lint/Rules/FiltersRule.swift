import WorkflowModel

/// A filter and its `-ignore` twin cannot be used together on one event.
struct FiltersRule: Rule {
    let description = RuleDescription(
        id: "filters",
        summary: "A filter and its \"-ignore\" twin cannot be combined on one event, and branch/tag patterns must be globs that can match a ref.",
        rationale: "GitHub rejects combined filters; a regular expression or an impossible ref name in a branch filter silently never matches.",
        triggering: [
            Example("""
            on:
              push:
                branches: [main]
                ↓branches-ignore: [wip/*]
                paths: [src/**]
                ↓paths-ignore: [docs/**]
              pull_request:
                branches: [main, ↓/.*-stable/, ↓"release 1"]
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
        conflicts(workflow) + workflow.events.flatMap { event in
            event.filters.filter { !$0.key.text.hasPrefix("paths") }.flatMap { filter in
                filter.patterns.compactMap { pattern in Self.refProblem(pattern.text).map { Finding("\(filter.key.text) pattern \"\(pattern.text)\" \($0)", at: pattern) } }
            }
        }
    }

    /// Why a branch or tag pattern can never match a ref, nil when it can.
    static func refProblem(_ pattern: String) -> String? {
        var body = Substring(pattern)
        if body.hasPrefix("!") { body = body.dropFirst() }
        if body.count > 1, body.hasPrefix("/"), body.hasSuffix("/") {
            return "looks like a regular expression, but filters are glob patterns (e.g. \"*-stable\")"
        }
        if body.hasPrefix("/") || body.hasSuffix("/") { return "cannot match a ref: ref names do not start or end with \"/\"" }
        for bad in [" ", "~", "^", ":", "..", "@{"] where body.contains(bad) {
            return "cannot match a ref: ref names cannot contain \"\(bad)\""
        }
        return nil
    }

    private func conflicts(_ workflow: Workflow) -> [Finding] {
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

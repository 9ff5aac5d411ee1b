import WorkflowModel

/// Event names under `on:`, their activity types and the keys each event accepts.
struct EventsRule: Rule {
    let description = RuleDescription(
        id: "events",
        summary: "Events under \"on\" must exist, with activity types and filters that event supports.",
        rationale: "A misspelt event or type never fires and GitHub says nothing; a filter an event does not support is ignored.",
        triggering: [
            Example("""
            on:
              ↓pull-request:
              issues:
                types: [opened, ↓close]
              create:
                ↓tags: [v*]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
            Example("""
            on: [push, ↓workflow-dispatch]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example("""
            on:
              pull_request:
                types: [opened, synchronize]
                branches: [main]
              repository_dispatch:
                types: [deploy-now]
              workflow_dispatch:
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for event in workflow.events {
            guard let spec = Events.all[event.name.text] else {
                findings.append(Finding("unknown event \"\(event.name.text)\"\(Suggestion.hint(for: event.name.text, in: Events.names)): see https://docs.github.com/actions/reference/events-that-trigger-workflows", at: event.name))
                continue
            }
            guard let node = event.node, event.name.text != "schedule" else { continue }
            guard let pairs = node.pairs else {
                if !node.isNull { findings.append(Finding("event \"\(event.name.text)\" must be configured with a mapping, found \(node.kindName)", at: node)) }
                continue
            }
            let allowed = (spec.acceptsTypes ? ["types"] : []) + spec.keys
            for pair in pairs where !allowed.contains(pair.name) {
                let what = Event.filterKeys.contains(pair.name) ? "the \"\(pair.name)\" filter is not available for the \(event.name.text) event" : "unknown key \"\(pair.name)\" in event \"\(event.name.text)\"\(Suggestion.hint(for: pair.name, in: allowed))"
                findings.append(Finding(allowed.isEmpty ? "\(what); it takes no configuration" : "\(what); it takes: \(allowed.joined(separator: ", "))", at: pair.key))
            }
            if let types = spec.types {
                for type in event.types where !type.hasExpression && !types.contains(type.text) {
                    findings.append(Finding("unknown activity type \"\(type.text)\" for \(event.name.text)\(Suggestion.hint(for: type.text, in: types)); types are: \(types.joined(separator: ", "))", at: type))
                }
            }
        }
        return findings
    }
}

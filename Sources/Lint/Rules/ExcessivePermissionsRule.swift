import WorkflowModel

/// Token permissions: set them, never `write-all`, no writes at workflow level under untrusted triggers.
struct ExcessivePermissionsRule: Rule {
    let description = RuleDescription(
        id: "excessive-permissions",
        summary: "No `permissions:` anywhere, `write-all`, or write scopes granted to every job of a workflow outsiders can trigger.",
        rationale: "Without `permissions:` the token gets the repository default, often write-all; a compromised step can then push code or publish releases.",
        triggering: [
            Example("""
            ↓on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
            Example("""
            on: pull_request_target
            permissions:
              contents: ↓write
            jobs:
              label:
                runs-on: ubuntu-latest
                permissions: ↓write-all
                steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example("""
            on: pull_request_target
            permissions: {}
            jobs:
              label:
                runs-on: ubuntu-latest
                permissions:
                  pull-requests: write
                steps: [{run: make}]
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        if workflow.permissions == nil, workflow.jobs.contains(where: { $0.permissions == nil && $0.uses == nil }), let on = workflow.onKey {
            findings.append(Finding("no permissions: block, so jobs get the repository's default token permissions (possibly write-all): add `permissions: { contents: read }` and grant more per job", at: on, severity: .warning))
        }
        let all = [workflow.permissions] + workflow.jobs.map(\.permissions)
        for permissions in all.compactMap({ $0 }) {
            if let value = permissions.all, value.text == "write-all" {
                findings.append(Finding("write-all gives every scope write access: list only the scopes the job needs", at: value))
            }
        }
        if !SecurityFacts.eventNames(workflow).isDisjoint(with: SecurityFacts.privilegedTriggers), let top = workflow.permissions {
            for scope in top.scopes where scope.string?.text == "write" {
                findings.append(Finding("\(scope.key.text): write for every job of a workflow outsiders can trigger: grant it only to the job that needs it", at: scope.string ?? scope.key))
            }
        }
        return findings
    }
}

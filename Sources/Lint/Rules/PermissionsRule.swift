import WorkflowModel

/// `permissions:`: `read-all`, `write-all`, `{}` or known scopes with read, write or none.
struct PermissionsRule: Rule {
    let description = RuleDescription(
        id: "permissions",
        summary: "\"permissions\" must be read-all, write-all, {} or scopes GitHub knows set to read, write or none.",
        rationale: "GitHub rejects unknown scopes and levels; a typo in a scope leaves the token without the access the job needs.",
        triggering: [
            Example("""
            on: push
            permissions:
              ↓pull-request: write
              contents: ↓readonly
            jobs:
              build:
                runs-on: ubuntu-latest
                permissions: ↓read
                steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                  id-token: write
                  pull-requests: none
                steps: [{run: make}]
              all:
                runs-on: ubuntu-latest
                permissions: read-all
                steps: [{run: make}]
            """),
        ]
    )

    static let scopes = [
        "actions", "artifact-metadata", "attestations", "checks", "contents", "deployments", "discussions", "id-token",
        "issues", "models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses",
    ]
    static let levels = ["read", "write", "none"]

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ([workflow.permissions] + workflow.jobs.map(\.permissions)).compactMap { $0 }.flatMap(check)
    }

    private func check(_ permissions: Permissions) -> [Finding] {
        if let all = permissions.all {
            if all.hasExpression || all.text == "read-all" || all.text == "write-all" { return [] }
            return [Finding("permissions \"\(all.text)\" is not read-all or write-all\(Suggestion.hint(for: all.text, in: ["read-all", "write-all"])); or give scopes, e.g. { contents: read }", at: all)]
        }
        var findings: [Finding] = []
        for scope in permissions.scopes {
            if !Self.scopes.contains(scope.key.text) {
                findings.append(Finding("unknown permission scope \"\(scope.key.text)\"\(Suggestion.hint(for: scope.key.text, in: Self.scopes)); scopes: \(Self.scopes.joined(separator: ", "))", at: scope.key))
            }
            guard let level = scope.string, !level.hasExpression else {
                findings.append(Finding("permission \"\(scope.key.text)\" must be read, write or none", at: scope.value))
                continue
            }
            if !Self.levels.contains(level.text) {
                findings.append(Finding("permission \"\(scope.key.text)\" is \"\(level.text)\", but must be read, write or none\(Suggestion.hint(for: level.text, in: Self.levels))", at: level))
            }
        }
        return findings
    }
}

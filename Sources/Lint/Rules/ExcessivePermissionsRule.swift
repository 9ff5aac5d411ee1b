import WorkflowModel

/// Token permissions: set them (per job), never `write-all` or `read-all`, no workflow-level writes shared by several jobs or under untrusted triggers.
struct ExcessivePermissionsRule: Rule {
    let description = RuleDescription(
        id: "excessive-permissions",
        summary: "No `permissions:` for a job or its workflow, `write-all` / `read-all`, or write scopes granted at the workflow level to several jobs or to every job of a workflow outsiders can trigger.",
        rationale: "Without `permissions:` the token gets the repository default, often write-all; a compromised step can then push code or publish releases.",
        triggering: [
            Example("""
            ↓on: push
            jobs:
              ↓build:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
            Example("""
            on: push
            permissions:
              contents: ↓write
            jobs:
              test:
                runs-on: ubuntu-latest
                permissions: ↓read-all
                steps: [{run: make test}]
              release:
                runs-on: ubuntu-latest
                steps: [{run: make release}]
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
            Example("""
            on: push
            permissions: read-all
            jobs:
              release:
                runs-on: ubuntu-latest
                permissions:
                  contents: write
                steps: [{run: make release}]
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        if workflow.permissions == nil {
            let unset = workflow.jobs.filter { $0.permissions == nil }
            if !unset.isEmpty, let on = workflow.onKey {
                findings.append(Finding("no permissions: block, so jobs get the repository's default token permissions (possibly write-all): add `permissions: { contents: read }` and grant more per job", at: on, severity: .warning))
            }
            // A reusable workflow's jobs get the caller's token: the caller is where permissions belong.
            let calledOnly = SecurityFacts.eventNames(workflow) == ["workflow_call"]
            for job in unset where !calledOnly {
                let what = job.uses == nil ? "its token" : "the workflow it calls"
                findings.append(Finding("job \"\(job.id.text)\" sets no permissions and neither does the workflow, so \(what) gets the repository's default permissions: give it a `permissions:` block", at: job.id, severity: .warning))
            }
        }
        let all = [workflow.permissions] + workflow.jobs.map(\.permissions)
        for (index, permissions) in all.enumerated() {
            guard let value = permissions?.all else { continue }
            if value.text == "write-all" {
                findings.append(Finding("write-all gives every scope write access: list only the scopes the job needs", at: value))
            } else if value.text == "read-all" {
                // A workflow-level read-all (the OpenSSF Scorecard template's baseline) matters when several jobs exist and some inherit it.
                let inheriting = index > 0 ? [] : workflow.jobs.filter { $0.permissions == nil }.map(\.id.text)
                guard index > 0 || (!inheriting.isEmpty && workflow.jobs.count > 1) else { continue }
                let who = index > 0 ? "the job needs" : "job\(inheriting.count == 1 ? "" : "s") \(inheriting.joined(separator: ", ")) need\(inheriting.count == 1 ? "s" : "")"
                findings.append(Finding("read-all lets the token read every scope (actions, packages, security events, …): list only the scopes \(who)", at: value, severity: .warning))
            }
        }
        guard let top = workflow.permissions else { return findings }
        let privileged = !SecurityFacts.eventNames(workflow).isDisjoint(with: SecurityFacts.privilegedTriggers)
        for scope in top.scopes where scope.string?.text == "write" {
            if privileged {
                findings.append(Finding("\(scope.key.text): write for every job of a workflow outsiders can trigger: grant it only to the job that needs it", at: scope.string ?? scope.key))
            } else if workflow.jobs.count > 1 {
                findings.append(Finding("\(scope.key.text): write at the workflow level reaches all \(workflow.jobs.count) jobs: grant it only in the jobs that need it", at: scope.string ?? scope.key, severity: .warning))
            }
        }
        return findings
    }
}

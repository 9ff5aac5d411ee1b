import WorkflowModel

/// actions/checkout leaves the token in .git/config unless `persist-credentials: false`.
struct CredentialPersistenceRule: Rule {
    let description = RuleDescription(
        id: "credential-persistence",
        summary: "`actions/checkout` without `persist-credentials: false` in a job that uploads artifacts or runs untrusted code (a note in other jobs).",
        rationale: "Checkout writes the token into .git/config: an artifact of the work tree publishes it, and code from a pull request can read it.",
        triggering: [
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - ↓uses: actions/checkout@v4
                  - uses: actions/upload-artifact@v4
                    with: {name: site, path: .}
              test:
                runs-on: ubuntu-latest
                steps:
                  - ↓uses: actions/checkout@v4
                  - run: make test
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with: {persist-credentials: true}
                  - run: git push origin HEAD:release
            """),
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      persist-credentials: false
                  - uses: actions/upload-artifact@v4
                    with: {name: site, path: .}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        let untrusted = !SecurityFacts.eventNames(workflow).isDisjoint(with: ["pull_request_target", "workflow_run"])
        var findings: [Finding] = []
        for job in workflow.jobs {
            let uploads = job.steps.contains { step in
                step.action.map { $0.name == "actions/upload-artifact" || $0.name == "actions/upload-pages-artifact" } ?? false
            }
            for step in job.steps where SecurityFacts.isCheckout(step) {
                let persist = SecurityFacts.with(step, "persist-credentials")?.string
                guard persist?.text != "false", persist?.hasExpression != true else { continue }
                let at = step.node.pair("uses")?.key ?? step.node
                if uploads || untrusted {
                    findings.append(Finding("checkout keeps the token in .git/config and this job \(uploads ? "uploads artifacts" : "runs on an untrusted trigger"): add `with: { persist-credentials: false }`", at: at))
                } else if persist == nil {
                    findings.append(Finding("checkout keeps the token in .git/config for every later step of the job: add `with: { persist-credentials: false }` unless a later step pushes with it", at: at, severity: .note))
                }
            }
        }
        return findings
    }
}

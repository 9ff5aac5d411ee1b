import WorkflowModel

/// `secrets: inherit` passes every secret to the called workflow.
struct SecretsInheritRule: Rule {
    let description = RuleDescription(
        id: "secrets-inherit",
        summary: "`secrets: inherit` hands every secret of the repository to a reusable workflow.",
        rationale: "The called workflow gets secrets it does not need; name the ones it uses under `secrets:`.",
        severity: .warning,
        triggering: [
            Example("""
            on: push
            jobs:
              call:
                uses: ./.github/workflows/deploy.yml
                secrets: ↓inherit
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              call:
                uses: ./.github/workflows/deploy.yml
                secrets:
                  token: ${{ secrets.DEPLOY_TOKEN }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        workflow.jobs.compactMap { job in
            guard job.inheritsSecrets, let value = job.node["secrets"] else { return nil }
            return Finding("secrets: inherit passes every secret to \(job.uses?.text ?? "the called workflow"): list only the secrets it needs", at: value)
        }
    }
}

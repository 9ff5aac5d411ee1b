import WorkflowModel

/// Third-party actions and reusable workflows must be pinned to a full commit id.
struct UnpinnedActionRule: Rule {
    /// Owners whose actions may use a tag or branch: GitHub's own (`actions`, `github`) and its `dependabot`.
    static let trustedOwners: Set<String> = ["actions", "github", "dependabot"]

    let description = RuleDescription(
        id: "unpinned-action",
        summary: "Third-party `uses:` not pinned to a 40-hex commit id (GitHub-owned `actions/`, `github/`, `dependabot/` may use tags).",
        rationale: "A tag or branch can be moved by whoever controls the action's repository; a commit id cannot. Keep the version in a comment: `uses: owner/action@<sha> # v1.2.3`.",
        severity: .warning,
        triggering: [
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: ↓docker/login-action@v3
                  - uses: ↓docker://alpine:3.20
              call:
                uses: ↓octo/workflows/.github/workflows/ci.yml@main
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: docker/login-action@0d4c9c5ea7693da7b068278f7b52bda2a190a446
                  - uses: ./.github/actions/local
                  - uses: docker://alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        let uses = workflow.jobs.flatMap { job in [job.uses].compactMap { $0 } + job.steps.compactMap(\.uses) }
        return uses.compactMap { value in
            let text = value.text
            if text.hasPrefix("docker://") {
                return text.contains("@sha256:") ? nil : Finding("container image \(text.dropFirst(9)) is not pinned to a digest: use image@sha256:…", at: value)
            }
            guard let reference = SecurityFacts.actionReference(text) else { return nil }
            let owner = reference.name.split(separator: "/").first.map(String.init) ?? ""
            if Self.trustedOwners.contains(owner) { return nil }
            if reference.ref.count == 40, reference.ref.allSatisfy(\.isHexDigit) { return nil }
            return Finding("\(reference.name)@\(reference.ref) is not pinned to a commit: use the full 40-character commit id (keep the version in a comment)", at: value)
        }
    }
}

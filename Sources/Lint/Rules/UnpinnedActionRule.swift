import WorkflowModel

/// Actions and reusable workflows must be pinned to a full commit id, unless their owner is
/// allowed in `shipgate.yml` (`lint: { allow_unpinned: [actions, github] }`).
struct UnpinnedActionRule: Rule {
    let description = RuleDescription(
        id: "unpinned-action",
        summary: "`uses:` not pinned to a 40-hex commit id (owners or repositories listed in `lint.allow_unpinned` may use tags); container images not pinned to a digest.",
        rationale: "A tag or branch can be moved by whoever controls the action's repository; a commit id cannot. Keep the version in a comment: `uses: owner/action@<sha> # v1.2.3`. To let GitHub's own actions use tags, set `lint: { allow_unpinned: [actions, github] }` in shipgate.yml.",
        severity: .warning,
        triggering: [
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: ↓actions/checkout@v4
                  - uses: ↓docker/login-action@v3
                  - uses: ↓docker://alpine:3.20
              call:
                uses: ↓octo/workflows/.github/workflows/ci.yml@main
            """),
            Example("""
            name: local
            description: a composite action
            runs:
              using: composite
              steps:
                - uses: ↓actions/cache@v4
            """, path: "action.yml"),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - uses: docker/login-action@0d4c9c5ea7693da7b068278f7b52bda2a190a446
                  - uses: ./.github/actions/local
                  - uses: docker://alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        workflow.jobs.flatMap { job in
            (job.uses.flatMap { check($0, ActionReference($0.text), config: context.config) }.map { [$0] } ?? [])
                + check(job.steps, config: context.config)
        }
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        check(action.steps, config: context.config)
    }

    private func check(_ steps: [Step], config: LintConfig) -> [Finding] {
        steps.compactMap { step in step.uses.flatMap { check($0, step.action, config: config) } }
    }

    private func check(_ value: StringValue, _ reference: ActionReference?, config: LintConfig) -> Finding? {
        let text = value.text
        if text.hasPrefix("docker://") {
            // An empty image is the uses rule's finding, not a pinning problem.
            return text.contains("@sha256:") || text.count == "docker://".count || value.hasExpression ? nil : Finding("container image \(text.dropFirst(9)) is not pinned to a digest: use image@sha256:…", at: value)
        }
        guard let reference, !value.hasExpression else { return nil }
        if Self.isCommitID(reference.ref) { return nil }
        if config.allowsUnpinned(reference.name) { return nil }
        let owner = reference.name.split(separator: "/").first.map(String.init) ?? reference.name
        return Finding("\(reference.name)@\(reference.ref) is not pinned to a commit: use the full 40-character commit id (keep the version in a comment), or allow the owner with `lint: { allow_unpinned: [\(owner)] }` in shipgate.yml", at: value)
    }

    /// 40 hexadecimal digits (full-width ones count, as `Character.isHexDigit` says); ASCII
    /// text, almost always, is checked byte by byte.
    private static func isCommitID(_ ref: some StringProtocol) -> Bool {
        let utf8 = ref.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.count == 40 && utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
        }
        return ref.count == 40 && ref.allSatisfy(\.isHexDigit)
    }
}

import WorkflowModel

/// The form of `uses:`: `owner/repo@ref`, `owner/repo/path@ref`, `./local`, `docker://image` for
/// steps; a workflow file for jobs.
struct UsesRule: Rule {
    let description = RuleDescription(
        id: "uses",
        summary: "\"uses\" must be owner/repo[/path]@ref, ./local/path or docker://image for a step, and a workflow file for a job.",
        rationale: "GitHub cannot resolve a malformed reference and fails the run at its start; \"uses\" takes no expressions.",
        triggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              steps:
                - uses: ↓actions/checkout
                - uses: ↓docker://
                - uses: ↓actions/setup-node@${{ inputs.version }}
            call:
              uses: ↓octo/workflows/build.yml@v1
            """),
        ],
        nonTriggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              steps:
                - uses: actions/checkout@v4
                - uses: github/codeql-action/init@v3
                - uses: ./.github/actions/setup
                - uses: $/.github/actions/setup
                - uses: docker://alpine:3.20
            call:
              uses: octo/workflows/.github/workflows/build.yml@v1
            local:
              uses: ./.github/workflows/deploy.yml
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for job in workflow.jobs {
            if let uses = job.uses, let problem = Self.workflowProblem(uses.text) {
                findings.append(Finding(problem, at: uses))
            }
            findings += job.steps.compactMap { step in step.uses.flatMap { uses in Self.stepProblem(uses.text).map { Finding($0, at: uses) } } }
        }
        return findings
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        action.steps.compactMap { step in step.uses.flatMap { uses in Self.stepProblem(uses.text).map { Finding($0, at: uses) } } }
    }

    static func stepProblem(_ text: String) -> String? {
        if text.containsExpression { return "\"uses\" cannot contain an expression: GitHub resolves actions before the run starts" }
        if Self.isLocal(text) { return nil }
        if text.hasPrefix("docker://") {
            return text.count > "docker://".count ? nil : "\"docker://\" needs an image, e.g. docker://alpine:3.20"
        }
        if text.contains(".github/workflows/") { return "\"\(text)\" is a workflow: call it from a job's \"uses\", not a step's" }
        return remoteProblem(text, example: "actions/checkout@v4")
    }

    static func workflowProblem(_ text: String) -> String? {
        if text.containsExpression { return "\"uses\" cannot contain an expression: GitHub resolves workflows before the run starts" }
        let path = text.split(separator: "@", maxSplits: 1).first.map(String.init) ?? text
        guard path.hasSuffix(".yml") || path.hasSuffix(".yaml") else {
            return "a job's \"uses\" must name a workflow file (owner/repo/.github/workflows/x.yml@ref or ./.github/workflows/x.yml); to run an action, use a step"
        }
        if isLocal(text) {
            return text.dropFirst(2).hasPrefix(".github/workflows/") && !text.contains("@") ? nil : "a local workflow is ./.github/workflows/<file>.yml, without @ref"
        }
        guard path.split(separator: "/").dropFirst(2).starts(with: [".github", "workflows"]) else {
            return "a reusable workflow must live in .github/workflows: owner/repo/.github/workflows/x.yml@ref"
        }
        return remoteProblem(text, example: "owner/repo/.github/workflows/build.yml@v1")
    }

    /// `./path` (the checked-out work tree) or `$/path` (this repository at the running commit).
    static func isLocal(_ text: String) -> Bool {
        text.hasPrefix("./") || text.hasPrefix("$/") || text == "."
    }

    private static func remoteProblem(_ text: String, example: String) -> String? {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else {
            return "\"\(text)\" needs a version after \"@\" (a tag, branch or commit), e.g. \(example)"
        }
        let path = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        guard path.count >= 2, path.allSatisfy({ !$0.isEmpty }), !text.contains(" ") else {
            return "\"\(text)\" is not owner/repo[/path]@ref, e.g. \(example)"
        }
        return nil
    }
}

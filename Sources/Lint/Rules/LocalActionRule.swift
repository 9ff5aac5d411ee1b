import WorkflowModel

/// `uses: ./path` steps: the action exists in the repository and `with:` matches its inputs.
struct LocalActionRule: Rule {
    let description = RuleDescription(
        id: "local-action",
        summary: "A \"./local\" action must exist (action.yml or action.yaml) and \"with\" must match its inputs.",
        rationale: "A missing local action or an unknown or missing required input fails the step only when the job runs.",
        triggering: [
            Example.steps("""
            - uses: actions/checkout@v4
            - uses: ↓./.github/actions/missing
            - ↓uses: ./.github/actions/setup
              with:
                ↓versoin: 22
            """, files: [".github/actions/setup/action.yml": """
            name: Setup
            description: Install the toolchain
            inputs:
              version: { description: Node version, required: true }
              token: { description: Token, required: true }
            runs:
              using: composite
              steps: [{run: echo, shell: bash}]
            """]),
        ],
        nonTriggering: [
            Example.steps("""
            - uses: actions/checkout@v4
            - uses: ./.github/actions/setup
              with:
                Version: 22
            """, files: [".github/actions/setup/action.yaml": """
            name: Setup
            description: Install the toolchain
            inputs:
              version: { description: Node version, required: true }
              cache: { description: Cache, required: true, default: npm }
            runs:
              using: composite
              steps: [{run: echo, shell: bash}]
            """]),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        guard context.knowsRepository else { return [] }
        return workflow.jobs.flatMap { $0.steps.flatMap { check($0, context: context) } }
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        guard context.knowsRepository else { return [] }
        return action.steps.flatMap { check($0, context: context) }
    }

    private func check(_ step: Step, context: LintContext) -> [Finding] {
        guard let uses = step.uses, uses.text.hasPrefix("./"), !uses.hasExpression else { return [] }
        guard let action = context.localAction(uses.text) else {
            return [Finding("no action.yml or action.yaml in \(uses.text): check the path (it is relative to the repository root)", at: uses)]
        }
        if action.using?.text == "docker" || action.root["inputs"] == nil && step.with.isEmpty { return [] }
        let inputs = action.inputs.map(\.id.text)
        let given = Set(step.with.map { $0.key.text.lowercased() })
        var findings: [Finding] = []
        for argument in step.with where !inputs.contains(where: { $0.lowercased() == argument.key.text.lowercased() }) {
            findings.append(Finding("action \(uses.text) has no input \"\(argument.key.text)\"\(Suggestion.hint(for: argument.key.text, in: inputs))\(inputs.isEmpty ? "; it takes no inputs" : "; inputs: \(inputs.joined(separator: ", "))")", at: argument.key))
        }
        let missing = action.inputs.filter { $0.required && $0.defaultValue == nil && !given.contains($0.id.text.lowercased()) }.map(\.id.text)
        if !missing.isEmpty, let key = step.node.pair("uses")?.key {
            findings.append(Finding("action \(uses.text) requires input\(missing.count == 1 ? "" : "s") \(missing.map { "\"\($0)\"" }.joined(separator: ", ")): add \(missing.count == 1 ? "it" : "them") under \"with\"", at: key))
        }
        return findings
    }
}

import WorkflowModel

/// Jobs calling a local reusable workflow: the file exists, triggers on `workflow_call`, and the
/// job's `with`/`secrets` match its inputs and secrets.
struct ReusableWorkflowRule: Rule {
    let description = RuleDescription(
        id: "reusable-workflow",
        summary: "A call of a ./.github/workflows file must match its workflow_call inputs and secrets.",
        rationale: "Unknown or missing required inputs and secrets make the calling workflow fail when it starts.",
        triggering: [
            Example.jobs("""
            deploy:
              ↓↓uses: ./.github/workflows/deploy.yml
              with:
                ↓enviroment: prod
              secrets:
                ↓tokn: ${{ secrets.TOKEN }}
            missing:
              uses: ↓./.github/workflows/gone.yml
            """, files: [".github/workflows/deploy.yml": """
            on:
              workflow_call:
                inputs:
                  environment: { type: string, required: true }
                secrets:
                  token: { required: true }
            jobs:
              go:
                runs-on: ubuntu-latest
                steps: [{run: make deploy}]
            """]),
        ],
        nonTriggering: [
            Example.jobs("""
            deploy:
              uses: ./.github/workflows/deploy.yml
              with:
                environment: prod
              secrets: inherit
            """, files: [".github/workflows/deploy.yml": """
            on:
              workflow_call:
                inputs:
                  environment: { type: string, required: true }
                  dry-run: { type: boolean, required: true, default: false }
                secrets:
                  token: { required: true }
            jobs:
              go:
                runs-on: ubuntu-latest
                steps: [{run: make deploy}]
            """]),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        guard context.knowsRepository else { return [] }
        var findings: [Finding] = []
        for job in workflow.jobs {
            guard let uses = job.uses, uses.text.hasPrefix("./"), !uses.hasExpression else { continue }
            guard let called = context.localWorkflow(uses.text) else {
                findings.append(Finding("no workflow at \(uses.text): check the path (it is relative to the repository root)", at: uses))
                continue
            }
            guard let call = called.events.first(where: { $0.name.text == "workflow_call" }) else {
                findings.append(Finding("\(uses.text) cannot be called: it has no \"workflow_call\" trigger", at: uses))
                continue
            }
            let key = job.node.pair("uses")?.key ?? job.node
            findings += match(given: job.with, declared: call.inputs.map { ($0.id.text, $0.required == true && $0.defaultValue == nil) },
                              what: "input", target: uses.text, at: key)
            if !job.inheritsSecrets {
                findings += match(given: job.secrets, declared: call.secrets.map { ($0.id.text, $0.required == true) },
                                  what: "secret", target: uses.text, at: key)
            }
        }
        return findings
    }

    private func match(given: [KeyValue], declared: [(name: String, required: Bool)], what: String, target: String, at key: YAMLNode) -> [Finding] {
        let names = declared.map(\.name)
        var findings: [Finding] = []
        for argument in given where !names.contains(where: { $0.lowercased() == argument.key.text.lowercased() }) {
            findings.append(Finding("\(target) has no \(what) \"\(argument.key.text)\"\(Suggestion.hint(for: argument.key.text, in: names))\(names.isEmpty ? "" : "; \(what)s: \(names.joined(separator: ", "))")", at: argument.key))
        }
        let passed = Set(given.map { $0.key.text.lowercased() })
        let missing = declared.filter { $0.required && !passed.contains($0.name.lowercased()) }.map(\.name)
        if !missing.isEmpty {
            findings.append(Finding("\(target) requires \(what)\(missing.count == 1 ? "" : "s") \(missing.map { "\"\($0)\"" }.joined(separator: ", ")): pass \(missing.count == 1 ? "it" : "them") under \"\(what == "input" ? "with" : "secrets")\"", at: key))
        }
        return findings
    }
}

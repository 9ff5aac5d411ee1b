import WorkflowModel

/// `with:` of popular actions: misspelt keys, missing required inputs, deprecated inputs.
struct ActionInputsRule: Rule {
    let description = RuleDescription(
        id: "action-inputs",
        summary: "`with:` of popular actions: misspelt input names, missing required inputs, deprecated inputs.",
        rationale: "Actions ignore unknown inputs with only a warning in the log, so a misspelt key silently does nothing.",
        triggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - ↓uses: actions/cache@v4
                    with:
                      ↓paths: ~/.npm
                  - uses: actions/setup-python@v5
                    with:
                      ↓python-versions: '3.12'
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/cache@v4
                    with:
                      path: ~/.npm
                      key: npm-${{ hashFiles('package-lock.json') }}
                  - uses: actions/setup-python@v5
                    with:
                      python-version: '3.12'
                      brand-new-input: yes
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for step in workflow.jobs.flatMap(\.steps) {
            guard let action = step.popularAction else { continue }
            for entry in step.with {
                if let input = action.inputs[entry.key.text] {
                    if input.deprecated { findings.append(Finding("input \"\(entry.key.text)\" of \(action.name) is deprecated", at: entry.key, severity: .warning)) }
                } else if action.isCurrent, let close = Suggestion.closest(to: entry.key.text, in: action.inputs.keys.sorted()) {
                    findings.append(Finding("\(action.name) has no input \"\(entry.key.text)\" (did you mean \"\(close)\"?)", at: entry.key))
                }
            }
            guard action.isCurrent, step.node["with"]?.scalar == nil else { continue }
            let missing = action.inputs.compactMap { name, input in
                input.required && !input.hasDefault && !step.with.contains { $0.key.text == name } ? name : nil
            }.sorted()
            if !missing.isEmpty {
                findings.append(Finding("\(action.name) requires input\(missing.count == 1 ? "" : "s") \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) under with:", at: step.node.pair("uses")?.key ?? step.node))
            }
        }
        return findings
    }
}

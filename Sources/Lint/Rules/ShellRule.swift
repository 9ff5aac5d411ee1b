import WorkflowModel

/// `shell:` names a shell GitHub knows (or a custom `command {0}`) that exists on the runner.
struct ShellRule: Rule {
    let description = RuleDescription(
        id: "shell",
        summary: "\"shell\" must be bash, pwsh, python, sh, cmd, powershell or a command with {0}, available on the runner's OS.",
        rationale: "An unknown shell fails the step at run time; cmd and powershell exist only on Windows runners.",
        triggering: [
            Example.steps("""
            - run: make
              shell: ↓bsh
            - run: dir
              shell: ↓powershell
            """),
            Example("""
            name: Setup
            description: Set things up
            runs:
              using: composite
              steps:
                - ↓run: make
            """, path: "action.yml"),
        ],
        nonTriggering: [
            Example("""
            on: push
            defaults:
              run:
                shell: bash
            jobs:
              build:
                runs-on: windows-latest
                steps:
                  - run: dir
                    shell: cmd
                  - run: print(1)
                    shell: python
                  - run: ./script
                    shell: perl {0}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings = workflow.defaults?.shell.flatMap { problem($0, system: nil) }.map { [$0] } ?? []
        for job in workflow.jobs {
            let systems = Set(job.runsOn?.labels.filter { !$0.hasExpression }.compactMap { Runners.system(of: $0.text) } ?? [])
            let system = systems.count == 1 && job.runsOn?.labels.allSatisfy({ !$0.hasExpression }) == true ? systems.first : nil
            if let shell = job.defaults?.shell, let finding = problem(shell, system: system) { findings.append(finding) }
            findings += job.steps.compactMap { step in step.shell.flatMap { problem($0, system: system) } }
        }
        return findings
    }

    func check(_ action: ActionMetadata, context: LintContext) -> [Finding] {
        guard action.using?.text == "composite" else { return [] }
        return action.steps.compactMap { step in
            if let shell = step.shell { return problem(shell, system: nil) }
            guard step.run != nil, let key = step.node.pair("run")?.key else { return nil }
            return Finding("a \"run\" step of a composite action needs \"shell\" (e.g. shell: bash)", at: key)
        }
    }

    private func problem(_ shell: StringValue, system: String?) -> Finding? {
        let name = shell.text.lowercased()
        if shell.hasExpression || shell.text.contains("{0}") { return nil }
        if !Shells.all.contains(name) {
            return Finding("unknown shell \"\(shell.text)\"\(Suggestion.hint(for: name, in: Shells.all)); use one of \(Shells.all.joined(separator: ", ")) or a command with {0}", at: shell)
        }
        if Shells.windowsOnly.contains(name), let system, system != "windows" {
            return Finding("shell \"\(shell.text)\" exists only on Windows, but the job runs on \(system == "macos" ? "macOS" : "Linux"): use pwsh or bash", at: shell)
        }
        return nil
    }
}

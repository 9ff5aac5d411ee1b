import WorkflowModel

/// `matrix.X` must be a key of the job's matrix (axes and include-only keys).
struct ExpressionMatrixRule: Rule {
    let description = RuleDescription(
        id: "expression-matrix",
        summary: "`matrix.<key>` only for keys of the job's matrix, including keys that only `include` adds, and only properties its object values have.",
        rationale: "An unknown matrix key evaluates to an empty string: the job runs with the wrong settings.",
        triggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ${{ matrix.↓platform }}
                strategy:
                  matrix:
                    os: [ubuntu-latest]
                    include:
                      - os: ubuntu-latest
                        experimental: true
                steps:
                  - run: echo ${{ matrix.↓experimantal }}
            """),
            Example("""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    compiler:
                      - {cc: gcc, package: gcc-13}
                      - {cc: clang}
                steps:
                  - run: echo ${{ matrix.compiler.cc }} ${{ matrix.compiler.↓packages }}
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            jobs:
              test:
                runs-on: ${{ matrix.os }}
                strategy:
                  matrix:
                    os: [ubuntu-latest]
                    include:
                      - os: ubuntu-latest
                        experimental: true
                steps:
                  - run: echo ${{ matrix.experimental }}
              dynamic:
                runs-on: ubuntu-latest
                strategy:
                  matrix: ${{ fromJSON(vars.MATRIX) }}
                steps:
                  - run: echo ${{ matrix.anything }}
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        ExpressionAnalysis.of(workflow, context: context).findings([.matrix])
    }
}

import WorkflowModel

/// YAML syntax problems. The linter reports them itself when a file does not parse; this rule
/// documents them and gives them an id.
struct SyntaxRule: Rule {
    let description = RuleDescription(
        id: YAMLDocument.syntaxRuleID,
        summary: "The file must be valid YAML with a mapping at the top, no repeated keys and no NUL bytes.",
        rationale: "GitHub refuses a workflow that does not parse and shows the error only on the Actions tab, after the push.",
        triggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              steps:
                - run: echo one
            ↓build:
              runs-on: ubuntu-latest
            """),
            Example("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: "echo unclosed
            ↓
            """),
            Example("""
            ↓- on: push
            """),
        ],
        nonTriggering: [
            Example.steps("""
            - run: echo ok
            """),
        ]
    )
}

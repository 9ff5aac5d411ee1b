import WorkflowModel

/// Passwords and tokens written into the workflow instead of coming from `secrets`.
struct HardcodedCredentialsRule: Rule {
    static let tokenPrefixes = ["ghp_", "gho_", "ghs_", "ghu_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "AKIA", "sk_live_", "npm_"]
    static let secretNames = ["PASSWORD", "PASSWD", "TOKEN", "SECRET", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY"]

    let description = RuleDescription(
        id: "hardcoded-credentials",
        summary: "Container and service `password:` literals, and tokens or passwords written into `env:`.",
        rationale: "Anything in the workflow file is readable by everyone who can read the repository; use `${{ secrets.NAME }}`.",
        triggering: [
            Example("""
            on: push
            env:
              API_TOKEN: ↓ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            jobs:
              test:
                runs-on: ubuntu-latest
                container:
                  image: registry.example.com/app
                  credentials:
                    username: bot
                    password: ↓hunter2hunter2
                steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example("""
            on: push
            env:
              API_TOKEN: ${{ secrets.API_TOKEN }}
              TOKEN_FILE: token.txt
            jobs:
              test:
                runs-on: ubuntu-latest
                services:
                  db:
                    image: postgres
                    env:
                      POSTGRES_PASSWORD: postgres
                steps: [{run: make}]
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for job in workflow.jobs {
            for container in [job.container].compactMap({ $0 }) + job.services.map(\.value) {
                if let password = container["credentials"]?["password"], let value = StringValue(password, source: workflow.source),
                   !value.hasExpression, !value.text.isEmpty {
                    findings.append(Finding("a registry password is written in the workflow: use ${{ secrets.NAME }}", at: value))
                }
            }
        }
        let envs = workflow.env + workflow.jobs.flatMap { $0.env + $0.steps.flatMap(\.env) }
        for entry in envs {
            guard let value = entry.string, !value.hasExpression else { continue }
            if Self.tokenPrefixes.contains(where: { value.text.hasPrefix($0) }) && value.text.count >= 20 {
                findings.append(Finding("\(entry.key.text) holds what looks like a real token: revoke it and use ${{ secrets.NAME }}", at: value))
            }
        }
        return findings
    }
}

import WorkflowModel

/// A job's `environment:` names an environment that has a manifest in `environments/`.
struct EnvironmentNameRule: Rule {
    let description = RuleDescription(
        id: "environment-name",
        summary: "A job's \"environment\" must name an environment with a manifest in environments/.",
        rationale: "A misspelt environment silently creates a new GitHub Environment without reviewers or secrets, and shipgate's gates never see it.",
        triggering: [
            Example.jobs("""
            deploy:
              runs-on: ubuntu-latest
              environment: ↓prodution
              steps:
                - run: ./deploy.sh
            """, files: ["environments/staging.yml": "branch: main\n", "environments/production.yml": "promotes_from: staging\n"]),
            Example.jobs("""
            deploy:
              runs-on: ubuntu-latest
              environment:
                name: ↓qa
                url: https://qa.example.com
              steps:
                - run: ./deploy.sh
            """, files: ["environments/staging.yml": "branch: main\n"]),
        ],
        nonTriggering: [
            Example.jobs("""
            deploy:
              runs-on: ubuntu-latest
              environment: staging
              steps:
                - run: ./deploy.sh
            """, files: ["environments/staging.yml": "branch: main\n"]),
            Example.jobs("""
            deploy:
              runs-on: ubuntu-latest
              environment: ${{ inputs.target }}
              steps:
                - run: ./deploy.sh
            """, files: ["environments/staging.yml": "branch: main\n"]),
            Example.jobs("""
            deploy:
              runs-on: ubuntu-latest
              environment: anything
              steps:
                - run: ./deploy.sh
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        let manifests = EnvironmentManifest.all(context)
        guard !manifests.isEmpty else { return [] }
        let names = manifests.keys.sorted()
        return workflow.jobs.compactMap { job in
            guard let name = job.environment?.name, !name.text.containsExpression, manifests[name.text] == nil else { return nil }
            return Finding("environment \"\(name.text)\" has no manifest \(EnvironmentManifest.directory)/\(name.text).yml\(Suggestion.hint(for: name.text, in: names)): environments are \(names.joined(separator: ", "))", at: name)
        }
    }
}

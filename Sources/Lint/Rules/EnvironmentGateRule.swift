import WorkflowModel

/// A job deploying to an environment that promotes from another must run the gates, or need a job that does.
struct EnvironmentGateRule: Rule {
    let description = RuleDescription(
        id: "environment-gate",
        summary: "A job using an environment with promotes_from must run `shipgate promote` (or the integration suites) or need a job that does.",
        rationale: "Deploying to staging or production straight from a push skips every gate of the manifest: soak, approvals, suites, freeze windows.",
        triggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              steps:
                - run: make
            deploy:
              needs: [build]
              runs-on: ubuntu-latest
              environment: ↓production
              steps:
                - run: ./deploy.sh
            """, files: ["environments/staging.yml": "branch: main\n", "environments/production.yml": "promotes_from: staging\n"]),
        ],
        nonTriggering: [
            Example.jobs("""
            gate:
              runs-on: ubuntu-latest
              steps:
                - run: shipgate promote --to production --build "$BUILD"
            deploy:
              needs: [gate]
              runs-on: ubuntu-latest
              environment: production
              steps:
                - run: ./deploy.sh
            """, files: ["environments/staging.yml": "branch: main\n", "environments/production.yml": "promotes_from: staging\n"]),
            Example.jobs("""
            production:
              runs-on: ubuntu-latest
              environment: production
              steps:
                - uses: ./
                  with:
                    command: promote
                    args: --to production
                - run: ./deploy.sh
            """, files: ["environments/staging.yml": "branch: main\n", "environments/production.yml": "promotes_from: staging\n"]),
            Example.jobs("""
            deploy:
              runs-on: ubuntu-latest
              environment: staging
              steps:
                - run: ./deploy.sh
            """, files: ["environments/staging.yml": "branch: main\n"]),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        let jobs = Dictionary(workflow.jobs.map { ($0.id.text, $0) }, uniquingKeysWith: { first, _ in first })
        return workflow.jobs.compactMap { job in
            guard let manifest = EnvironmentManifest.of(job, context), let source = manifest.promotesFrom,
                  let name = job.environment?.name else { return nil }
            var seen: Set<String> = []
            var queue = [job.id.text]
            while let next = queue.popLast() {
                guard seen.insert(next).inserted, let current = jobs[next] else { continue }
                if Self.runsGates(current) { return nil }
                queue += current.needs.map(\.text)
            }
            return Finding("job \"\(job.id.text)\" deploys to \(manifest.name), which promotes from \(source), but neither it nor a job it needs runs the gates: run `shipgate promote --to \(manifest.name)` first, or add needs: [<the job that does>]", at: name)
        }
    }

    /// A step runs `shipgate promote` or integration suites, directly or through the shipgate action.
    static func runsGates(_ job: Job) -> Bool {
        job.steps.contains { step in
            if let run = step.run?.text {
                return run.contains("shipgate promote") || (run.contains("shipgate test") && run.contains("integration"))
            }
            guard let uses = step.uses?.text, uses == "./" || uses.contains("shipgate") else { return false }
            let command = step.with.first { $0.key.text == "command" }?.string?.text
            let args = step.with.first { $0.key.text == "args" }?.string?.text ?? ""
            return command == "promote" || (command == "test" && args.contains("integration"))
        }
    }
}

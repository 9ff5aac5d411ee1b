import WorkflowModel

/// `needs:` must name other jobs of the workflow, once each, without cycles.
struct NeedsRule: Rule {
    let description = RuleDescription(
        id: "needs",
        summary: "\"needs\" must name existing jobs, not the job itself, each once, with no cycle.",
        rationale: "A job that needs an unknown job or sits in a cycle makes GitHub reject the whole workflow.",
        triggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              needs: [↓biuld, ↓build]
              steps: [{run: make}]
            test:
              runs-on: ubuntu-latest
              needs: [deploy, ↓deploy]
              steps: [{run: make test}]
            deploy:
              runs-on: ubuntu-latest
              needs: ↓test
              steps: [{run: make deploy}]
            """),
        ],
        nonTriggering: [
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              steps: [{run: make}]
            deploy:
              needs: [build]
              runs-on: ubuntu-latest
              steps: [{run: make deploy}]
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        let ids = workflow.jobs.map(\.id.text)
        let known = Set(ids)
        var findings: [Finding] = []
        var edges: [String: [StringValue]] = [:]
        for job in workflow.jobs {
            var seen: Set<String> = []
            for need in job.needs {
                if need.text == job.id.text {
                    findings.append(Finding("job \"\(job.id.text)\" needs itself: remove it from \"needs\"", at: need))
                } else if !known.contains(need.text) {
                    findings.append(Finding("job \"\(job.id.text)\" needs unknown job \"\(need.text)\"\(Suggestion.hint(for: need.text, in: ids)); jobs are: \(ids.joined(separator: ", "))", at: need))
                } else if !seen.insert(need.text).inserted {
                    findings.append(Finding("job \"\(need.text)\" is listed twice in \"needs\": remove one", at: need))
                } else {
                    edges[job.id.text, default: []].append(need)
                }
            }
        }
        findings += cycles(edges: edges, order: ids)
        return findings
    }

    /// One finding per cycle, at the need that closes it (depth-first search, linear time).
    private func cycles(edges: [String: [StringValue]], order: [String]) -> [Finding] {
        var state: [String: Int] = [:]   // 1 visiting, 2 done
        var path: [String] = []
        var findings: [Finding] = []
        func visit(_ job: String) {
            state[job] = 1
            path.append(job)
            for need in edges[job] ?? [] {
                switch state[need.text] {
                case 1:
                    let cycle = path.drop { $0 != need.text } + [need.text]
                    findings.append(Finding("jobs form a cycle through \"needs\": \(cycle.joined(separator: " -> ")); remove one of these needs", at: need))
                case nil: visit(need.text)
                default: break
                }
            }
            path.removeLast()
            state[job] = 2
        }
        for job in order where state[job] == nil { visit(job) }
        return findings
    }
}

import WorkflowModel

/// A job that uses an environment references only the secrets its manifest lists (and `GITHUB_TOKEN`).
struct EnvironmentSecretsRule: Rule {
    let description = RuleDescription(
        id: "environment-secrets",
        summary: "A job using an environment may reference only the secrets its manifest lists, plus GITHUB_TOKEN.",
        rationale: "The manifest's secrets: list is the reviewed inventory of what a deployment may read; a secret outside it is either a typo or a credential nobody approved for that environment.",
        triggering: [
            Example.jobs("""
            deploy:
              runs-on: ubuntu-latest
              environment: production
              steps:
                - run: ./deploy.sh
                  env:
                    DB_PASSWORD: ${{ secrets.DB_PASSWORD }}
                    TOKEN: ↓${{ secrets.ADMIN_TOKEN }}
            """, files: ["environments/production.yml": "branch: main\nsecrets: [DB_PASSWORD]\n"]),
        ],
        nonTriggering: [
            Example.jobs("""
            deploy:
              runs-on: ubuntu-latest
              environment: production
              steps:
                - run: ./deploy.sh
                  env:
                    DB_PASSWORD: ${{ secrets.DB_PASSWORD }}
                    GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
            """, files: ["environments/production.yml": "branch: main\nsecrets: [DB_PASSWORD]\n"]),
            Example.jobs("""
            build:
              runs-on: ubuntu-latest
              steps:
                - run: make
                  env:
                    NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
            """, files: ["environments/production.yml": "branch: main\nsecrets: [DB_PASSWORD]\n"]),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        workflow.jobs.flatMap { job -> [Finding] in
            guard let manifest = EnvironmentManifest.of(job, context), let allowed = manifest.secrets else { return [] }
            var findings: [Finding] = []
            visitScalars(job.node) { node, text in
                for name in Self.secretNames(in: text) where name != "GITHUB_TOKEN" && !allowed.contains(name) {
                    let listed = allowed.isEmpty ? "it lists none" : "it lists \(allowed.joined(separator: ", "))"
                    findings.append(Finding("secret \(name) is not in the secrets: of \(manifest.path) (\(listed)): add it there or use another secret", at: node))
                }
            }
            return findings
        }
    }

    /// Names after `secrets.` (or inside `secrets['…']`) in the expressions of `text`.
    static func secretNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${{") {
            let body = rest[open.upperBound...]
            let close = body.range(of: "}}")?.lowerBound ?? body.endIndex
            var expression = body[..<close]
            while let range = expression.range(of: "secrets") {
                let before = expression[..<range.lowerBound].last
                var after = expression[range.upperBound...]
                expression = after
                guard before.map({ !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "." }) ?? true else { continue }
                if after.hasPrefix(".") {
                    after = after.dropFirst()
                } else if after.hasPrefix("['") || after.hasPrefix("[\"") {
                    after = after.dropFirst(2)
                } else {
                    continue
                }
                let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                if !name.isEmpty { names.append(String(name).uppercased()) }
            }
            rest = body[close...]
        }
        return names
    }

    func visitScalars(_ node: YAMLNode, _ body: (YAMLNode, String) -> Void) {
        switch node.value {
        case .scalar(let text, _): body(node, text)
        case .sequence(let items): items.forEach { visitScalars($0, body) }
        case .mapping(let pairs): pairs.forEach { visitScalars($0.value, body) }
        }
    }
}

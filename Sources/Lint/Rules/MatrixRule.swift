import WorkflowModel

/// `strategy`: a matrix with values, exclusions naming real axes and values, no duplicate rows,
/// and a positive `max-parallel`.
struct MatrixRule: Rule {
    let description = RuleDescription(
        id: "matrix",
        summary: "A matrix needs values; \"exclude\" must name its axes and values; rows must not repeat; \"max-parallel\" must be positive.",
        rationale: "An exclusion naming a missing axis or value excludes nothing, and duplicate rows run the same job twice.",
        triggering: [
            Example.jobs("""
            test:
              runs-on: ${{ matrix.os }}
              strategy:
                max-parallel: ↓0
                matrix:
                  os: [ubuntu-latest, windows-latest, ↓ubuntu-latest]
                  node: ↓[]
                  exclude:
                    - ↓platform: windows-latest
                    - os: ↓macos-latest
              steps: [{run: npm test}]
            empty:
              runs-on: ubuntu-latest
              strategy:
                matrix: ↓{}
              steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example.jobs("""
            test:
              runs-on: ${{ matrix.os }}
              strategy:
                matrix:
                  os: [ubuntu-latest, windows-latest]
                  node: [20, 22]
                  include:
                    - os: ubuntu-latest
                      experimental: true
                  exclude:
                    - os: windows-latest
                      node: 20
              steps: [{run: npm test}]
            dynamic:
              runs-on: ubuntu-latest
              strategy:
                matrix:
                  include: ${{ fromJSON(needs.plan.outputs.rows) }}
              steps: [{run: make}]
            """),
        ]
    )

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for job in workflow.jobs {
            guard let strategy = job.strategy else { continue }
            if let maxParallel = strategy.maxParallel, let value = maxParallel.number, value < 1 {
                findings.append(Finding("\"max-parallel\" must be at least 1, found \(maxParallel.scalar ?? "")", at: maxParallel))
            }
            guard let matrix = strategy.matrix, matrix.expression == nil, matrix.node.pairs != nil else { continue }
            if matrix.axes.isEmpty && (matrix.include == nil || matrix.include?.items?.isEmpty == true) {
                findings.append(Finding("the matrix of job \"\(job.id.text)\" is empty: add an axis such as os: [ubuntu-latest]", at: matrix.node))
                continue
            }
            for axis in matrix.axes {
                guard let values = axis.value.items else { continue }
                if values.isEmpty {
                    findings.append(Finding("matrix axis \"\(axis.key.text)\" has no values: the job would never run", at: axis.value))
                }
                findings += duplicates(values, what: "value in matrix axis \"\(axis.key.text)\"")
            }
            findings += exclusions(matrix)
        }
        return findings
    }

    private func exclusions(_ matrix: Matrix) -> [Finding] {
        guard let rows = matrix.exclude?.items else { return [] }
        let axes = Dictionary(matrix.axes.map { ($0.key.text, $0.value) }, uniquingKeysWith: { first, _ in first })
        let includeKeys = Set((matrix.include?.items ?? []).flatMap { $0.pairs?.map(\.name) ?? [] })
        var findings: [Finding] = []
        for row in rows {
            for pair in row.pairs ?? [] {
                guard let axis = axes[pair.name] else {
                    if !includeKeys.contains(pair.name) {
                        findings.append(Finding("\"exclude\" names \"\(pair.name)\", which is not a matrix axis\(Suggestion.hint(for: pair.name, in: axes.keys.sorted())); axes: \(axes.keys.sorted().joined(separator: ", "))", at: pair.key))
                    }
                    continue
                }
                guard let wanted = pair.value.scalar, !wanted.containsExpression, let values = axis.items,
                      values.allSatisfy({ $0.scalar != nil && $0.scalar?.containsExpression == false }) else { continue }
                let texts = values.compactMap(\.scalar)
                if !texts.contains(wanted) {
                    findings.append(Finding("\"exclude\" value \"\(wanted)\" is not in matrix axis \"\(pair.name)\"\(Suggestion.hint(for: wanted, in: texts)); values: \(texts.joined(separator: ", "))", at: pair.value))
                }
            }
        }
        return findings
    }

    private func duplicates(_ nodes: [YAMLNode], what: String) -> [Finding] {
        var seen: [String: SourcePosition] = [:]
        var findings: [Finding] = []
        for node in nodes {
            let key = Self.canonical(node)
            if let first = seen[key] {
                findings.append(Finding("duplicate \(what) (first at line \(first.line)): remove one", at: node))
            } else {
                seen[key] = node.position
            }
        }
        return findings
    }

    /// A text that is equal for equal values, whatever their layout.
    static func canonical(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, _): return "s:" + text
        case .sequence(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .mapping(let pairs): return "{" + pairs.map { $0.name + ":" + canonical($0.value) }.sorted().joined(separator: ",") + "}"
        }
    }
}

import WorkflowModel

/// How much of a value pasted into a script outsiders or run-time data may control.
enum Exposure: Equatable {
    /// A field anyone who opens an issue, a pull request or a comment writes (`template-injection`).
    case attackerControlled
    /// Not known to be safe: a string input, a step output, an environment variable set at run
    /// time, a matrix value built from an expression, most event fields (`script-expansion`).
    case unchecked(reason: String, severity: Severity)
    /// Numbers, booleans, commit ids, runner paths, secrets, choices, static values.
    case safe
}

/// One value that flows into the text of a script sink (`run:`, github-script `script:`).
struct ScriptExpansion {
    /// The context as written, e.g. `github.event.issue.title`.
    let text: String
    let position: SourcePosition
    let exposure: Exposure
}

/// Every context whose value is pasted into a script, classified once per file and shared by
/// `template-injection` and `script-expansion`.
///
/// Only values that reach the expansion count (the "data flow" of the expression): in
/// `${{ a == 'x' }}` the script receives a boolean, in `${{ a && b }}` only `b` can arrive, in
/// `${{ a || b }}` either; `format`, `join` and `toJSON` pass their arguments through.
enum ScriptExpansions {
    /// Action inputs that run as code (`owner/repo` lowercased → input names).
    static let sinks: [String: Set<String>] = [
        "actions/github-script": ["script"],
        "amadevus/pwsh-script": ["script"],
        "jannekem/run-python-script-action": ["script"],
        "cardinalby/js-eval-action": ["expression"],
    ]

    static func of(_ workflow: Workflow, context: LintContext) -> [ScriptExpansion] {
        context.memo.value(for: "script-expansions") { compute(workflow, context: context) }
    }

    private static func compute(_ workflow: Workflow, context: LintContext) -> [ScriptExpansion] {
        // Script position → indexes of its job and step (indexes: no copies of the big values).
        var scripts: [SourcePosition: (job: Int, step: Int)] = [:]
        for (jobIndex, job) in workflow.jobs.enumerated() {
            for (stepIndex, step) in job.steps.enumerated() {
                if let run = step.run { scripts[run.position] = (jobIndex, stepIndex) }
                guard let uses = step.action,
                      let inputs = sinks[uses.name] else { continue }
                for entry in step.with where inputs.contains(entry.key.text) {
                    if let script = entry.string { scripts[script.position] = (jobIndex, stepIndex) }
                }
            }
        }
        guard !scripts.isEmpty else { return [] }
        let classifier = Classifier(workflow: workflow)
        var result: [ScriptExpansion] = []
        for checked in ExpressionAnalysis.of(workflow, context: context).expressions {
            guard let owner = scripts[checked.value.position], let expression = checked.expression else { continue }
            let job = workflow.jobs[owner.job]
            for value in expression.flowingValues {
                result.append(ScriptExpansion(text: value.description, position: checked.position(value.start),
                                              exposure: classifier.exposure(of: value, job: job, step: job.steps[owner.step])))
            }
        }
        return result
    }
}

extension Expr {
    /// The sub-expressions whose value can end up in this expression's value.
    var flowingValues: [Expr] {
        switch kind {
        case .variable, .property, .index, .filter: return [self]
        case .call(let name, let arguments):
            switch name.lowercased() {
            case "format", "join", "tojson": return arguments.flatMap(\.flowingValues)
            default: return []
            }
        case .binary(.and, _, let right): return right.flowingValues
        case .binary(.or, let left, let right): return left.flowingValues + right.flowingValues
        default: return []
        }
    }

    /// `github.event.commits[0].message` as `["github", "event", "commits", "*", "message"]`
    /// (lowercased; number and computed indexes become `*`); nil when rooted at a function call.
    var contextPath: [String]? {
        switch kind {
        case .variable(let name): return [name.lowercased()]
        case .property(let receiver, let name): return receiver.contextPath.map { $0 + [name.lowercased()] }
        case .index(let receiver, let index):
            guard let path = receiver.contextPath else { return nil }
            if case .string(let name) = index.kind { return path + [name.lowercased()] }
            return path + ["*"]
        case .filter(let receiver): return receiver.contextPath.map { $0 + ["*"] }
        default: return nil
        }
    }
}

/// Decides the exposure of one context path in one step.
private struct Classifier {
    let workflow: Workflow
    /// Declared types of `inputs.<id>` (lowercased id → types over the triggers that declare it).
    let inputTypes: [String: Set<String>]

    init(workflow: Workflow) {
        self.workflow = workflow
        var types: [String: Set<String>] = [:]
        for event in workflow.events where event.name.text == "workflow_dispatch" || event.name.text == "workflow_call" {
            for input in event.inputs {
                types[input.id.text.lowercased(), default: []].insert(input.type?.text ?? "string")
            }
        }
        inputTypes = types
    }

    func exposure(of value: Expr, job: Job, step: Step) -> Exposure {
        guard let path = value.contextPath, let root = path.first else {
            return .unchecked(reason: "a computed value", severity: .note)
        }
        switch root {
        case "secrets", "job", "strategy": return .safe
        case "github": return github(path)
        case "inputs": return path.count == 2 ? input(path[1]) : .unchecked(reason: "the inputs", severity: .warning)
        case "env": return env(path, job: job, step: step)
        case "matrix": return matrix(path, job: job)
        case "steps", "needs":
            if path.count == 3, Self.resultProperties.contains(path[2]) { return .safe }
            return .unchecked(reason: root == "steps" ? "a step output" : "a job output", severity: .note)
        case "runner": return path.count == 2 && Self.safeRunnerProperties.contains(path[1]) ? .safe : .unchecked(reason: "a runner property", severity: .note)
        case "vars": return .unchecked(reason: "a configuration variable", severity: .note)
        default: return .unchecked(reason: "a context value", severity: .note)
        }
    }

    private func github(_ path: [String]) -> Exposure {
        if SecurityFacts.isUntrusted(path) { return .attackerControlled }
        let dotted = path.joined(separator: ".")
        if Self.safeGithubPaths.contains(dotted) { return .safe }
        if path.count == 4, path[1] == "event", path[2] == "inputs" { return input(path[3]) }
        if path.count > 2, path[1] == "event", let leaf = path.last, Self.isFixedEventField(leaf) { return .safe }
        return .unchecked(reason: path.count > 2 && path[1] == "event" ? "an event field" : "a github context value", severity: .warning)
    }

    /// Inputs whose every declaration is a boolean, a number or a choice cannot carry code.
    private func input(_ name: String) -> Exposure {
        guard let types = inputTypes[name], types.isSubset(of: ["boolean", "number", "choice"]) else {
            return .unchecked(reason: "a string input", severity: .warning)
        }
        return .safe
    }

    /// An `env.X` defined as a literal in the step, job or workflow is static; one built from an
    /// expression, or not defined (set through `$GITHUB_ENV` at run time), is not.
    private func env(_ path: [String], job: Job, step: Step) -> Exposure {
        let unchecked = Exposure.unchecked(reason: "an environment variable set from an expression or at run time", severity: .warning)
        guard path.count == 2 else { return unchecked }
        let name = path[1]
        if name != "ci", name.hasPrefix("github_") || name.hasPrefix("runner_") { return .safe }
        let scopes: [(node: YAMLNode?, entries: [KeyValue])] = [(step.node["env"], step.env), (job.node["env"], job.env), (workflow.root["env"], workflow.env)]
        for scope in scopes {
            if scope.node?.scalar != nil { return unchecked }
            guard let entry = scope.entries.first(where: { $0.key.text.lowercased() == name }) else { continue }
            return entry.value.containsExpression ? unchecked : .safe
        }
        return unchecked
    }

    /// A matrix value is static when no value that `matrix.<path>` can take contains `${{`.
    private func matrix(_ path: [String], job: Job) -> Exposure {
        guard let matrix = job.strategy?.matrix else { return .safe }
        let unchecked = Exposure.unchecked(reason: "a matrix value built from an expression", severity: .warning)
        if matrix.expression != nil || matrix.include?.scalar != nil { return unchecked }
        let keys = Array(path.dropFirst())
        guard let axis = keys.first else { return matrix.node.containsExpression ? unchecked : .safe }
        var roots: [YAMLNode] = matrix.axes.filter { $0.key.text.lowercased() == axis }.map(\.value)
        for row in matrix.include?.items ?? [] {
            if row.scalar != nil { return unchecked }
            roots += (row.pairs ?? []).filter { $0.name.lowercased() == axis }.map(\.value)
        }
        let rest = Array(keys.dropFirst())
        return roots.contains { $0.reaches(rest) } ? unchecked : .safe
    }

    static let resultProperties: Set<String> = ["result", "outcome", "conclusion"]
    static let safeRunnerProperties: Set<String> = ["os", "arch", "temp", "tool_cache", "debug", "environment"]
    /// `github` properties GitHub generates in a fixed shape: ids, numbers, commit ids, URLs of the server.
    static let safeGithubPaths: Set<String> = [
        "github.action_path", "github.api_url", "github.event_name", "github.graphql_url", "github.job",
        "github.repository", "github.repository_id", "github.repositoryurl", "github.repository_owner",
        "github.repository_owner_id", "github.retention_days", "github.run_attempt", "github.run_id",
        "github.run_number", "github.server_url", "github.sha", "github.token", "github.triggering_actor",
        "github.workflow_sha", "github.workspace", "github.event.after", "github.event.before",
        "github.event.merge_group.base_sha", "github.event.merge_group.head_sha",
    ]

    /// Event fields GitHub fills with numbers, booleans, commit ids, timestamps or fixed words.
    static func isFixedEventField(_ leaf: String) -> Bool {
        if fixedEventFields.contains(leaf) { return true }
        if leaf == "node_id" || leaf == "gravatar_id" { return false }
        return leaf.hasSuffix("_id") || leaf.hasSuffix("_count") || leaf.hasSuffix("_sha") || leaf.hasSuffix("_at")
    }

    static let fixedEventFields: Set<String> = [
        "id", "number", "sha", "action", "after", "before", "additions", "deletions", "changed_files", "commits",
        "comments", "review_comments", "size", "forks", "watchers", "open_issues", "run_attempt", "run_number",
        "draft", "merged", "locked", "private", "fork", "site_admin", "deleted", "forced", "created", "mergeable",
        "rebaseable", "maintainer_can_modify", "archived", "disabled", "prerelease", "is_template",
        "author_association", "state", "state_reason", "status", "conclusion", "type", "position", "line",
        "original_line", "original_position", "start_line", "original_start_line",
    ]
}

private extension YAMLNode {
    /// Whether a scalar containing `${{` lies under the values `keys` select (`*` and sequences
    /// select every element).
    func reaches(_ keys: [String]) -> Bool {
        switch value {
        case .scalar: return containsExpression
        case .sequence(let items): return items.contains { $0.reaches(keys) }
        case .mapping(let pairs):
            guard let key = keys.first else { return containsExpression }
            return pairs.contains { (key == "*" || $0.name.lowercased() == key) && $0.value.reaches(Array(keys.dropFirst())) }
        }
    }

    /// Whether any scalar of this subtree contains `${{`.
    var containsExpression: Bool {
        switch value {
        case .scalar(let text, _): return text.containsExpression
        case .sequence(let items): return items.contains { $0.containsExpression }
        case .mapping(let pairs): return pairs.contains { $0.value.containsExpression }
        }
    }
}

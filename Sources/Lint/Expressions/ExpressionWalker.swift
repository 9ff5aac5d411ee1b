import WorkflowModel

/// Visits every place of a workflow where GitHub evaluates expressions, with the contexts and
/// context types that hold there.
struct ExpressionWalker {
    let workflow: Workflow
    var checked: [CheckedExpression] = []
    var problems: [(category: ExpressionProblem.Category, finding: Finding)] = []
    var alwaysTrue: [StringValue] = []
    var constant: [(value: StringValue, expression: Expr)] = []
    private var types = ExpressionContexts.defaults

    init(workflow: Workflow) {
        self.workflow = workflow
    }

    mutating func walk() {
        types["inputs"] = inputsType()
        types["matrix"] = .strict([:])
        types["needs"] = .strict([:])
        types["steps"] = .strict([:])
        visit(workflow.runName, .runName)
        visit(workflow.concurrency?.node, .concurrency)
        for entry in workflow.env { visit(entry.value, .env) }
        for event in workflow.events where event.name.text == "workflow_call" {
            for input in event.inputs { visit(input.defaultValue, .workflowCallInputDefault) }
            types["jobs"] = .strict(Dictionary(workflow.jobs.map { ($0.id.text, ExpressionContexts.jobResult(outputs: outputs(of: $0))) }, uniquingKeysWith: { a, _ in a }))
            for output in event.outputs { visit(output.value["value"], .workflowCallOutputValue) }
        }
        for job in workflow.jobs { walk(job) }
    }

    private func inputsType() -> ExprType {
        var properties: [String: ExprType] = [:]
        for event in workflow.events where event.name.text == "workflow_dispatch" || event.name.text == "workflow_call" {
            for input in event.inputs {
                switch input.type?.text {
                case "boolean": properties[input.id.text] = properties[input.id.text].map { $0.merged(with: .bool) } ?? .bool
                case "number": properties[input.id.text] = properties[input.id.text].map { $0.merged(with: .number) } ?? .number
                default: properties[input.id.text] = properties[input.id.text].map { $0.merged(with: .string) } ?? .string
                }
            }
        }
        return .strict(properties)
    }

    private func outputs(of job: Job) -> [String]? {
        job.uses == nil ? job.outputs.map(\.key.text) : nil
    }

    private mutating func walk(_ job: Job) {
        var needs: [String: ExprType] = [:]
        for need in job.needs {
            needs[need.text] = ExpressionContexts.jobResult(outputs: workflow.job(need.text).flatMap(outputs(of:)))
        }
        types["needs"] = .strict(needs)
        types["matrix"] = matrixType(job.strategy?.matrix, hasStrategy: job.strategy != nil)
        types["steps"] = .strict([:])
        visit(job.condition, .jobIf)
        visit(job.strategy?.node, .jobStrategy)
        visit(job.name, .jobName)
        visit(job.runsOn?.node, .jobRunsOn)
        if let environment = job.environment {
            visit(environment.name, .jobEnvironment)
        }
        visit(job.concurrency?.node, .jobConcurrency)
        visit(job.timeoutMinutes, .jobTimeout)
        visit(job.continueOnError, .jobContinueOnError)
        for entry in job.env { visit(entry.value, .jobEnv) }
        visitContainer(job.container, site: .jobContainer, credentials: .jobContainerCredentials, env: .jobContainerEnv)
        for service in job.services {
            visitContainer(service.value, site: .jobServices, credentials: .jobServiceCredentials, env: .jobServiceEnv)
        }
        visit(job.defaults?.node["run"], .jobDefaultsRun)
        for entry in job.with { visit(entry.value, .jobWith) }
        for entry in job.secrets { visit(entry.value, .jobSecrets) }
        var steps: [String: ExprType] = [:]
        for step in job.steps {
            types["steps"] = .strict(steps)
            visit(step.condition, .stepIf)
            visit(step.name, .stepName)
            visit(step.run, .stepRun)
            visit(step.shell, .stepRun)
            visit(step.workingDirectory, .stepWorkingDirectory)
            visit(step.timeoutMinutes, .stepTimeout)
            visit(step.continueOnError, .stepContinueOnError)
            for entry in step.env { visit(entry.value, .stepEnv) }
            for entry in step.with { visit(entry.value, .stepWith) }
            if let id = step.id, !id.hasExpression {
                steps[id.text] = ExpressionContexts.step(outputs: knownOutputs(step))
            }
        }
        types["steps"] = .strict(steps)
        if let url = job.environment?.url { visit(url, .jobEnvironmentURL) }
        for entry in job.outputs { visit(entry.value, .jobOutputs) }
    }

    /// Outputs of a step whose action's current metadata is known; nil (any output) otherwise.
    private func knownOutputs(_ step: Step) -> [String]? {
        guard let action = step.popularAction, action.isCurrent, !action.scriptSetsOutputs else { return nil }
        return action.outputs
    }

    private func matrixType(_ matrix: Matrix?, hasStrategy: Bool) -> ExprType {
        guard let matrix else { return hasStrategy ? .loose() : .strict([:]) }
        if matrix.expression != nil { return .loose() }
        var keys: [String: ExprType] = [:]
        for axis in matrix.axes {
            if axis.key.hasExpression { return .loose() }
            keys[axis.key.text] = axis.value.items.map { Self.elementType(of: $0) } ?? .any
        }
        if let include = matrix.include {
            guard let rows = include.items else { return .loose() }
            for row in rows {
                guard let pairs = row.pairs else { return .loose() }
                for pair in pairs {
                    let type = Self.valueType(of: pair.value)
                    keys[pair.name] = keys[pair.name].map { $0.merged(with: type) } ?? type
                }
            }
        }
        return .strict(keys)
    }

    /// The type of a YAML value as the matrix context holds it; values with expressions are `any`.
    static func valueType(of node: YAMLNode) -> ExprType {
        switch node.value {
        case .scalar(let text, let style):
            if text.containsExpression { return .any }
            guard style == .plain else { return .string }
            if node.bool != nil { return .bool }
            if node.number != nil { return .number }
            return node.isNull ? .null : .string
        case .sequence(let items): return .array(elementType(of: items), filtered: false)
        case .mapping(let pairs):
            var properties: [String: ExprType] = [:]
            for pair in pairs { properties[pair.name] = valueType(of: pair.value) }
            return .strict(properties)
        }
    }

    private static func elementType(of items: [YAMLNode]) -> ExprType {
        var result: ExprType?
        for item in items {
            let type = valueType(of: item)
            result = result.map { $0.merged(with: type) } ?? type
        }
        return result ?? .any
    }

    private mutating func visitContainer(_ node: YAMLNode?, site: ExpressionSite, credentials: ExpressionSite, env: ExpressionSite) {
        guard let node else { return }
        guard let pairs = node.pairs else { return visit(node, site) }
        for pair in pairs {
            switch pair.name {
            case "credentials": visit(pair.value, credentials)
            case "env": visit(pair.value, env)
            default: visit(pair.value, site)
            }
        }
    }

    private mutating func visit(_ node: YAMLNode?, _ site: ExpressionSite) {
        guard let node else { return }
        switch node.value {
        case .scalar: if let value = StringValue(node, source: workflow.source) { visit(value, site) }
        case .mapping(let pairs): for pair in pairs { visit(pair.value, site) }
        case .sequence(let items): for item in items { visit(item, site) }
        }
    }

    private mutating func visit(_ value: StringValue?, _ site: ExpressionSite) {
        guard let value else { return }
        let text = value.text
        let embedded = EmbeddedExpressions.mayContain(text) ? EmbeddedExpressions.find(in: text) : []
        if site.isCondition {
            if embedded.isEmpty {
                if value.style == .plain, value.text.isEmpty { return }
                check(text, base: 0, value: value, site: site, interpolated: false, condition: true)
                return
            }
            let whole = embedded.count == 1 && isWhole(embedded[0], in: text)
            if !whole { alwaysTrue.append(value) }
            for found in embedded {
                check(found, value: value, site: site, interpolated: !whole, condition: whole)
            }
            return
        }
        for found in embedded {
            check(found, value: value, site: site, interpolated: !(embedded.count == 1 && isWhole(found, in: text)), condition: false)
        }
    }

    private func isWhole(_ found: EmbeddedExpression, in text: String) -> Bool {
        guard found.isClosed else { return false }
        let utf8 = Array(text.utf8)
        let end = found.innerStart + found.text.utf8.count + 2
        return utf8[..<found.start].allSatisfy(Self.isSpace) && utf8[end...].allSatisfy(Self.isSpace)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    private mutating func check(_ found: EmbeddedExpression, value: StringValue, site: ExpressionSite, interpolated: Bool, condition: Bool) {
        guard found.isClosed else {
            let checkedValue = CheckedExpression(value: value, site: site, base: found.start, expression: nil, type: .any, isInterpolated: interpolated)
            problems.append((.syntax, Finding("\"${{\" is not closed by \"}}\"", at: checkedValue.position(0))))
            return
        }
        check(found.text, base: found.innerStart, value: value, site: site, interpolated: interpolated, condition: condition)
    }

    private mutating func check(_ text: String, base: Int, value: StringValue, site: ExpressionSite, interpolated: Bool, condition: Bool) {
        let expression: Expr
        do {
            expression = try ExpressionParser.parse(text)
        } catch {
            let entry = CheckedExpression(value: value, site: site, base: base, expression: nil, type: .any, isInterpolated: interpolated)
            problems.append((.syntax, Finding("invalid expression: \(error.message)", at: entry.position(error.offset))))
            checked.append(entry)
            return
        }
        let result = ExpressionChecker.check(expression, in: ExpressionScope(site: site, types: types))
        let entry = CheckedExpression(value: value, site: site, base: base, expression: expression, type: result.type, isInterpolated: interpolated)
        checked.append(entry)
        for problem in result.problems {
            problems.append((problem.category, Finding(problem.message, at: entry.position(problem.offset))))
        }
        if interpolated, !result.type.isScalarLike {
            problems.append((.type, Finding("a \(result.type) value is interpolated into a string: it prints as \"Object\" or \"Array\"; use toJSON() or a property", at: entry.position(expression.start))))
        }
        if condition, expression.isConstant { constant.append((value, expression)) }
    }
}

import WorkflowModel

/// The expected shape of a YAML value, for the structural rules (unknown keys, value types,
/// missing keys). Any scalar holding a `${{ }}` expression is accepted wherever a value is.
indirect enum Shape: Sendable {
    /// Any scalar (GitHub reads numbers and booleans as strings where a string is expected).
    case string
    /// `true`/`false`.
    case bool
    /// A number.
    case number
    /// A mapping with known keys.
    case object(ObjectShape)
    /// A mapping with any keys, each value of the given shape.
    case map(Shape)
    /// A sequence of items of the given shape.
    case list(Shape)
    /// A single value of the shape or a list of them.
    case oneOrList(Shape)
    /// A string or an object (`environment`, `concurrency`, `container`).
    case stringOr(ObjectShape)
    /// Not checked here (another rule owns it).
    case any

    var expectation: String {
        switch self {
        case .string: return "a string"
        case .bool: return "true or false"
        case .number: return "a number"
        case .object, .map: return "a mapping"
        case .list: return "a sequence"
        case .oneOrList(let item): return "\(item.expectation) or a sequence of them"
        case .stringOr: return "a string or a mapping"
        case .any: return "any value"
        }
    }
}

/// A mapping's known keys and which must be present.
struct ObjectShape: Sendable {
    let keys: [(name: String, shape: Shape)]
    let required: [String]

    init(_ keys: KeyValuePairs<String, Shape>, required: [String] = []) {
        self.keys = keys.map { ($0.key, $0.value) }
        self.required = required
    }

    var names: [String] { keys.map(\.name) }

    func shape(of key: String) -> Shape? { keys.first { $0.name == key }?.shape }
}

/// One structural problem found by `SchemaWalker`.
struct SchemaIssue: Sendable {
    enum Kind: Sendable { case unknownKey, wrongType, missingKey }
    let kind: Kind
    let finding: Finding
}

/// Walks a YAML tree against a `Shape`, in one linear pass.
struct SchemaWalker {
    private(set) var issues: [SchemaIssue] = []

    /// Issues of a whole workflow or action file.
    static func issues(in root: YAMLNode, isAction: Bool, context: LintContext) -> [SchemaIssue] {
        context.memo.value(for: "schema") { issues(in: root, isAction: isAction) }
    }

    static func issues(in root: YAMLNode, isAction: Bool) -> [SchemaIssue] {
        var walker = SchemaWalker()
        if isAction {
            walker.walk(root, .object(ActionSchema.root), name: nil, context: "action metadata")
            if let steps = root["runs"]?["steps"]?.items { walker.walkSteps(steps, context: "the composite action") }
            return walker.issues
        }
        walker.walk(root, .object(WorkflowSchema.root), name: nil, context: "workflow")
        for pair in root["jobs"]?.pairs ?? [] {
            let context = "job \"\(pair.name)\""
            guard let jobPairs = pair.value.pairs else {
                if !pair.value.isNull { walker.wrongType(pair.value, context, .object(WorkflowSchema.job)) }
                continue
            }
            let isCall = pair.value["uses"] != nil
            walker.walkObject(pair.value, jobPairs, isCall ? WorkflowSchema.callJob : WorkflowSchema.job, context: context)
            if !isCall, let steps = pair.value["steps"]?.items { walker.walkSteps(steps, context: context) }
        }
        return walker.issues
    }

    private mutating func walkSteps(_ steps: [YAMLNode], context: String) {
        for (index, step) in steps.enumerated() {
            if let group = step["parallel"]?.items {
                walkSteps(group, context: context)
                continue
            }
            let stepContext = "step \(index + 1) of \(context)"
            guard let pairs = step.pairs else {
                wrongType(step, stepContext, .object(WorkflowSchema.step))
                continue
            }
            walkObject(step, pairs, WorkflowSchema.step, context: stepContext)
        }
    }

    mutating func walk(_ node: YAMLNode, _ shape: Shape, name: String?, context: String) {
        if node.isNull { return }
        var label: String { name.map { "\"\($0)\" in \(context)" } ?? context }
        switch shape {
        case .any: return
        case .string:
            if node.scalar == nil { wrongType(node, label, shape) }
        case .bool:
            if node.bool == nil { wrongType(node, label, shape) }
        case .number:
            if node.number == nil { wrongType(node, label, shape) }
        case .list(let item):
            guard let items = node.items else { return wrongType(node, label, shape) }
            if items.isEmpty { return }
            let itemContext = "an item of \(label)"
            for element in items { walk(element, item, name: nil, context: itemContext) }
        case .oneOrList(let item):
            if let items = node.items {
                if items.isEmpty { return }
                let itemContext = "an item of \(label)"
                for element in items { walk(element, item, name: nil, context: itemContext) }
            } else {
                walk(node, item, name: name, context: context)
            }
        case .map(let value):
            guard let pairs = node.pairs else { return wrongType(node, label, shape) }
            if pairs.isEmpty { return }
            let mapContext = label
            for pair in pairs { walk(pair.value, value, name: pair.name, context: mapContext) }
        case .stringOr(let object):
            if node.scalar == nil { walk(node, .object(object), name: name, context: context) }
        case .object(let object):
            guard let pairs = node.pairs else { return wrongType(node, label, shape) }
            walkObject(node, pairs, object, context: label)
        }
    }

    mutating func walkObject(_ node: YAMLNode, _ pairs: [YAMLPair], _ object: ObjectShape, context: String) {
        for pair in pairs {
            if let shape = object.shape(of: pair.name) {
                walk(pair.value, shape, name: pair.name, context: context)
            } else {
                let suggestion = Suggestion.closest(to: pair.name, in: object.names)
                let advice = suggestion.map { " (did you mean \"\($0)\"?)" } ?? "; allowed keys: \(object.names.joined(separator: ", "))"
                issues.append(SchemaIssue(kind: .unknownKey, finding: Finding("unknown key \"\(pair.name)\" in \(context)\(advice)", at: pair.key)))
            }
        }
        for key in object.required where !pairs.contains(where: { $0.name == key && !$0.value.isNull }) {
            issues.append(SchemaIssue(kind: .missingKey, finding: Finding("\(context) is missing the required key \"\(key)\"", at: node)))
        }
    }

    mutating func wrongType(_ node: YAMLNode, _ label: String, _ shape: Shape) {
        if node.scalar?.containsExpression == true { return }
        issues.append(SchemaIssue(kind: .wrongType, finding: Finding("\(label) must be \(shape.expectation), found \(node.kindName)", at: node)))
    }
}

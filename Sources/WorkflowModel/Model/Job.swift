/// A job under `jobs:` — steps on a runner, or a call of a reusable workflow (`uses`).
public final class Job: Sendable {
    public let id: StringValue
    public let node: YAMLNode
    public let name: StringValue?
    public let needs: [StringValue]
    public let condition: StringValue?
    public let runsOn: RunsOn?
    public let environment: JobEnvironment?
    public let strategy: Strategy?
    public let container: YAMLNode?
    public let services: [KeyValue]
    public let outputs: [KeyValue]
    public let timeoutMinutes: YAMLNode?
    public let continueOnError: YAMLNode?
    public let permissions: Permissions?
    public let env: [KeyValue]
    public let defaults: Defaults?
    public let concurrency: Concurrency?
    /// The called reusable workflow, for jobs that call one.
    public let uses: StringValue?
    public let with: [KeyValue]
    /// `secrets: inherit`.
    public let inheritsSecrets: Bool
    public let secrets: [KeyValue]
    public let steps: [Step]

    init(id: StringValue, node: YAMLNode, reader: NodeReader) {
        self.id = id
        self.node = node
        name = reader.string("name", in: node)
        needs = reader.strings(node["needs"])
        condition = reader.string("if", in: node)
        runsOn = node["runs-on"].map { RunsOn($0, reader: reader) }
        environment = node["environment"].map { JobEnvironment($0, reader: reader) }
        strategy = node["strategy"].map { Strategy($0, reader: reader) }
        container = node["container"]
        services = reader.keyValues(node["services"])
        outputs = reader.keyValues(node["outputs"])
        timeoutMinutes = node["timeout-minutes"]
        continueOnError = node["continue-on-error"]
        permissions = node["permissions"].flatMap { Permissions($0, reader: reader) }
        env = reader.keyValues(node["env"])
        defaults = node["defaults"].map { Defaults($0, reader: reader) }
        concurrency = node["concurrency"].flatMap { Concurrency($0, reader: reader) }
        uses = reader.string("uses", in: node)
        with = reader.keyValues(node["with"])
        inheritsSecrets = node["secrets"]?.scalar == "inherit"
        secrets = reader.keyValues(node["secrets"])
        steps = Step.list(node["steps"], reader: reader)
    }
}

/// `runs-on:` — a label, a list of labels, or `{ group, labels }`.
public struct RunsOn: Sendable {
    public let node: YAMLNode
    public let labels: [StringValue]
    public let group: StringValue?

    init(_ node: YAMLNode, reader: NodeReader) {
        self.node = node
        if node.pairs != nil {
            labels = reader.strings(node["labels"])
            group = reader.string("group", in: node)
        } else {
            labels = reader.strings(node)
            group = nil
        }
    }
}

/// `environment:` — a name, or `{ name, url }`.
public struct JobEnvironment: Sendable {
    public let node: YAMLNode
    public let name: StringValue?
    public let url: StringValue?

    init(_ node: YAMLNode, reader: NodeReader) {
        self.node = node
        name = reader.string(node) ?? reader.string("name", in: node)
        url = reader.string("url", in: node)
    }
}

/// `strategy:` — matrix, fail-fast, max-parallel.
public struct Strategy: Sendable {
    public let node: YAMLNode
    public let matrix: Matrix?
    public let failFast: YAMLNode?
    public let maxParallel: YAMLNode?

    init(_ node: YAMLNode, reader: NodeReader) {
        self.node = node
        matrix = node.pair("matrix").map { Matrix(key: $0.key, node: $0.value, reader: reader) }
        failFast = node["fail-fast"]
        maxParallel = node["max-parallel"]
    }
}

/// `strategy.matrix`: axes with their values, `include` and `exclude` rows, or one expression.
public struct Matrix: Sendable {
    public let key: YAMLNode
    public let node: YAMLNode
    /// The whole matrix given as an expression (`${{ fromJSON(…) }}`).
    public let expression: StringValue?
    /// Axes other than include/exclude, in source order; an axis value is normally a sequence.
    public let axes: [KeyValue]
    public let include: YAMLNode?
    public let exclude: YAMLNode?

    init(key: YAMLNode, node: YAMLNode, reader: NodeReader) {
        self.key = key
        self.node = node
        expression = reader.string(node)
        axes = reader.keyValues(node).filter { $0.key.text != "include" && $0.key.text != "exclude" }
        include = node["include"]
        exclude = node["exclude"]
    }
}

/// A step of a job or of a composite action.
public final class Step: Sendable {
    /// 0-based position in the steps list.
    public let index: Int
    public let node: YAMLNode
    public let id: StringValue?
    public let name: StringValue?
    public let uses: StringValue?
    /// The repository action `uses:` names, parsed once for the rules that need it.
    public let action: ActionReference?
    /// The known metadata of that action.
    public let popularAction: PopularAction?
    public let run: StringValue?
    public let with: [KeyValue]
    public let env: [KeyValue]
    public let shell: StringValue?
    public let workingDirectory: StringValue?
    public let condition: StringValue?
    public let continueOnError: YAMLNode?
    public let timeoutMinutes: YAMLNode?

    init(index: Int, node: YAMLNode, reader: NodeReader) {
        self.index = index
        self.node = node
        id = reader.string("id", in: node)
        name = reader.string("name", in: node)
        uses = reader.string("uses", in: node)
        action = uses.flatMap { ActionReference($0.text) }
        popularAction = action.flatMap { PopularActions.table[$0.name] }
        run = reader.string("run", in: node)
        with = reader.keyValues(node["with"])
        env = reader.keyValues(node["env"])
        shell = reader.string("shell", in: node)
        workingDirectory = reader.string("working-directory", in: node)
        condition = reader.string("if", in: node)
        continueOnError = node["continue-on-error"]
        timeoutMinutes = node["timeout-minutes"]
    }

    /// The steps of a `steps:` list; the steps of a `parallel:` group are flattened in order.
    static func list(_ node: YAMLNode?, reader: NodeReader) -> [Step] {
        var steps: [Step] = []
        func add(_ items: [YAMLNode]) {
            for item in items {
                if let group = item["parallel"]?.items { add(group) } else { steps.append(Step(index: steps.count, node: item, reader: reader)) }
            }
        }
        add(node?.items ?? [])
        return steps
    }

    /// A step that waits for or cancels background steps (`wait`, `wait-all`, `cancel`).
    public var isControl: Bool { node["wait"] != nil || node["wait-all"] != nil || node["cancel"] != nil }

    /// `background: true`: the step runs while the following steps go on.
    public var runsInBackground: Bool { node["background"]?.bool == true }

    /// How the step is named in messages: its id, name, or number.
    public var label: String {
        id.map { "step \"\($0.text)\"" } ?? name.map { "step \"\($0.text)\"" } ?? "step \(index + 1)"
    }
}

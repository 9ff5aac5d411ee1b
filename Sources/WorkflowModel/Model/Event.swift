/// One event under `on:` with its configuration.
public struct Event: Sendable {
    /// The event name where it is written (a key, or an item of the string/list form).
    public let name: StringValue
    /// The event's configuration value, nil in the string and list forms.
    public let node: YAMLNode?
    /// Activity `types`.
    public let types: [StringValue]
    /// `branches`, `branches-ignore`, `tags`, `tags-ignore`, `paths`, `paths-ignore` (and any other
    /// key holding a list of patterns), in source order.
    public let filters: [Filter]
    /// `schedule`: each `cron` string.
    public let crons: [StringValue]
    /// `workflow_dispatch` / `workflow_call` inputs.
    public let inputs: [WorkflowInput]
    /// `workflow_call` outputs.
    public let outputs: [KeyValue]
    /// `workflow_call` secrets.
    public let secrets: [WorkflowSecret]
    /// `workflow_run` workflows.
    public let workflows: [StringValue]

    public static let filterKeys: Set<String> = ["branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore"]

    init(name: StringValue, node: YAMLNode?, reader: NodeReader) {
        self.name = name
        self.node = node
        types = reader.strings(node?["types"])
        filters = (node?.pairs ?? []).compactMap { pair in
            guard Event.filterKeys.contains(pair.name), let key = reader.string(pair.key) else { return nil }
            return Filter(key: key, node: pair.value, patterns: reader.strings(pair.value))
        }
        crons = name.text == "schedule" ? (node?.items ?? []).compactMap { reader.string("cron", in: $0) } : []
        inputs = reader.entries(node?["inputs"]).map { WorkflowInput(id: $0.key, node: $0.value, reader: reader) }
        outputs = reader.keyValues(node?["outputs"])
        secrets = reader.entries(node?["secrets"]).map { WorkflowSecret(id: $0.key, node: $0.value, reader: reader) }
        workflows = reader.strings(node?["workflows"])
    }

    /// The events of an `on:` value in any of its three forms.
    static func parse(_ node: YAMLNode, reader: NodeReader) -> [Event] {
        if let pairs = node.pairs {
            return pairs.compactMap { pair in
                reader.string(pair.key).map { Event(name: $0, node: pair.value.isNull ? nil : pair.value, reader: reader) }
            }
        }
        return reader.strings(node).map { Event(name: $0, node: nil, reader: reader) }
    }
}

/// A branch, tag or path filter of an event.
public struct Filter: Sendable {
    public let key: StringValue
    public let node: YAMLNode
    public let patterns: [StringValue]
}

/// An input of `workflow_dispatch` or `workflow_call`.
public struct WorkflowInput: Sendable {
    public let id: StringValue
    public let node: YAMLNode
    public let description: StringValue?
    public let required: Bool?
    public let type: StringValue?
    public let defaultValue: YAMLNode?
    public let options: [StringValue]

    init(id: StringValue, node: YAMLNode, reader: NodeReader) {
        self.id = id
        self.node = node
        description = reader.string("description", in: node)
        required = node["required"]?.bool
        type = reader.string("type", in: node)
        defaultValue = node["default"]
        options = reader.strings(node["options"])
    }
}

/// A secret declared by `workflow_call`.
public struct WorkflowSecret: Sendable {
    public let id: StringValue
    public let node: YAMLNode
    public let required: Bool?

    init(id: StringValue, node: YAMLNode, reader: NodeReader) {
        self.id = id
        self.node = node
        required = node["required"]?.bool
    }
}

/// A local action's `action.yml` / `action.yaml`: composite, docker or JavaScript.
public final class ActionMetadata: Sendable {
    public let root: YAMLNode
    public let source: SourceText
    public let name: StringValue?
    public let description: StringValue?
    public let inputs: [ActionInput]
    public let outputs: [KeyValue]
    /// The `runs` mapping.
    public let runs: YAMLNode?
    /// `runs.using`: `composite`, `docker`, `node20`, …
    public let using: StringValue?
    /// Steps of a composite action.
    public let steps: [Step]

    public var file: String { source.file }

    public init(root: YAMLNode, source: SourceText) {
        let reader = NodeReader(source: source)
        self.root = root
        self.source = source
        name = reader.string("name", in: root)
        description = reader.string("description", in: root)
        inputs = reader.entries(root["inputs"]).map { ActionInput(id: $0.key, node: $0.value, reader: reader) }
        outputs = reader.keyValues(root["outputs"])
        runs = root["runs"]
        using = runs.flatMap { reader.string("using", in: $0) }
        steps = Step.list(runs?["steps"], reader: reader)
    }

    /// Whether a file name is an action metadata file.
    public static func isMetadataFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        return name == "action.yml" || name == "action.yaml"
    }
}

/// An input of an action.
public struct ActionInput: Sendable {
    public let id: StringValue
    public let node: YAMLNode
    public let required: Bool
    public let defaultValue: YAMLNode?
    public let deprecationMessage: StringValue?

    init(id: StringValue, node: YAMLNode, reader: NodeReader) {
        self.id = id
        self.node = node
        required = node["required"]?.bool ?? (node["required"]?.scalar == "true")
        defaultValue = node["default"]
        deprecationMessage = reader.string("deprecationMessage", in: node)
    }
}

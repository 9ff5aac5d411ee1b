/// Typed access to the YAML tree for the model builders: each helper returns nil (or empty) when
/// the value has another shape, leaving the report of the wrong shape to the lint rules.
struct NodeReader {
    let source: SourceText

    func string(_ node: YAMLNode?) -> StringValue? {
        node.flatMap { StringValue($0, source: source) }
    }

    func string(_ key: String, in node: YAMLNode) -> StringValue? {
        string(node[key])
    }

    /// A string or a list of strings (non-string items are skipped).
    func strings(_ node: YAMLNode?) -> [StringValue] {
        guard let node, !node.isNull else { return [] }
        if let one = string(node) { return [one] }
        return (node.items ?? []).compactMap(string)
    }

    func keyValues(_ node: YAMLNode?) -> [KeyValue] {
        (node?.pairs ?? []).compactMap { pair in
            string(pair.key).map { KeyValue(key: $0, value: pair.value, source: source) }
        }
    }

    /// Entries of a mapping whose values are mappings (jobs, inputs, services).
    func entries(_ node: YAMLNode?) -> [(key: StringValue, value: YAMLNode)] {
        (node?.pairs ?? []).compactMap { pair in string(pair.key).map { ($0, pair.value) } }
    }
}

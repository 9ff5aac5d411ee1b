/// Strict reading of a configuration mapping: unknown keys, missing keys and wrong types become
/// diagnostics at the offending key or value, with "did you mean" for typos.
public struct MappingReader {
    public let file: String
    public let node: YAMLNode
    /// Rule id given to the diagnostics (e.g. `config`).
    public let ruleID: String

    public init(file: String, node: YAMLNode, ruleID: String = "config") {
        self.file = file
        self.node = node
        self.ruleID = ruleID
    }

    public func error(_ message: String, at node: YAMLNode) -> Diagnostic {
        Diagnostic(file: file, position: node.position, ruleID: ruleID, message: message)
    }

    /// The mapping's pairs, or a diagnostic naming `what` when the node is not a mapping.
    public func pairs(_ what: String) throws(Diagnostic) -> [YAMLPair] {
        if node.isNull { return [] }
        guard let pairs = node.pairs else {
            throw error("\(what) must be a mapping, found \(node.kindName)", at: node)
        }
        return pairs
    }

    /// Diagnostics for keys outside `allowed`, each with a suggestion when one is close.
    public func unknownKeys(allowed: [String], context: String) -> [Diagnostic] {
        (node.pairs ?? []).compactMap { pair in
            allowed.contains(pair.name) ? nil
                : error("unknown key \"\(pair.name)\" in \(context)\(Suggestion.hint(for: pair.name, in: allowed)); allowed keys: \(allowed.joined(separator: ", "))", at: pair.key)
        }
    }

    /// The string value of `key`; a diagnostic when present with another type, nil when absent.
    public func string(_ key: String) throws(Diagnostic) -> String? {
        guard let value = node[key], !value.isNull else { return nil }
        guard let text = value.scalar else {
            throw error("\"\(key)\" must be a string, found \(value.kindName)", at: value)
        }
        return text
    }

    /// Like `string(_:)` but the key must be present.
    public func requiredString(_ key: String, context: String) throws(Diagnostic) -> String {
        guard let text = try string(key) else {
            throw error("\(context) is missing the required key \"\(key)\"", at: node)
        }
        return text
    }

    /// A list of strings (a single string counts as a one-item list).
    public func strings(_ key: String) throws(Diagnostic) -> [String]? {
        guard let value = node[key], !value.isNull else { return nil }
        if let text = value.scalar { return [text] }
        guard let items = value.items else {
            throw error("\"\(key)\" must be a list of strings, found \(value.kindName)", at: value)
        }
        var result: [String] = []
        for item in items {
            guard let text = item.scalar else {
                throw error("items of \"\(key)\" must be strings, found \(item.kindName)", at: item)
            }
            result.append(text)
        }
        return result
    }

    public func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let value = node[key], !value.isNull else { return nil }
        guard let flag = value.bool else {
            throw error("\"\(key)\" must be true or false, found \(value.kindName)", at: value)
        }
        return flag
    }

    public func int(_ key: String) throws(Diagnostic) -> Int? {
        guard let value = node[key], !value.isNull else { return nil }
        guard let number = value.int else {
            throw error("\"\(key)\" must be a whole number, found \(value.kindName)", at: value)
        }
        return number
    }

    /// A duration in seconds (`30m`, `24h`, `7d`).
    public func duration(_ key: String) throws(Diagnostic) -> Int? {
        guard let value = node[key], !value.isNull else { return nil }
        guard let text = value.scalar, let seconds = DurationText.seconds(text) else {
            throw error("\"\(key)\" must be \(DurationText.expectation), found \"\(value.scalar ?? value.kindName)\"", at: value)
        }
        return seconds
    }

    /// A reader for the mapping under `key`, nil when absent.
    public func child(_ key: String) -> MappingReader? {
        guard let value = node[key], !value.isNull else { return nil }
        return MappingReader(file: file, node: value, ruleID: ruleID)
    }
}

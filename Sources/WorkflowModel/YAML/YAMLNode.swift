/// A node of a parsed YAML document with the position where it starts.
///
/// Mapping pairs keep their source order and every key carries its own position, so a finding can
/// point at the exact key or value.
public struct YAMLNode: Sendable {
    /// How a scalar was written: a plain `true` is a boolean, a quoted `'true'` is a string.
    public enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public enum Value: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public var value: Value
    public var position: SourcePosition

    public init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }

    /// The scalar's text, nil for mappings and sequences.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = value { return style }
        return nil
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// A plain empty, `~` or `null` scalar.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = value else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A plain scalar YAML 1.2 reads as a boolean, nil otherwise.
    public var bool: Bool? {
        guard case .scalar(let text, .plain) = value else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A plain scalar that is a whole number (decimal, `0x` hex or `0o` octal), nil otherwise.
    public var int: Int? {
        guard case .scalar(let text, .plain) = value else { return nil }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        return Int(text)
    }

    /// A plain scalar that is a number, nil otherwise.
    public var number: Double? {
        guard case .scalar(let text, .plain) = value else { return nil }
        return int.map(Double.init) ?? Double(text)
    }

    /// What kind of value this is, for messages ("expected a mapping, found a sequence").
    public var kindName: String {
        switch value {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar:
            if isNull { return "null" }
            if bool != nil { return "a boolean" }
            if number != nil { return "a number" }
            return "a string"
        }
    }

    /// The value for `key` in a mapping, nil when absent or not a mapping.
    public subscript(key: String) -> YAMLNode? {
        pair(key)?.value
    }

    /// The pair for `key` in a mapping (the first, if repeated).
    public func pair(_ key: String) -> YAMLPair? {
        pairs?.first { $0.key.scalar == key }
    }
}

/// A key and its value in a mapping, each with its position.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text (keys are scalars in every file shipgate reads).
    public var name: String { key.scalar ?? "" }
}

/// A value of a generated YAML document. Mappings are ordered lists of entries — never a
/// `Dictionary` — so the rendered text is the same on every run and machine.
public indirect enum YAMLValue: Sendable, Equatable {
    /// Always a string: the renderer quotes it when plain text would read as anything else.
    case string(String)
    case bool(Bool)
    case int(Int)
    case sequence([YAMLValue])
    case mapping([YAMLEntry])

    /// An empty mapping, rendered `{}`.
    public static let emptyMapping = YAMLValue.mapping([])
}

/// One key and value of a mapping.
public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var value: YAMLValue
    /// Written after a one-line scalar value (`uses: …@<sha> # v5.0.0`).
    public var comment: String?

    public init(_ key: String, _ value: YAMLValue, comment: String? = nil) {
        self.key = key
        self.value = value
        self.comment = comment
    }
}

/// Builds a mapping in canonical key order, dropping fields that are absent or empty (never
/// rendered as `null`).
public struct MappingBuilder {
    public private(set) var entries: [YAMLEntry] = []

    public init() {}

    public mutating func add(_ key: String, _ value: YAMLValue?, comment: String? = nil) {
        guard let value else { return }
        if case .sequence(let items) = value, items.isEmpty { return }
        entries.append(YAMLEntry(key, value, comment: comment))
    }

    public mutating func add(_ key: String, _ text: String?) {
        add(key, text.map(YAMLValue.string))
    }

    public mutating func add(_ key: String, _ number: Int?) {
        add(key, number.map(YAMLValue.int))
    }

    public mutating func add(_ key: String, _ flag: Bool?) {
        add(key, flag.map(YAMLValue.bool))
    }

    /// A mapping that is dropped when it has no entries.
    public mutating func add(_ key: String, nonEmpty entries: [YAMLEntry]) {
        if !entries.isEmpty { add(key, .mapping(entries)) }
    }

    public var value: YAMLValue { .mapping(entries) }
}

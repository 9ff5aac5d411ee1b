/// The static type of an expression value, as far as it can be known before the run.
public indirect enum ExprType: Equatable, Sendable, CustomStringConvertible {
    case any, null, bool, number, string
    /// An array; `filtered` marks the result of a `*` filter, whose property access maps over elements.
    case array(ExprType, filtered: Bool)
    case object(ObjectShape)

    /// An object whose every property is a `value` (env, secrets, vars, outputs).
    public static func map(_ value: ExprType) -> ExprType { .object(ObjectShape([:], others: value)) }
    /// An object with exactly these properties.
    public static func strict(_ properties: [String: ExprType]) -> ExprType { .object(ObjectShape(properties, others: nil)) }
    /// An object with these properties and possibly any other.
    public static func loose(_ properties: [String: ExprType] = [:]) -> ExprType { .object(ObjectShape(properties, others: .any)) }

    public var description: String {
        switch self {
        case .any: return "any"
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .array(let element, _): return "array<\(element)>"
        case .object(let shape):
            if shape.properties.isEmpty, let others = shape.others { return others == .any ? "object" : "map<\(others)>" }
            let names = shape.properties.keys.sorted().prefix(5).joined(separator: ", ")
            return shape.properties.count > 5 ? "object {\(names), …}" : "object {\(names)}"
        }
    }

    /// Whether a value of this type can become a string without surprise (no object or array).
    public var isScalarLike: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    /// The least type that holds both.
    public func merged(with other: ExprType) -> ExprType {
        if self == other { return self }
        switch (self, other) {
        case let (.array(a, x), .array(b, y)): return .array(a.merged(with: b), filtered: x && y)
        case let (.object(a), .object(b)): return .object(a.merged(with: b))
        default: return .any
        }
    }
}

/// The properties of an object type. Names are lowercased: GitHub looks them up case-insensitively.
public struct ObjectShape: Equatable, Sendable {
    public var properties: [String: ExprType]
    /// The type of properties not listed; nil when the object has no other property (strict).
    public var others: ExprType?

    public init(_ properties: [String: ExprType], others: ExprType?) {
        if properties.keys.allSatisfy(\.isLowercaseASCII) {
            self.properties = properties
        } else {
            var lowered: [String: ExprType] = [:]
            for (name, type) in properties { lowered[name.lowercased()] = type }
            self.properties = lowered
        }
        self.others = others
    }

    public var isStrict: Bool { others == nil }

    /// The type of `name`, nil when a strict object has no such property.
    public func property(_ name: String) -> ExprType? {
        properties[name.isLowercaseASCII ? name : name.lowercased()] ?? others
    }

    /// The type of any one property value.
    public var elementType: ExprType {
        var result = others
        for type in properties.values { result = result.map { $0.merged(with: type) } ?? type }
        return result ?? .any
    }

    func merged(with other: ObjectShape) -> ObjectShape {
        var properties = self.properties
        for (name, type) in other.properties { properties[name] = properties[name].map { $0.merged(with: type) } ?? type }
        let others: ExprType? = switch (self.others, other.others) {
        case (nil, nil): nil
        case let (a?, b?): a.merged(with: b)
        default: .any
        }
        return ObjectShape(properties, others: others)
    }
}

extension String {
    /// Whether the text is ASCII without capitals, so `lowercased()` would return it unchanged.
    var isLowercaseASCII: Bool { utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) } }
}

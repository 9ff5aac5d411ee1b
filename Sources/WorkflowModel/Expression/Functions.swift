/// The built-in functions of the expression language with their arity and argument kinds.
public struct ExpressionFunction: Sendable {
    /// What an argument accepts.
    public enum Parameter: Sendable {
        case any
        /// A string, number, boolean or null (objects and arrays are refused).
        case scalar
        /// A string or an array (objects are refused).
        case stringOrArray
    }

    /// The name as documented (`startsWith`); calls are matched case-insensitively.
    public var name: String
    public var parameters: [Parameter]
    /// Parameter repeated after `parameters` without limit, if any.
    public var variadic: Parameter?
    /// How many arguments may be left out at the end.
    public var optionalCount: Int
    public var result: ExprType

    public var minimumArity: Int { parameters.count - optionalCount }

    public static let all: [String: ExpressionFunction] = {
        let list = [
            ExpressionFunction(name: "contains", parameters: [.stringOrArray, .any], variadic: nil, optionalCount: 0, result: .bool),
            ExpressionFunction(name: "startsWith", parameters: [.scalar, .scalar], variadic: nil, optionalCount: 0, result: .bool),
            ExpressionFunction(name: "endsWith", parameters: [.scalar, .scalar], variadic: nil, optionalCount: 0, result: .bool),
            ExpressionFunction(name: "format", parameters: [.scalar], variadic: .any, optionalCount: 0, result: .string),
            ExpressionFunction(name: "join", parameters: [.stringOrArray, .scalar], variadic: nil, optionalCount: 1, result: .string),
            ExpressionFunction(name: "toJSON", parameters: [.any], variadic: nil, optionalCount: 0, result: .string),
            ExpressionFunction(name: "fromJSON", parameters: [.scalar], variadic: nil, optionalCount: 0, result: .any),
            ExpressionFunction(name: "hashFiles", parameters: [.scalar], variadic: .scalar, optionalCount: 0, result: .string),
            ExpressionFunction(name: "success", parameters: [], variadic: nil, optionalCount: 0, result: .bool),
            ExpressionFunction(name: "always", parameters: [], variadic: nil, optionalCount: 0, result: .bool),
            ExpressionFunction(name: "cancelled", parameters: [], variadic: nil, optionalCount: 0, result: .bool),
            ExpressionFunction(name: "failure", parameters: [], variadic: nil, optionalCount: 0, result: .bool),
            ExpressionFunction(name: "case", parameters: [.any, .any, .any], variadic: .any, optionalCount: 0, result: .any),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name.lowercased(), $0) })
    }()

    /// Functions that depend on the run's state, not only on their arguments.
    public static let statusFunctions: Set<String> = ["success", "always", "cancelled", "failure"]

    /// Problems with the number of arguments, or nil.
    func arityProblem(_ count: Int) -> String? {
        let atLeast = minimumArity
        if name == "case", count % 2 == 0 || count < 3 {
            return "case() takes an odd number of arguments, at least 3 (condition, value, …, default), but \(count) \(count == 1 ? "is" : "are") given"
        }
        if let _ = variadic {
            if count >= atLeast { return nil }
            return "\(name)() takes at least \(atLeast) argument\(atLeast == 1 ? "" : "s") but \(count) \(count == 1 ? "is" : "are") given"
        }
        if count >= atLeast && count <= parameters.count { return nil }
        let expected = atLeast == parameters.count ? "\(atLeast)" : "\(atLeast) to \(parameters.count)"
        return "\(name)() takes \(expected) argument\(parameters.count == 1 ? "" : "s") but \(count) \(count == 1 ? "is" : "are") given"
    }

    func parameter(at index: Int) -> Parameter {
        index < parameters.count ? parameters[index] : (variadic ?? .any)
    }
}

/// The placeholders of a `format()` string.
public enum FormatString {
    /// The indices of `{N}` placeholders, or an error message for malformed braces.
    public static func placeholders(_ text: String) -> Result<Set<Int>, FormatStringError> {
        var indices: Set<Int> = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") { index += 2; continue }
                var end = index + 1
                var number = 0
                while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39, number < 1_000_000 {
                    number = number * 10 + Int(bytes[end] - 0x30)
                    end += 1
                }
                guard end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: "}") else {
                    return .failure(FormatStringError(message: "\"{\" at position \(index) does not start a placeholder {N}: write \"{{\" for a literal brace"))
                }
                indices.insert(number)
                index = end + 1
            } else if byte == UInt8(ascii: "}") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "}") { index += 2; continue }
                return .failure(FormatStringError(message: "\"}\" at position \(index) closes no placeholder: write \"}}\" for a literal brace"))
            } else {
                index += 1
            }
        }
        return .success(indices)
    }
}

public struct FormatStringError: Error, Equatable {
    public var message: String
}

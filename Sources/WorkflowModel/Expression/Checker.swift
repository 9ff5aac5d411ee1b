/// A problem found in one expression, at a UTF-8 offset of the expression text.
public struct ExpressionProblem: Equatable, Sendable {
    /// What kind of problem, so each lint rule can report its own.
    public enum Category: String, Sendable, CaseIterable {
        /// The text does not parse.
        case syntax
        /// A value of the wrong type (argument, property of a scalar, object in a template).
        case type
        /// Unknown function, wrong number of arguments, bad `format()` string.
        case function
        /// Unknown context name, or a context or function not available at this key.
        case context
        /// A property the `github` context does not have.
        case github
        /// `needs.X` for a job not in `needs`, or an output X does not declare.
        case needs
        /// `steps.X` for no earlier step, or an output the step's action does not declare.
        case steps
        /// `matrix.X` for a key the matrix does not have.
        case matrix
        /// `inputs.X` for an input the workflow does not declare.
        case inputs
        /// Any other property a fixed-shape context does not have (`runner.x`, `job.x`, `strategy.x`).
        case property
    }

    public var offset: Int
    public var category: Category
    public var message: String

    public init(offset: Int, category: Category, message: String) {
        self.offset = offset
        self.category = category
        self.message = message
    }
}

/// Where an expression is evaluated: the site (for availability) and the type of each context.
public struct ExpressionScope: Sendable {
    /// Nil when availability is not checked.
    public var site: ExpressionSite?
    /// Context name (lowercase) → type.
    public var types: [String: ExprType]

    public init(site: ExpressionSite?, types: [String: ExprType] = ExpressionContexts.defaults) {
        self.site = site
        self.types = types
    }
}

/// Infers the type of an expression and reports what cannot work.
public struct ExpressionChecker {
    public let scope: ExpressionScope
    public private(set) var problems: [ExpressionProblem] = []

    public init(scope: ExpressionScope) {
        self.scope = scope
    }

    /// The expression's type and its problems.
    public static func check(_ expression: Expr, in scope: ExpressionScope) -> (type: ExprType, problems: [ExpressionProblem]) {
        var checker = ExpressionChecker(scope: scope)
        let type = checker.type(of: expression)
        return (type, checker.problems)
    }

    private mutating func report(_ offset: Int, _ category: ExpressionProblem.Category, _ message: String) {
        problems.append(ExpressionProblem(offset: offset, category: category, message: message))
    }

    public mutating func type(of expression: Expr) -> ExprType {
        switch expression.kind {
        case .null: return .null
        case .bool: return .bool
        case .number: return .number
        case .string: return .string
        case .variable(let name): return variable(name, at: expression.offset)
        case .property(let receiver, let name):
            return property(name, of: type(of: receiver), receiver: receiver, at: expression.offset)
        case .index(let receiver, let index):
            let receiverType = type(of: receiver)
            let indexType = type(of: index)
            if case .string(let name) = index.kind { return property(name, of: receiverType, receiver: receiver, at: index.offset) }
            return element(of: receiverType, indexType: indexType)
        case .filter(let receiver):
            switch type(of: receiver) {
            case .array(let element, _): return .array(element, filtered: true)
            case .object(let shape):
                return .array(shape.elementType, filtered: true)
            case .any: return .array(.any, filtered: true)
            case let other:
                report(expression.offset, .type, "the filter \"*\" applies to objects and arrays, not to a \(other) value")
                return .array(.any, filtered: true)
            }
        case .call(let name, let arguments): return call(name, arguments, at: expression.offset)
        case .not(let operand):
            _ = type(of: operand)
            return .bool
        case .binary(let op, let left, let right):
            let leftType = type(of: left)
            let rightType = type(of: right)
            switch op {
            case .and, .or: return leftType == rightType ? leftType : .any
            default: return .bool
            }
        }
    }

    private mutating func variable(_ name: String, at offset: Int) -> ExprType {
        let lowered = name.lowercased()
        guard let type = scope.types[lowered] else {
            let hint = Suggestion.hint(for: name, in: ExpressionContexts.names)
            report(offset, .context, "undefined context \"\(name)\"\(hint); contexts are \(ExpressionContexts.names.joined(separator: ", "))")
            return .any
        }
        if let site = scope.site, !site.contexts.contains(lowered) {
            let available = ExpressionContexts.names.filter(site.contexts.contains).joined(separator: ", ")
            report(offset, .context, "context \"\(lowered)\" is not available in \(site.rawValue); available there: \(available)")
            return .any
        }
        return type
    }

    private func element(of type: ExprType, indexType: ExprType) -> ExprType {
        switch type {
        case .array(let element, _): return element
        case .object(let shape):
            return shape.elementType
        default: return .any
        }
    }

    private mutating func property(_ name: String, of type: ExprType, receiver: Expr, at offset: Int) -> ExprType {
        switch type {
        case .any: return .any
        case .object(let shape):
            if let found = shape.property(name) { return found }
            report(offset, Self.category(of: receiver), missingMessage(name, shape: shape, receiver: receiver))
            return .any
        case .array(let element, let filtered):
            if filtered { return .array(property(name, of: element, receiver: receiver, at: offset), filtered: true) }
            report(offset, .type, "property \"\(name)\" of an array is always null: use an index or the filter \".*.\(name)\"")
            return .any
        case .null, .bool, .number, .string:
            report(offset, .type, "property \"\(name)\" of a \(type) value is always null")
            return .any
        }
    }

    private static func category(of receiver: Expr) -> ExpressionProblem.Category {
        switch receiver.propertyPath?.first {
        case "github": return .github
        case "needs", "jobs": return .needs
        case "steps": return .steps
        case "matrix": return .matrix
        case "inputs": return .inputs
        default: return .property
        }
    }

    private func missingMessage(_ name: String, shape: ObjectShape, receiver: Expr) -> String {
        let names = shape.properties.keys.sorted()
        let hint = Suggestion.hint(for: name, in: names)
        let listed = names.isEmpty ? "none" : names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : "")
        let path = receiver.propertyPath ?? []
        switch (path.first, path.count) {
        case ("github", 1): return "the github context has no property \"\(name)\"\(hint)"
        case ("needs", 1): return "job \"\(name)\" is not in this job's needs\(hint): add it to needs: to read its result and outputs (needs: \(listed))"
        case ("jobs", 1): return "no job \"\(name)\" in this workflow\(hint)"
        case ("needs", 3), ("jobs", 3): return "job \"\(path[1])\" declares no output \"\(name)\"\(hint) (outputs: \(listed))"
        case ("steps", 1): return "no step with id \"\(name)\" runs before this point\(hint) (earlier ids: \(listed))"
        case ("steps", 3): return "step \"\(path[1])\" has no output \"\(name)\"\(hint) (outputs of its action: \(listed))"
        case ("matrix", 1): return "the matrix has no key \"\(name)\"\(hint) (keys: \(listed))"
        case ("inputs", 1):
            return names.isEmpty ? "input \"\(name)\" is not defined: the workflow declares no workflow_dispatch or workflow_call inputs"
                : "input \"\(name)\" is not defined\(hint) (inputs: \(listed))"
        default:
            let owner = path.isEmpty ? "this object" : path.joined(separator: ".")
            return "\(owner) has no property \"\(name)\"\(hint) (properties: \(listed))"
        }
    }

    private mutating func call(_ name: String, _ arguments: [Expr], at offset: Int) -> ExprType {
        let types = arguments.map { type(of: $0) }
        let lowered = name.lowercased()
        guard let function = ExpressionFunction.all[lowered] else {
            let names = ExpressionFunction.all.values.map(\.name).sorted()
            report(offset, .function, "undefined function \"\(name)\"\(Suggestion.hint(for: name, in: names))")
            return .any
        }
        if let site = scope.site {
            if ExpressionFunction.statusFunctions.contains(lowered), !site.specialFunctions.contains(lowered) {
                report(offset, .context, "\(function.name)() is only available in if: conditions, not in \(site.rawValue)")
            } else if lowered == "hashfiles", !site.specialFunctions.contains(lowered) {
                report(offset, .context, "hashFiles() is only available in steps, not in \(site.rawValue)")
            }
        }
        if let problem = function.arityProblem(arguments.count) {
            report(offset, .function, problem)
            return function.result
        }
        for (position, (argument, type)) in zip(arguments, types).enumerated() {
            let accepted: Bool
            switch function.parameter(at: position) {
            case .any: accepted = true
            case .scalar: accepted = type.isScalarLike
            case .stringOrArray:
                if case .object = type { accepted = false } else { accepted = true }
            }
            if !accepted {
                let wanted = function.parameter(at: position) == .scalar ? "a string, number or boolean" : "a string or an array"
                report(argument.start, .type, "argument \(position + 1) of \(function.name)() must be \(wanted), found \(type)")
            }
        }
        if lowered == "format", case .string(let text) = arguments[0].kind {
            checkFormat(text, argumentCount: arguments.count - 1, at: arguments[0].offset)
        }
        return function.result
    }

    private mutating func checkFormat(_ text: String, argumentCount: Int, at offset: Int) {
        switch FormatString.placeholders(text) {
        case .failure(let error): report(offset, .function, "invalid format string: \(error.message)")
        case .success(let indices):
            if let beyond = indices.filter({ $0 >= argumentCount }).min() {
                report(offset, .function, "format string has placeholder {\(beyond)} but only \(argumentCount) argument\(argumentCount == 1 ? "" : "s") follow\(argumentCount == 1 ? "s" : "") it")
            }
            if let unused = (0..<argumentCount).first(where: { !indices.contains($0) }) {
                report(offset, .function, "format() argument \(unused + 2) is not used: the format string has no placeholder {\(unused)}")
            }
        }
    }
}

extension ExpressionFunction.Parameter: Equatable {}

extension Expr {
    /// Whether the value cannot depend on the run: no context and no status or file function.
    public var isConstant: Bool {
        var constant = true
        walk { node in
            switch node.kind {
            case .variable: constant = false
            case .call(let name, _):
                let lowered = name.lowercased()
                if ExpressionFunction.statusFunctions.contains(lowered) || lowered == "hashfiles" { constant = false }
            default: break
            }
        }
        return constant
    }
}

/// A node of a parsed expression with the UTF-8 offset where it starts in the expression text.
///
/// Equality compares structure only: two expressions written with different spacing are equal.
public struct Expr: Equatable, Sendable, CustomStringConvertible {
    public enum BinaryOperator: String, Sendable, CaseIterable {
        case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case equal = "==", notEqual = "!="
        case and = "&&", or = "||"

        /// Binding strength, higher binds tighter (GitHub's table: relational > equality > && > ||).
        public var precedence: Int {
            switch self {
            case .less, .lessEqual, .greater, .greaterEqual: return 4
            case .equal, .notEqual: return 3
            case .and: return 2
            case .or: return 1
            }
        }
    }

    public indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        /// A context name such as `github` or `matrix`.
        case variable(String)
        /// `receiver.name`
        case property(Expr, String)
        /// `receiver[index]`
        case index(Expr, Expr)
        /// `receiver.*` or `receiver[*]`
        case filter(Expr)
        case call(String, [Expr])
        case not(Expr)
        case binary(BinaryOperator, Expr, Expr)
    }

    public var kind: Kind
    /// UTF-8 offset, in the expression text, of the node's own token: the literal, the context or
    /// function name, the property name after `.`, the `[` of an index, the `*` of a filter, the
    /// operator of `!` and of binary operations.
    public var offset: Int

    /// UTF-8 offset of the node's leftmost token.
    public var start: Int {
        switch kind {
        case .property(let receiver, _), .index(let receiver, _), .filter(let receiver): return receiver.start
        case .binary(_, let left, _): return left.start
        default: return offset
        }
    }

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public static func == (lhs: Expr, rhs: Expr) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.variable(a), .variable(b)): return a == b
        case let (.property(a, x), .property(b, y)): return x == y && a == b
        case let (.index(a, x), .index(b, y)): return a == b && x == y
        case let (.filter(a), .filter(b)): return a == b
        case let (.call(x, a), .call(y, b)): return x == y && a == b
        case let (.not(a), .not(b)): return a == b
        case let (.binary(o, a, x), .binary(p, b, y)): return o == p && a == b && x == y
        default: return false
        }
    }

    /// Canonical source text; parsing it gives back an equal expression.
    public var description: String { ExpressionPrinter.print(self) }

    /// The chain `github.event.issue.title` as lowercased names, when this node is a plain
    /// property chain rooted at a context (index with a string literal counts as a property;
    /// filters become `*`). Nil for anything else.
    public var propertyPath: [String]? {
        switch kind {
        case .variable(let name): return [name.lowercased()]
        case .property(let receiver, let name): return receiver.propertyPath.map { $0 + [name.lowercased()] }
        case .index(let receiver, let index):
            guard case .string(let name) = index.kind else { return nil }
            return receiver.propertyPath.map { $0 + [name.lowercased()] }
        case .filter(let receiver): return receiver.propertyPath.map { $0 + ["*"] }
        default: return nil
        }
    }

    /// Calls `visit` on this node and every node below it, parents first.
    public func walk(_ visit: (Expr) -> Void) {
        visit(self)
        switch kind {
        case .null, .bool, .number, .string, .variable: break
        case .property(let receiver, _), .filter(let receiver), .not(let receiver): receiver.walk(visit)
        case .index(let receiver, let index):
            receiver.walk(visit)
            index.walk(visit)
        case .call(_, let arguments): for argument in arguments { argument.walk(visit) }
        case .binary(_, let left, let right):
            left.walk(visit)
            right.walk(visit)
        }
    }
}

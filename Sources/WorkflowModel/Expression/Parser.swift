/// Recursive-descent parser for GitHub's expression language.
///
/// Precedence, loosest first: `||`, `&&`, `==` `!=`, `<` `<=` `>` `>=`, `!`, then postfix
/// property access, indexing and filters. Binary operators associate to the left.
public struct ExpressionParser {
    private var tokens: [ExpressionToken]
    private var position = 0
    private var depth = 0
    /// Deepest nesting accepted, so hostile input cannot exhaust the stack.
    public static let maximumDepth = 256

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    /// Parses a whole expression (the text between `${{` and `}}`, or a bare `if:` condition).
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expr {
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(text))
        if parser.current.kind == .end {
            throw ExpressionSyntaxError(offset: 0, message: "empty expression")
        }
        let expression = try parser.parseOr()
        if parser.current.kind != .end {
            throw ExpressionSyntaxError(offset: parser.current.offset, message: "unexpected \(describe(parser.current.kind)) after the end of the expression")
        }
        return expression
    }

    private var current: ExpressionToken { tokens[position] }

    private mutating func advance() -> ExpressionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func expect(_ kind: ExpressionToken.Kind, _ what: String) throws(ExpressionSyntaxError) {
        guard current.kind == kind else {
            throw ExpressionSyntaxError(offset: current.offset, message: "expected \(what) but found \(Self.describe(current.kind))")
        }
        _ = advance()
    }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Expr {
        try parseBinary(level: 1)
    }

    private static func binaryOperator(_ kind: ExpressionToken.Kind) -> Expr.BinaryOperator? {
        switch kind {
        case .or: return .or
        case .and: return .and
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    private mutating func parseBinary(level: Int) throws(ExpressionSyntaxError) -> Expr {
        if level > 4 { return try parseUnary() }
        var left = try parseBinary(level: level + 1)
        let outer = depth
        defer { depth = outer }
        while let op = Self.binaryOperator(current.kind), op.precedence == level {
            try nest()
            let at = advance().offset
            let right = try parseBinary(level: level + 1)
            left = Expr(.binary(op, left, right), at: at)
        }
        return left
    }

    private mutating func nest() throws(ExpressionSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw ExpressionSyntaxError(offset: current.offset, message: "expression nested deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expr {
        guard current.kind == .not else { return try parsePostfix() }
        let start = advance().offset
        try nest()
        defer { depth -= 1 }
        return Expr(.not(try parseUnary()), at: start)
    }

    private mutating func parsePostfix() throws(ExpressionSyntaxError) -> Expr {
        var expression = try parsePrimary()
        let outer = depth
        defer { depth = outer }
        while true {
            switch current.kind {
            case .dot:
                try nest()
                _ = advance()
                let token = advance()
                switch token.kind {
                case .identifier(let name): expression = Expr(.property(expression, name), at: token.offset)
                case .star: expression = Expr(.filter(expression), at: token.offset)
                default:
                    throw ExpressionSyntaxError(offset: token.offset, message: "expected a property name or \"*\" after \".\" but found \(Self.describe(token.kind))")
                }
            case .leftBracket:
                try nest()
                let bracket = advance().offset
                if current.kind == .star {
                    _ = advance()
                    try expect(.rightBracket, "\"]\"")
                    expression = Expr(.filter(expression), at: bracket)
                } else {
                    let index = try parseOr()
                    try expect(.rightBracket, "\"]\"")
                    expression = Expr(.index(expression, index), at: bracket)
                }
            default:
                return expression
            }
        }
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expr {
        let token = advance()
        switch token.kind {
        case .null: return Expr(.null, at: token.offset)
        case .true: return Expr(.bool(true), at: token.offset)
        case .false: return Expr(.bool(false), at: token.offset)
        case .number(let value): return Expr(.number(value), at: token.offset)
        case .string(let value): return Expr(.string(value), at: token.offset)
        case .identifier(let name):
            guard current.kind == .leftParen else { return Expr(.variable(name), at: token.offset) }
            _ = advance()
            try nest()
            defer { depth -= 1 }
            var arguments: [Expr] = []
            if current.kind != .rightParen {
                arguments.append(try parseOr())
                while current.kind == .comma {
                    _ = advance()
                    arguments.append(try parseOr())
                }
            }
            try expect(.rightParen, "\",\" or \")\" in the arguments of \(name)()")
            return Expr(.call(name, arguments), at: token.offset)
        case .leftParen:
            try nest()
            defer { depth -= 1 }
            let inner = try parseOr()
            try expect(.rightParen, "\")\"")
            return inner
        default:
            throw ExpressionSyntaxError(offset: token.offset, message: "unexpected \(Self.describe(token.kind)): expected a value, a context or a function call")
        }
    }

    static func describe(_ kind: ExpressionToken.Kind) -> String {
        switch kind {
        case .identifier(let name): return "\"\(name)\""
        case .string: return "a string"
        case .number: return "a number"
        case .null: return "null"
        case .true: return "true"
        case .false: return "false"
        case .leftParen: return "\"(\""
        case .rightParen: return "\")\""
        case .leftBracket: return "\"[\""
        case .rightBracket: return "\"]\""
        case .dot: return "\".\""
        case .comma: return "\",\""
        case .star: return "\"*\""
        case .not: return "\"!\""
        case .less: return "\"<\""
        case .lessEqual: return "\"<=\""
        case .greater: return "\">\""
        case .greaterEqual: return "\">=\""
        case .equal: return "\"==\""
        case .notEqual: return "\"!=\""
        case .and: return "\"&&\""
        case .or: return "\"||\""
        case .end: return "the end of the expression"
        }
    }
}

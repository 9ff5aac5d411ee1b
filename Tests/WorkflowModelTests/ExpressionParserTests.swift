import Testing
@testable import WorkflowModel

@Suite struct ExpressionParserTests {
    /// Source → canonical printed form (which shows how it was grouped).
    @Test(arguments: [
        ("a || b && c", "a || b && c"),
        ("(a || b) && c", "(a || b) && c"),
        ("a == b && c != d", "a == b && c != d"),
        ("a < b == c > d", "a < b == c > d"),
        ("(a == b) < c", "(a == b) < c"),
        ("!a == b", "!a == b"),
        ("!(a == b)", "!(a == b)"),
        ("a && b && c", "a && b && c"),
        ("a && (b && c)", "a && (b && c)"),
        ("github.event.issue.title", "github.event.issue.title"),
        ("github['event'].issue", "github['event'].issue"),
        ("github.event.pull_request.labels.*.name", "github.event.pull_request.labels.*.name"),
        ("x[*].y", "x.*.y"),
        ("contains( github.ref , 'refs/tags/' )", "contains(github.ref, 'refs/tags/')"),
        ("format('{0}''s', 'it')", "format('{0}''s', 'it')"),
        ("0xff == 255", "255 == 255"),
        ("1.5e3 > -2", "1500 > -2"),
        ("null != true && false", "null != true && false"),
        ("steps.build-1.outputs.x-y", "steps.build-1.outputs.x-y"),
        ("needs.a.outputs['my key']", "needs.a.outputs['my key']"),
        ("(!a).b", "(!a).b"),
        ("(1).b", "(1).b"),
        ("matrix.os\n  == 'linux'", "matrix.os == 'linux'"),
        ("always()", "always()"),
        ("Infinity > NaN", "Infinity > NaN"),
    ])
    func grouping(source: String, printed: String) throws {
        let expression = try ExpressionParser.parse(source)
        #expect(expression.description == printed)
        #expect(try ExpressionParser.parse(printed) == expression)
    }

    /// Source → UTF-8 offset of the syntax error.
    @Test(arguments: [
        ("", 0), ("a ||", 4), ("a = b", 2), ("a & b", 2), ("'open", 0), ("a.", 2), ("f(a", 3),
        ("a b", 2), ("(a", 2), ("a[1", 3), ("\"double\"", 0), ("1.2.3", 0), ("a + b", 2), ("- 1", 0),
        ("x == é", 5), ("f(,)", 2), ("a)", 1),
    ])
    func syntaxErrors(source: String, offset: Int) {
        #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parse(source) }
        do {
            _ = try ExpressionParser.parse(source)
        } catch {
            #expect(error.offset == offset, "\(source): \(error.message)")
        }
    }

    @Test func offsetsPointAtOwnTokens() throws {
        let expression = try ExpressionParser.parse("github.evnt == 'x'")
        guard case .binary(_, let left, let right) = expression.kind else { Issue.record("not binary"); return }
        #expect(expression.offset == 12)
        #expect(left.offset == 7)
        #expect(left.start == 0)
        #expect(right.offset == 15)
    }

    @Test func stringEscapes() throws {
        let expression = try ExpressionParser.parse("'it''s'")
        #expect(expression == Expr(.string("it's"), at: 0))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        for source in [String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000),
                       String(repeating: "!", count: 5000) + "a",
                       "a" + String(repeating: ".b", count: 5000),
                       Array(repeating: "a", count: 5000).joined(separator: " == ")] {
            #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parse(source) }
        }
    }

    /// Random strings over the language's alphabet never crash the lexer or parser, and whatever
    /// parses prints to text that parses back to the same tree.
    @Test func fuzzNeverCrashesAndRoundTrips() {
        var generator = SplitMix(seed: 0x5eed)
        let pieces = ["a", "github", ".", "*", "[", "]", "(", ")", "!", "==", "!=", "<", "<=", ">", ">=", "&&", "||",
                      ",", "'s'", "'it''s'", "1", "-2.5", "0x1F", "1e3", "null", "true", "false", " ", "contains",
                      "format", "'{0}'", "x-y", "_", "é", "\"", "=", "&", "|", "'", "NaN", "Infinity", "-"]
        var parsed = 0
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 12) + 1
            var source = ""
            for _ in 0..<count { source += pieces[Int(generator.next() % UInt64(pieces.count))] }
            guard let expression = try? ExpressionParser.parse(source) else { continue }
            parsed += 1
            let printed = expression.description
            #expect((try? ExpressionParser.parse(printed)) == expression, "\(source) → \(printed)")
            _ = ExpressionChecker.check(expression, in: ExpressionScope(site: .stepRun))
        }
        #expect(parsed > 500)
    }

    /// Random generated trees print to text that parses back to the same tree.
    @Test func generatedTreesRoundTrip() throws {
        var generator = SplitMix(seed: 42)
        for _ in 0..<3000 {
            let tree = randomExpr(&generator, depth: 4)
            #expect(try ExpressionParser.parse(tree.description) == tree, "\(tree)")
        }
    }

    private func randomExpr(_ generator: inout SplitMix, depth: Int) -> Expr {
        let choice = depth == 0 ? Int(generator.next() % 5) : Int(generator.next() % 11)
        switch choice {
        case 0: return Expr(.null, at: 0)
        case 1: return Expr(.bool(generator.next() % 2 == 0), at: 0)
        case 2: return Expr(.number([0, 1, -3, 2.5, 1e21, -0.125, 255][Int(generator.next() % 7)]), at: 0)
        case 3: return Expr(.string(["", "x", "it's", "{0}", "}}"][Int(generator.next() % 5)]), at: 0)
        case 4: return Expr(.variable(["github", "matrix", "env"][Int(generator.next() % 3)]), at: 0)
        case 5: return Expr(.property(randomExpr(&generator, depth: depth - 1), "p-1"), at: 0)
        case 6: return Expr(.index(randomExpr(&generator, depth: depth - 1), randomExpr(&generator, depth: depth - 1)), at: 0)
        case 7: return Expr(.filter(randomExpr(&generator, depth: depth - 1)), at: 0)
        case 8: return Expr(.call("f", (0..<Int(generator.next() % 3)).map { _ in randomExpr(&generator, depth: depth - 1) }), at: 0)
        case 9: return Expr(.not(randomExpr(&generator, depth: depth - 1)), at: 0)
        default:
            let op = Expr.BinaryOperator.allCases[Int(generator.next() % UInt64(Expr.BinaryOperator.allCases.count))]
            return Expr(.binary(op, randomExpr(&generator, depth: depth - 1), randomExpr(&generator, depth: depth - 1)), at: 0)
        }
    }
}

/// A small deterministic random generator, so fuzz failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import WorkflowModel

/// One `${{ }}` (or bare `if:` condition) of a workflow, parsed and checked once.
struct CheckedExpression: Sendable {
    let value: StringValue
    let site: ExpressionSite
    /// UTF-8 offset in `value.text` where the expression text starts.
    let base: Int
    /// Nil when the text does not parse.
    let expression: Expr?
    let type: ExprType
    /// Whether other text surrounds the `${{ }}` in the value.
    let isInterpolated: Bool

    /// The file position of UTF-8 `offset` of the expression text.
    func position(_ offset: Int) -> SourcePosition {
        let utf8 = value.text.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: min(base + offset, utf8.count))
        return value.position(of: index)
    }
}

/// Every expression of a workflow with its problems, computed once per file and shared by the
/// expression rules (each rule reports its own categories).
final class ExpressionAnalysis: Sendable {
    let expressions: [CheckedExpression]
    let problems: [(category: ExpressionProblem.Category, finding: Finding)]
    /// `if:` values with text outside `${{ }}`, and conditions whose value cannot change.
    let alwaysTrueConditions: [StringValue]
    let constantConditions: [(value: StringValue, expression: Expr)]

    /// The analysis of `workflow`, computed on first use and kept in the file's memo.
    static func of(_ workflow: Workflow, context: LintContext) -> ExpressionAnalysis {
        context.memo.value(for: "expressions") { ExpressionAnalysis(workflow: workflow) }
    }

    private init(workflow: Workflow) {
        var walker = ExpressionWalker(workflow: workflow)
        walker.walk()
        expressions = walker.checked
        problems = walker.problems
        alwaysTrueConditions = walker.alwaysTrue
        constantConditions = walker.constant
    }

    /// Findings of the given categories.
    func findings(_ categories: Set<ExpressionProblem.Category>) -> [Finding] {
        problems.filter { categories.contains($0.category) }.map(\.finding)
    }
}

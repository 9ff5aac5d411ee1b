import Testing
@testable import WorkflowModel

@Suite struct ExpressionCheckerTests {
    static let scope: ExpressionScope = {
        var types = ExpressionContexts.defaults
        types["needs"] = .strict(["build": ExpressionContexts.jobResult(outputs: ["version", "digest"])])
        types["steps"] = .strict(["cache": ExpressionContexts.step(outputs: ["cache-hit"]), "script": ExpressionContexts.step(outputs: nil)])
        types["matrix"] = .strict(["os": .string, "node": .number, "experimental": .bool])
        types["inputs"] = .strict(["dry-run": .bool, "target": .string])
        return ExpressionScope(site: .stepRun, types: types)
    }()

    /// Expression → expected (category, offset) problems; an empty list means it checks clean.
    @Test(arguments: [
        ("github.sha", []),
        ("github.SHA", []),
        ("github.shaa", [(ExpressionProblem.Category.github, 7)]),
        ("github.event.anything.deep", []),
        ("gihub.sha", [(.context, 0)]),
        ("needs.build.outputs.version", []),
        ("needs.build.result", []),
        ("needs.deploy.result", [(.needs, 6)]),
        ("needs.build.outputs.tag", [(.needs, 20)]),
        ("steps.cache.outputs.cache-hit", []),
        ("steps.cache.outputs.hit", [(.steps, 20)]),
        ("steps.script.outputs.anything", []),
        ("steps.later.outcome", [(.steps, 6)]),
        ("matrix.os", []),
        ("matrix.osx", [(.matrix, 7)]),
        ("inputs.dry-run && inputs.target", []),
        ("inputs.dryrun", [(.inputs, 7)]),
        ("runner.os == 'Linux'", []),
        ("runner.oss", [(.property, 7)]),
        ("strategy.job-index", []),
        ("job.status", []),
        ("secrets.ANY_NAME", []),
        ("env.ANY", []),
        ("vars.ANY", []),
        ("startsWith(github.ref, 'refs/tags/')", []),
        ("startswith(github.ref, 'v')", []),
        ("startsWith(github.ref)", [(.function, 0)]),
        ("startsWith(github.event, 'x')", [(.type, 11)]),
        ("contains(github.event.labels.*.name, 'bug')", []),
        ("contains(runner, 'x')", [(.type, 9)]),
        ("startWith(github.ref, 'v')", [(.function, 0)]),
        ("format('{0}-{1}', github.sha, runner.os)", []),
        ("format('{0}-{1}', github.sha)", [(.function, 7)]),
        ("format('{0}', github.sha, runner.os)", [(.function, 7)]),
        ("format('{0', github.sha)", [(.function, 7)]),
        ("format('{{literal}} {0}', 1)", []),
        ("join(github.event.labels.*.name, ', ')", []),
        ("join()", [(.function, 0)]),
        ("toJSON(github)", []),
        ("fromJSON(needs.build.outputs.version).x", []),
        ("hashFiles('**/go.sum', '**/go.mod')", []),
        ("hashFiles()", [(.function, 0)]),
        ("success()", [(.context, 0)]),
        ("success(1)", [(.context, 0), (.function, 0)]),
        ("github.sha.x", [(.type, 11)]),
        ("github.*", []),
        ("case(matrix.os == 'linux', 'l', 'o')", []),
        ("case(true, 1)", [(.function, 0)]),
    ] as [(String, [(ExpressionProblem.Category, Int)])])
    func problems(source: String, expected: [(ExpressionProblem.Category, Int)]) throws {
        let expression = try ExpressionParser.parse(source)
        let found = ExpressionChecker.check(expression, in: Self.scope).problems
        #expect(found.map { "\($0.category):\($0.offset)" } == expected.map { "\($0.0):\($0.1)" }, "\(found.map(\.message))")
    }

    /// Site → contexts that must and must not be accepted there.
    @Test(arguments: [
        (ExpressionSite.stepIf, "secrets.TOKEN", false),
        (.stepIf, "steps.cache.outcome", true),
        (.jobIf, "matrix.os", false),
        (.jobIf, "needs.build.result", true),
        (.runName, "env.X", false),
        (.runName, "inputs.target", true),
        (.jobRunsOn, "matrix.os", true),
        (.jobRunsOn, "runner.os", false),
        (.env, "secrets.X", true),
        (.workflowCallOutputValue, "jobs.build.outputs.x", true),
        (.jobOutputs, "steps.cache.outputs.cache-hit", true),
        (.jobStrategy, "matrix.os", false),
    ])
    func availability(site: ExpressionSite, source: String, accepted: Bool) throws {
        var scope = Self.scope
        scope.site = site
        scope.types["jobs"] = .map(ExpressionContexts.jobResult(outputs: nil))
        let problems = ExpressionChecker.check(try ExpressionParser.parse(source), in: scope).problems
        #expect(problems.isEmpty == accepted, "\(problems.map(\.message))")
    }

    @Test func statusFunctionsOnlyInConditions() throws {
        var scope = Self.scope
        scope.site = .stepIf
        #expect(ExpressionChecker.check(try ExpressionParser.parse("always() && hashFiles('x') != ''"), in: scope).problems.isEmpty)
        scope.site = .jobIf
        let problems = ExpressionChecker.check(try ExpressionParser.parse("hashFiles('x')"), in: scope).problems
        #expect(problems.map(\.category) == [.context])
    }

    @Test func suggestionsInMessages() throws {
        let messages = ExpressionChecker.check(try ExpressionParser.parse("github.head_rf == steps.cach.outcome"), in: Self.scope).problems.map(\.message)
        #expect(messages.contains { $0.contains("did you mean \"head_ref\"") })
        #expect(messages.contains { $0.contains("did you mean \"cache\"") })
    }

    @Test func filterMapsOverElements() throws {
        let scope = ExpressionScope(site: nil, types: ["needs": .strict(["a": ExpressionContexts.jobResult(outputs: ["x"])])])
        let result = ExpressionChecker.check(try ExpressionParser.parse("needs.*.result"), in: scope)
        #expect(result.type == .array(.string, filtered: true))
        #expect(result.problems.isEmpty)
    }

    @Test(arguments: [("true", true), ("1 == 1 && 'a'", true), ("github.ref == 'x'", false), ("always()", false), ("format('{0}', 1)", true)])
    func constantness(source: String, constant: Bool) throws {
        #expect(try ExpressionParser.parse(source).isConstant == constant)
    }

    @Test(arguments: [
        ("echo ${{ github.sha }}", [" github.sha "]),
        ("${{a}}${{ b }}", ["a", " b "]),
        ("${{ '}}' }} tail", [" '}}' "]),
        ("no expressions { } $ {{", []),
        ("${{ open", [" open"]),
    ])
    func embedded(text: String, inner: [String]) {
        #expect(EmbeddedExpressions.find(in: text).map(\.text) == inner)
        #expect(EmbeddedExpressions.mayContain(text) == !inner.isEmpty)
    }

    @Test func embeddedOffsets() {
        let found = EmbeddedExpressions.find(in: "é ${{ x }}")
        #expect(found.first?.start == 3)
        #expect(found.first?.innerStart == 6)
        #expect(found.first?.isClosed == true)
    }
}

import Foundation
import Testing
@testable import WorkflowModel

@Suite struct WorkflowModelTests {
    static let text = """
    name: CI
    on:
      push:
        branches: [main]
        paths-ignore: ["docs/**"]
      schedule:
        - cron: "0 3 * * *"
      workflow_dispatch:
        inputs:
          level: { type: choice, options: [debug, info], default: info, required: true }
    permissions: read-all
    jobs:
      build:
        runs-on: [self-hosted, linux]
        needs: [lint]
        strategy:
          matrix:
            node: [20, 22]
            include: [{node: 24, experimental: true}]
        steps:
          - id: greet
            run: |
              echo "hello ${{ matrix.node }}"
              echo "${{ github.ref }} and ${{ github.sha }}"
          - uses: actions/setup-node@v4
            with:
              node-version: ${{ matrix.node }}
            if: "${{ always() }}"
          - parallel:
              - run: make a
              - run: make b
      lint:
        uses: ./.github/workflows/lint.yml
        secrets: inherit
        with: { strict: true }
    """

    static func workflow() throws -> Workflow {
        let (parsed, _) = try Workflow.parse(text, file: "ci.yml")
        return try #require(parsed)
    }

    @Test func typedFieldsCarryPositions() throws {
        let workflow = try Self.workflow()
        #expect(workflow.name?.text == "CI")
        #expect(workflow.events.map(\.name.text) == ["push", "schedule", "workflow_dispatch"])
        #expect(workflow.events[0].filters.map(\.key.text) == ["branches", "paths-ignore"])
        #expect(workflow.events[1].crons.map(\.text) == ["0 3 * * *"])
        let input = try #require(workflow.events[2].inputs.first)
        #expect(input.options.map(\.text) == ["debug", "info"])
        #expect(input.required == true)
        #expect(workflow.permissions?.all?.text == "read-all")
        let build = try #require(workflow.job("build"))
        #expect(build.id.position == SourcePosition(line: 13, column: 3))
        #expect(build.runsOn?.labels.map(\.text) == ["self-hosted", "linux"])
        #expect(build.needs.map(\.text) == ["lint"])
        #expect(build.strategy?.matrix?.axes.map(\.key.text) == ["node"])
        #expect(build.steps.count == 4, "parallel groups are flattened")
        #expect(build.steps.map(\.index) == [0, 1, 2, 3])
        #expect(build.steps[1].with.first?.key.text == "node-version")
        let lint = try #require(workflow.job("lint"))
        #expect(lint.uses?.text == "./.github/workflows/lint.yml")
        #expect(lint.inheritsSecrets)
    }

    @Test func expressionsInsideLiteralBlocksPointAtTheirLine() throws {
        let run = try #require(try Self.workflow().job("build")?.steps[0].run)
        #expect(run.style == .literal)
        let positions = run.expressionOpenings.map(\.position)
        #expect(positions == [SourcePosition(line: 23, column: 23), SourcePosition(line: 24, column: 17), SourcePosition(line: 24, column: 39)])
        for position in positions {
            let line = try #require(run.source.line(position.line))
            #expect(line.unicodeScalars.dropFirst(position.column - 1).starts(with: "${{".unicodeScalars))
        }
    }

    @Test func expressionsInPlainAndQuotedScalarsPointAtTheirColumn() throws {
        let step = try #require(try Self.workflow().job("build")?.steps[1])
        let plain = try #require(step.with.first?.string)
        #expect(plain.expressionOpenings.map(\.position) == [SourcePosition(line: 27, column: 25)])
        let quoted = try #require(step.condition)
        #expect(quoted.style == .doubleQuoted)
        #expect(quoted.expressionOpenings.map(\.position) == [SourcePosition(line: 28, column: 14)])
    }

    @Test func foldedAndMultiLineScalarsAreFoundBySearch() throws {
        let text = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: >\n          first ${{ a }}\n          second ${{ b }}\n"
        let (parsed, _) = try Workflow.parse(text, file: "f.yml")
        let run = try #require(parsed?.jobs.first?.steps.first?.run)
        #expect(run.expressionOpenings.map(\.position) == [SourcePosition(line: 7, column: 17), SourcePosition(line: 8, column: 18)])
        #expect(run.style == .folded)
    }

    @Test func sourceTextLinesAndSuppressions() {
        let source = SourceText(file: "s.yml", text: "a: 1\r\nb: 2 # shipgate-disable-line needs, cron\n\nlast")
        #expect(source.lineCount == 4)
        #expect(source.line(1) == "a: 1")
        #expect(source.line(4) == "last")
        #expect(source.line(5) == nil)
        #expect(source.isSuppressed(line: 2, ruleID: "cron"))
        #expect(!source.isSuppressed(line: 2, ruleID: "matrix"))
        #expect(!source.isSuppressed(line: 1, ruleID: "cron"))
    }

    @Test func readTextNamesDirectoriesAndMissingFiles() throws {
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: Diagnostic.self) { try YAMLDocument.readText(path: directory) }
        do {
            _ = try YAMLDocument.readText(path: directory)
        } catch {
            #expect(error.message.contains("is a directory"))
        }
        do {
            _ = try YAMLDocument.readText(path: directory + "/no-such-file.yml")
        } catch {
            #expect(error.message.contains("no such file"))
        }
    }

    @Test func containsBytesFindsSubstrings() {
        #expect("run ${{ x }}".containsExpression)
        #expect(!"run $ {{ x }}".containsExpression)
        #expect("a/.github/workflows/b".containsBytes(of: ".github/workflows/"))
        #expect(!"ab".containsBytes(of: "abc"))
    }
}

import Foundation
import Testing
import Report
import WorkflowModel
@testable import Lint

/// The exact output of every renderer for the bad fixtures, held in golden files.
///
/// Re-record with `SHIPGATE_RECORD_GOLDEN=1 swift test --filter GoldenTests`: the recording run
/// writes the files and fails, so a recording can never pass silently.
@Suite struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let recording = ProcessInfo.processInfo.environment["SHIPGATE_RECORD_GOLDEN"] == "1"

    static let badFiles = ["bad/structure.yml", "bad/triggers.yml", "bad/jobs.yml", "bad/syntax.yml", "bad/action/action.yml"]

    static func report() -> LintReport {
        let targets = badFiles.map { LintTarget(path: fixtures.appendingPathComponent($0).path, displayPath: $0) }
        return Linter().lint(targets)
    }

    @Test(arguments: OutputFormat.allCases)
    func renderedOutputMatchesGolden(format: OutputFormat) throws {
        let report = Self.report()
        let context = RenderContext(sources: report.sources, rules: RuleRegistry.infos, terminal: Terminal(useColor: false))
        let output = format.renderer.render(report.diagnostics, context: context)
        let golden = Self.fixtures.appendingPathComponent("golden/bad.\(format.rawValue)")
        if Self.recording {
            try output.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden.lastPathComponent); run again without SHIPGATE_RECORD_GOLDEN to check it")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(output == expected, "output differs from \(golden.lastPathComponent); re-record with SHIPGATE_RECORD_GOLDEN=1 if the change is intended")
    }

    @Test func everyBadFixtureHasAnError() {
        let files = Set(Self.report().diagnostics.filter { $0.severity == .error }.map(\.file))
        #expect(files == Set(Self.badFiles))
    }

    @Test func sarifIsValidJSONWithRulesAndRegions() throws {
        let report = Self.report()
        let text = SARIFRenderer().render(report.diagnostics, context: RenderContext(sources: report.sources, rules: RuleRegistry.infos))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.ids)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.diagnostics.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
    }
}

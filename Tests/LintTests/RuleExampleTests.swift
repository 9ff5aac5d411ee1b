import Foundation
import Testing
import WorkflowModel
@testable import Lint

/// Runs every registered rule's own examples: triggering examples must report exactly at their
/// `↓` markers, non-triggering ones must report nothing.
@Suite struct RuleExampleTests {
    static let ruleIDs = RuleRegistry.ids

    @Test(arguments: ruleIDs)
    func examples(ruleID: String) throws {
        let rule = try #require(RuleRegistry.rule(ruleID))
        let description = rule.description
        #expect(!description.triggering.isEmpty, "rule \(ruleID) has no triggering example")
        #expect(!description.nonTriggering.isEmpty, "rule \(ruleID) has no non-triggering example")
        for example in description.triggering {
            let found = positions(of: ruleID, in: example)
            #expect(!example.markedPositions.isEmpty, "a triggering example needs a ↓ marker", sourceLocation: location(example))
            #expect(found == example.markedPositions, "\(ruleID): findings at \(found), markers at \(example.markedPositions); all: \(Self.lint(example).map(\.description))",
                    sourceLocation: location(example))
        }
        for example in description.nonTriggering {
            let found = Self.lint(example).filter { $0.ruleID == ruleID }
            #expect(found.isEmpty, "\(ruleID) reported on a non-triggering example: \(found.map(\.description))",
                    sourceLocation: location(example))
        }
    }

    @Test func registryHoldsEveryRuleFile() throws {
        let rulesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/Lint/Rules").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)
            .filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }.sorted()
        let registered = RuleRegistry.all.map { String(describing: type(of: $0)) }.sorted()
        #expect(files == registered, "every file in Sources/Lint/Rules must be one rule listed in RuleRegistry.all")
        #expect(Set(RuleRegistry.ids).count == RuleRegistry.ids.count, "rule ids must be unique")
        for id in RuleRegistry.ids {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }, "rule id \(id) must be kebab-case")
        }
    }

    private func positions(of ruleID: String, in example: Example) -> [SourcePosition] {
        Self.lint(example).filter { $0.ruleID == ruleID }.map(\.position)
    }

    static func lint(_ example: Example) -> [Diagnostic] {
        Linter().lint(text: example.cleanText, file: example.path, context: RuleCatalogue.exampleContext(example))
    }

    private func location(_ example: Example) -> SourceLocation {
        SourceLocation(fileID: "Lint/\((example.filePath as NSString).lastPathComponent)", filePath: example.filePath,
                       line: example.line, column: 1)
    }
}

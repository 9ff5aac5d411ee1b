import Foundation
import Testing
@testable import Lint

/// `docs/rules.md` is generated from the rules; this fails when the committed file is stale.
/// Regenerate with `shipgate rules --markdown > docs/rules.md` (or `SHIPGATE_RECORD_GOLDEN=1`,
/// which writes it and fails).
@Suite struct CatalogueTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/rules.md").standardized

    @Test func rulesDocumentIsCurrent() throws {
        let generated = RuleCatalogue.markdown()
        if ProcessInfo.processInfo.environment["SHIPGATE_RECORD_GOLDEN"] == "1" {
            try generated.write(to: Self.docs, atomically: true, encoding: .utf8)
            Issue.record("wrote docs/rules.md; run again without SHIPGATE_RECORD_GOLDEN to check it")
            return
        }
        let committed = try String(contentsOf: Self.docs, encoding: .utf8)
        #expect(committed == generated, "docs/rules.md is stale: run `shipgate rules --markdown > docs/rules.md`")
    }

    @Test func everyRuleIsInTheTableAndTheCatalogue() {
        let table = RuleCatalogue.table(), markdown = RuleCatalogue.markdown()
        for id in RuleRegistry.ids {
            #expect(table.contains(id))
            #expect(markdown.contains("\n## \(id)\n"))
        }
    }
}

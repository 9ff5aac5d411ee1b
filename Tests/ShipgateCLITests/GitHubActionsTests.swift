import Foundation
import TestSupport
import Testing

/// Under GitHub Actions: annotations, step summaries and outputs a later step can read.
@Suite struct GitHubActionsTests {
    @Test func lintAndPromoteWriteStepSummaryAndOutputs() throws {
        let repo = try GitFixture()
        try repo.commit("init", files: [
            "shipgate.yml": "stacks:\n  api:\n    path: stacks/api\n    suites:\n      unit: { run: \"true\", timeout: 1m }\n",
            "environments/development.yml": "name: development\nbranch: main\ngates:\n  suites: [unit]\n",
            "stacks/api/a.py": "x\n",
            ".github/workflows/ci.yml": "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: ghost\n    steps:\n      - run: echo\n",
        ])
        let summary = repo.path + "/../summary-\(UUID().uuidString).md"
        let outputs = repo.path + "/../outputs-\(UUID().uuidString).txt"
        FileManager.default.createFile(atPath: summary, contents: Data())
        FileManager.default.createFile(atPath: outputs, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: summary); try? FileManager.default.removeItem(atPath: outputs) }
        let actions = ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary, "GITHUB_OUTPUT": outputs]

        let lint = try ShipgateBinary.run(["lint"], in: repo.path, environment: actions)
        #expect(lint.status == 1)
        #expect(lint.stdout.hasPrefix("::error file=.github/workflows/ci.yml,line=6,"), "\(lint.stdout)")
        let lintSummary = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(lintSummary.contains("### shipgate lint"))
        #expect(lintSummary.contains("| needs | error | 1 |"))

        #expect(try ShipgateBinary.run(["test", "--record"], in: repo.path, environment: actions).status == 0)
        let promote = try ShipgateBinary.run(["promote", "--to", "development"], in: repo.path, environment: actions)
        #expect(promote.status == 0, "\(promote.stdout)\(promote.stderr)")
        let all = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(all.contains("| api | unit | ✔ passed"), "suite table")
        #expect(all.contains("### shipgate promote: main → development"))
        #expect(all.contains("| suites | pass |"))
        let written = try String(contentsOfFile: outputs, encoding: .utf8)
        #expect(written.contains("status=promoted\n"))
        #expect(written.contains("commit=\(try repo.git(["rev-parse", "HEAD"]))\n"))
    }
}

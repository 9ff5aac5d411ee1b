import Foundation
import TestSupport
import Testing

/// Promotion without `--now`: the real clock has sub-second precision, the manifest whole seconds.
@Suite struct PromotionSmokeTests {
    @Test func promoteAndHoldWithTheRealClock() throws {
        let repo = try GitFixture()
        try repo.commit("init", files: [
            "shipgate.yml": "stacks:\n  api:\n    path: stacks/api\n    suites:\n      unit: { run: \"true\", timeout: 1m }\n",
            "environments/development.yml": "name: development\nbranch: main\ngates:\n  suites: [unit]\n",
            "stacks/api/a.py": "x\n",
        ])
        #expect(try ShipgateBinary.run(["test", "--record"], in: repo.path).status == 0)
        let promote = try ShipgateBinary.run(["promote", "--to", "development"], in: repo.path)
        #expect(promote.status == 0, "\(promote.stdout)\(promote.stderr)")
        #expect(try repo.git(["log", "-1", "--format=%(trailers:key=Shipgate-Promote,valueonly)"]).contains("main -> development"))
        let hold = try ShipgateBinary.run(["env", "hold", "development", "--reason", "incident"], in: repo.path)
        #expect(hold.status == 0, "\(hold.stderr)")
        #expect(try repo.git(["status", "--porcelain"]) == "")
    }
}

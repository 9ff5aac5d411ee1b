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

    @Test func evidenceRecordedOnAPromotionCommitLandsOnTheBuild() throws {
        let repo = try GitFixture()
        let build = try repo.commit("init", files: [
            "shipgate.yml": "stacks:\n  api:\n    path: stacks/api\n    suites:\n      unit: { run: \"true\", timeout: 1m }\n",
            "environments/development.yml": "name: development\nbranch: main\ngates:\n  suites: [unit]\n",
            "stacks/api/a.py": "x\n",
        ])
        #expect(try ShipgateBinary.run(["test", "--record"], in: repo.path).status == 0)
        #expect(try ShipgateBinary.run(["promote", "--to", "development"], in: repo.path).status == 0)
        #expect(try repo.git(["rev-parse", "HEAD"]) != build, "HEAD is now the promotion record")
        let record = try ShipgateBinary.run(["test", "--record", "--env", "development"], in: repo.path)
        #expect(record.status == 0, "\(record.stderr)")
        let note = try repo.git(["notes", "--ref", "shipgate", "show", build])
        #expect(note.contains("\"env\":\"development\""))
        #expect(throws: FixtureError.self) { try repo.git(["notes", "--ref", "shipgate", "show", "HEAD"]) }
    }

    @Test func allZeroBaseSelectsEveryStack() throws {
        let repo = try GitFixture()
        try repo.commit("init", files: [
            "shipgate.yml": "stacks:\n  a:\n    path: a\n  b:\n    path: b\n",
            "a/x": "1", "b/y": "2",
        ])
        let output = try ShipgateBinary.run(["affected", "--base", String(repeating: "0", count: 40), "--format", "json"], in: repo.path)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("\"a\"") && output.stdout.contains("\"b\""))
    }
}

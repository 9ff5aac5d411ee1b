import Foundation
import GitKit
import Stacks
import Testing

/// The built `shipgate` binary in temporary repositories.
@Suite struct EndToEndTests {
    @Test func ctrlCStopsEverySuiteAndStillPrintsTheSummary() async throws {
        let repo = try TempRepo([
            "shipgate.yml": """
            stacks:
              app:
                path: app
                suites:
                  one: { run: "echo $$ > ../one.pid; sleep 30", timeout: 1m }
                  two: { run: "sleep 30 & echo $! > ../two.pid; wait", timeout: 1m }
                  three: { run: "true", timeout: 1m }
            """,
            "app/x": "x",
        ])
        defer { repo.remove() }
        try repo.commit()
        let runner = try startShipgate(["test", "-j", "2", "--grace", "0.5"], in: repo.root)
        let deadline = Date().addingTimeInterval(10)
        while !(FileManager.default.fileExists(atPath: repo.root + "/one.pid") && FileManager.default.fileExists(atPath: repo.root + "/two.pid")),
              Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(50))
        kill(runner.pid, SIGINT)
        let result = try await runner.wait()
        #expect(result.status == 1)
        #expect(result.output.contains("interrupted"))
        #expect(result.output.contains("not run"))
        for name in ["one", "two"] {
            let pid = Int32(try String(contentsOfFile: repo.root + "/\(name).pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
            #expect(!isAlive(pid), "\(name) (\(pid)) survived Ctrl-C")
        }
    }

    @Test func hugeBinaryOutputKeepsMemoryBounded() async throws {
        let repo = try TempRepo([
            "shipgate.yml": "stacks:\n  app:\n    path: app\n    suites:\n      noisy: { run: 'head -c 209715200 /dev/urandom', timeout: 1m }\n",
            "app/x": "x",
        ])
        defer { repo.remove() }
        try repo.commit()
        let runner = try startShipgate(["test", "-v"], in: repo.root, outputPath: "/dev/null")
        var peak = 0
        while let sample = runner.peakMemoryKB() {
            peak = max(peak, sample)
            try await Task.sleep(for: .milliseconds(20))
        }
        let result = try await runner.wait()
        #expect(result.status == 0)
        let size = try FileManager.default.attributesOfItem(atPath: repo.root + "/.shipgate/logs/app.noisy.log")[.size] as? Int
        #expect(size == 209_715_200)
        #expect(peak > 0 && peak < 100_000, "peak RSS \(peak) kB")
        print("runner peak RSS with 200 MB of output: \(peak) kB")
    }

    @Test func junitEnvironmentGitHubAndMergedReport() async throws {
        let repo = try TempRepo([
            "shipgate.yml": """
            stacks:
              py:
                path: stacks/py
                suites:
                  unit: { run: "mkdir -p reports && cp \(fixture("pytest-junit.xml")) reports/unit.xml; exit 1", junit: reports/unit.xml }
              swift:
                path: stacks/swift
                suites:
                  unit: { run: "cp \(fixture("xctest-xunit.xml")) xunit.xml; echo env=$SHIPGATE_ENV host=$DB_HOST", junit: xunit.xml }
                  stale: { run: "true", junit: old.xml }
            """,
            "stacks/py/x": "x", "stacks/swift/old.xml": "<testsuites/>",
            "environments/staging.yml": "name: staging\npromotes_from: development\nvariables:\n  DB_HOST: db.staging\ngates: { soak: 1h }\n",
        ])
        defer { repo.remove() }
        try repo.commit()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: repo.root + "/stacks/swift/old.xml")
        let summary = repo.root + "/.git/step-summary"
        FileManager.default.createFile(atPath: summary, contents: nil)
        let result = try await runShipgate(["test", "--env", "staging", "--junit-out", "merged.xml", "-j", "1"], in: repo.root,
                                     environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary])
        #expect(result.status == 1)
        #expect(result.output.contains("::group::"))
        #expect(result.output.contains("env=staging host=db.staging"))
        #expect(result.output.contains("py/unit: failed test test_sample.test_fails"))
        #expect(result.output.contains("swift/unit: failed test SampleTests.SampleTests.testFailsOnPurpose"))
        #expect(result.output.contains("stacks/swift/old.xml is older than this run"))
        #expect(result.output.contains("2 passed, 2 failed, 1 skipped"))
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(markdown.contains("| py | unit | ✘ failed (exit 1) | 2 passed, 2 failed, 1 skipped |"))
        let merged = try JUnitReport.load(path: repo.root + "/merged.xml")
        #expect(merged.tests == 5 + 4 + 1)
        #expect(merged.failures == 2 + 1)
        let json = try await runShipgate(["test", "--stack", "swift", "--suite", "unit", "--format", "json"], in: repo.root)
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(object?["passed"] as? Bool == false)
        let first = (object?["results"] as? [[String: Any]])?.first
        #expect(first?["failed_tests"] as? [String] == ["SampleTests.SampleTests.testFailsOnPurpose"])
        #expect(first?["tests"] as? Int == 4)
        let unknown = try await runShipgate(["test", "--env", "stagin"], in: repo.root)
        #expect(unknown.status == 2)
        #expect(unknown.output.contains("did you mean \"staging\""))
    }

    @Test func configurationErrorsNameTheLine() async throws {
        let repo = try TempRepo(["shipgate.yml": "stacks:\n  app:\n    path: app\n    suites:\n      unit: { rnu: x }\n", "app/x": "x"])
        defer { repo.remove() }
        let result = try await runShipgate(["stacks"], in: repo.root)
        #expect(result.status == 2)
        #expect(result.output.hasPrefix("shipgate.yml:5:15: unknown key \"rnu\""))
        #expect(result.output.contains("did you mean \"run\""))
    }
}

import Foundation
import GitKit
import Stacks
import Testing

@Suite struct EvidenceTests {
    static func repo() throws -> TempRepo {
        let repo = try TempRepo([
            "shipgate.yml": "stacks:\n  app:\n    path: app\n    suites:\n      unit: { run: 'true' }\n      it: { run: 'exit 4' }\n",
            "app/x": "x",
        ])
        try repo.commit()
        return repo
    }

    @Test func recordsMergeWithExistingNotesAndVerify() async throws {
        let repo = try Self.repo()
        defer { repo.remove() }
        try repo.git("notes", "--ref", "shipgate", "add", "-m", "{\"kind\":\"approval\",\"by\":\"someone\"}", "HEAD")
        let result = try await runShipgate(["test", "--record"], in: repo.root, environment: ["SHIPGATE_EVIDENCE_KEY": "secret"])
        #expect(result.status == 1)
        #expect(!result.output.contains("uncommitted"))
        let note = try repo.git("notes", "--ref", "shipgate", "show", "HEAD").split(separator: "\n").map(String.init)
        #expect(note.count == 3)
        #expect(note[0] == "{\"kind\":\"approval\",\"by\":\"someone\"}")
        let repository = try Repository.open(at: repo.root)
        let head = try repository.resolve("HEAD")
        let records = try EvidenceStore.records(for: head, in: repository)
        #expect(records.map(\.suite).sorted() == ["it", "unit"])
        #expect(records.first { $0.suite == "it" }?.result == .failed)
        #expect(records.allSatisfy { $0.build == head.hex && $0.hasValidSignature(key: "secret") })
        let verified = try await runShipgate(["evidence", "verify"], in: repo.root, environment: ["SHIPGATE_EVIDENCE_KEY": "secret"])
        #expect(verified.status == 0)
        #expect(verified.output.contains("2 evidence line(s) checked"))
        let wrongKey = try await runShipgate(["evidence", "verify"], in: repo.root, environment: ["SHIPGATE_EVIDENCE_KEY": "other"])
        #expect(wrongKey.status == 1)
        let shown = try await runShipgate(["evidence", "show", "--format", "json"], in: repo.root)
        let decoded = try JSONDecoder().decode([EvidenceRecord].self, from: Data(shown.output.utf8))
        #expect(decoded == records)
    }

    @Test func tamperedAndUnsignedLinesAreReported() async throws {
        let repo = try Self.repo()
        defer { repo.remove() }
        try repo.write(["app/dirty": "uncommitted"])
        let result = try await runShipgate(["test", "--record", "--suite", "it"], in: repo.root, environment: ["SHIPGATE_EVIDENCE_KEY": "secret"])
        #expect(result.output.contains("uncommitted changes"))
        let signed = try repo.git("notes", "--ref", "shipgate", "show", "HEAD").trimmingCharacters(in: .newlines)
        let tampered = signed.replacingOccurrences(of: "\"result\":\"failed\"", with: "\"result\":\"passed\"")
        #expect(tampered != signed)
        let unsigned = EvidenceRecord(stack: "app", suite: "unit", env: nil, result: .passed, duration: 1, runner: "r",
                                      time: "2026-01-01T00:00:00Z", build: String(repeating: "0", count: 40)).line(signingKey: nil)
        try repo.git("notes", "--ref", "shipgate", "add", "-f", "-m", signed + "\n" + tampered + "\n" + unsigned, "HEAD")
        let repository = try Repository.open(at: repo.root)
        let (checked, problems) = try EvidenceStore.verify(build: try repository.resolve("HEAD"), in: repository, key: "secret")
        #expect(checked == 3)
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems[0].reason.hasPrefix("bad signature"))
        #expect(problems[1].reason == "missing signature")
        let verified = try await runShipgate(["evidence", "verify", "HEAD"], in: repo.root, environment: ["SHIPGATE_EVIDENCE_KEY": "secret"])
        #expect(verified.status == 1)
        #expect(verified.output.contains("line 2: bad signature"))
    }

    @Test func linesRoundTrip() async throws {
        let build = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        let report = RunReport(results: [
            SuiteResult(stack: "s", suite: "unit", status: .passed, duration: 1.23456, logPath: "l"),
            SuiteResult(stack: "s", suite: "it", status: .notRun, duration: 0, logPath: "l"),
        ], interrupted: false, duration: 2)
        let lines = EvidenceStore.lines(for: report, build: build, environment: "staging", runner: "ci-1",
                                        time: Date(timeIntervalSince1970: 0), signingKey: "k")
        #expect(lines.count == 1)
        let record = try #require(EvidenceRecord.parse(line: lines[0]))
        #expect(record.env == "staging" && record.duration == 1.235 && record.time == "1970-01-01T00:00:00Z" && record.build == build.hex)
        #expect(record.hasValidSignature(key: "k"))
        #expect(!record.hasValidSignature(key: "K"))
    }
}

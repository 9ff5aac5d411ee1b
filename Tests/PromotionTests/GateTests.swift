import Foundation
import GitKit
import Stacks
import Testing
@testable import Promotion

/// Every gate's pass and fail, evaluated in process against temporary repositories with `now` injected.
@Suite struct GateTests {
    static let chain = [
        "development": "branch: main\ntags: [\"v*\"]\n",
        "staging": "promotes_from: development\nbranch: main\ngates:\n  suites: [unit]\n  soak: 24h\n",
        "production": """
            promotes_from: staging
            branch: main
            gates:
              approvals: { count: 2, from: [alice, bob, carol, dave], not_author: true }
              freeze: [ { weekly: "Sat 00:00 - Mon 00:00", tz: UTC } ]

            """,
    ]
    // 2026-03-02 is a Monday.
    static let t0 = Timestamp.parse("2026-03-02T10:00:00Z")!

    let fixture: Fixture
    let build: ObjectID

    init() throws {
        fixture = try Fixture(environments: GateTests.chain)
        try fixture.write("app.txt", "v1\n")
        build = try fixture.commitAll("feature one", author: "alice")
    }

    func promoter(_ project: ProjectConfig? = nil) throws -> Promoter {
        Promoter(repository: try fixture.repository(), project: project)
    }

    func request(_ target: String, build: String? = nil, dryRun: Bool = true, rollback: Bool = false, at now: Date,
                 key: String? = nil) -> PromotionRequest {
        PromotionRequest(target: target, build: build, dryRun: dryRun, rollback: rollback, actor: "releaser", now: now, evidenceKey: key)
    }

    func gate(_ name: String, _ outcome: PromotionOutcome) -> GateResult? {
        outcome.gates.first { $0.gate == name }
    }

    @discardableResult
    func promote(_ target: String, build: String? = nil, rollback: Bool = false, at now: Date) throws -> PromotionOutcome {
        let outcome = try promoter().promote(request(target, build: build, dryRun: false, rollback: rollback, at: now))
        #expect(outcome.status == .promoted, "\(outcome.failedGates)")
        return outcome
    }

    func passUnit(env: String, result: EvidenceRecord.Result = .passed, time: String = "2026-03-02T11:00:00Z", key: String? = nil) throws {
        let record = EvidenceRecord(stack: "app", suite: "unit", env: env, result: result, tests: 4, failures: result == .passed ? 0 : 1,
                                    duration: 1, runner: "ci", time: time, build: build.hex)
        try EvidenceStore.append(lines: [record.line(signingKey: key)], to: build, in: try fixture.repository())
    }

    func approve(_ who: String, env: String = "production") throws {
        try fixture.repository().appendNote(on: build, notesRef: EvidenceStore.notesRef,
                                            lines: [ApprovalRecord(by: who, env: env, time: GateTests.t0, build: build).line])
    }

    func toStaging() throws {
        try promote("development", at: GateTests.t0)
        try passUnit(env: "development")
        try promote("staging", at: GateTests.t0.addingTimeInterval(86400))
    }

    @Test func soakBoundaryToTheSecond() throws {
        try promote("development", at: GateTests.t0)
        let early = try promoter().promote(request("staging", at: GateTests.t0.addingTimeInterval(86399)))
        #expect(gate("soak", early)?.status == .fail)
        #expect(gate("soak", early)?.reason.contains("wait until 2026-03-03T10:00:00Z") == true)
        let onTime = try promoter().promote(request("staging", at: GateTests.t0.addingTimeInterval(86400)))
        #expect(gate("soak", onTime)?.status == .pass)
    }

    @Test func suitesNeedPassingEvidenceFromTheSourceEnvironment() throws {
        try promote("development", at: GateTests.t0)
        let later = GateTests.t0.addingTimeInterval(90000)
        #expect(gate("suites", try promoter().promote(request("staging", at: later)))?.reason.contains("no evidence") == true)
        try passUnit(env: "staging")
        #expect(gate("suites", try promoter().promote(request("staging", at: later)))?.status == .fail)
        try passUnit(env: "development")
        #expect(gate("suites", try promoter().promote(request("staging", at: later)))?.status == .pass)
        try passUnit(env: "development", result: .failed, time: "2026-03-02T12:00:00Z")
        let failed = try promoter().promote(request("staging", at: later))
        #expect(gate("suites", failed)?.status == .fail)
        #expect(gate("suites", failed)?.reason.contains("failed at 2026-03-02T12:00:00Z (1 of 4 failed)") == true)
    }

    @Test func signedEvidenceIsRequiredWhenTheManifestSaysSo() throws {
        try fixture.write("environments/staging.yml", "promotes_from: development\nbranch: main\ngates:\n  suites: [unit]\n  require_signed: true\n")
        try fixture.commitAll("require signed evidence")
        try promote("development", build: build.hex, at: GateTests.t0)
        try passUnit(env: "development")
        #expect(gate("suites", try promoter().promote(request("staging", at: GateTests.t0, key: "k")))?.reason.contains("no validly signed") == true)
        #expect(gate("suites", try promoter().promote(request("staging", at: GateTests.t0)))?.reason.contains("SHIPGATE_EVIDENCE_KEY") == true)
        try passUnit(env: "development", time: "2026-03-02T11:30:00Z", key: "wrong")
        #expect(gate("suites", try promoter().promote(request("staging", at: GateTests.t0, key: "k")))?.status == .fail)
        try passUnit(env: "development", time: "2026-03-02T11:45:00Z", key: "k")
        #expect(gate("suites", try promoter().promote(request("staging", at: GateTests.t0, key: "k")))?.status == .pass)
    }

    @Test func suitesArePerStackWhenTheProjectDeclaresStacks() throws {
        let project = ProjectConfig(file: "shipgate.yml", stacks: [
            Stack(name: "app", path: "app", suites: [Suite(name: "unit", run: "true")]),
            Stack(name: "db", path: "db", suites: [Suite(name: "unit", run: "true")]),
            Stack(name: "docs", path: "docs"),
        ])
        let promoter = try promoter(project)
        _ = try promoter.promote(request("development", dryRun: false, at: GateTests.t0))
        try passUnit(env: "development")
        let whole = try promoter.promote(request("staging", at: GateTests.t0.addingTimeInterval(90000)))
        #expect(gate("suites", whole)?.status == .fail)
        #expect(gate("suites", whole)?.reason.contains("db/unit has no evidence") == true)
        var onlyApp = request("staging", at: GateTests.t0.addingTimeInterval(90000))
        onlyApp.stacks = ["app"]
        #expect(gate("suites", try promoter.promote(onlyApp))?.status == .pass)
        onlyApp.stacks = ["ap"]
        #expect(throws: (any Error).self) { try promoter.promote(onlyApp) }
    }

    @Test func approvalsCountDistinctAllowedPeopleButNotTheAuthor() throws {
        try toStaging()
        let now = GateTests.t0.addingTimeInterval(2 * 86400)
        try approve("alice")
        try approve("bob")
        try approve("mallory")
        let blocked = try promoter().promote(request("production", at: now))
        #expect(gate("approvals", blocked)?.status == .fail)
        #expect(gate("approvals", blocked)?.reason.contains("1 of 2") == true)
        #expect(gate("approvals", blocked)?.reason.contains("alice (authored the build)") == true)
        #expect(gate("approvals", blocked)?.reason.contains("mallory (not an allowed approver)") == true)
        try approve("BOB")
        try approve("carol", env: "staging")
        #expect(gate("approvals", try promoter().promote(request("production", at: now)))?.status == .fail)
        try approve("carol")
        #expect(gate("approvals", try promoter().promote(request("production", at: now)))?.status == .pass)
    }

    @Test func freezeBlocksInsideTheWindow() throws {
        try toStaging()
        try approve("bob"); try approve("carol")
        let saturday = Timestamp.parse("2026-03-07T12:00:00Z")!
        let frozen = try promoter().promote(request("production", at: saturday))
        #expect(gate("freeze", frozen)?.status == .fail)
        #expect(gate("freeze", frozen)?.reason.contains("Sat 00:00 - Mon 00:00 UTC") == true)
        let monday = Timestamp.parse("2026-03-09T00:00:00Z")!
        #expect(gate("freeze", try promoter().promote(request("production", at: monday)))?.status == .pass)
    }

    @Test func branchPolicyAcceptsBranchOrMatchingTag() throws {
        try fixture.git("checkout", "-q", "-b", "side")
        try fixture.write("side.txt", "x\n")
        let side = try fixture.commitAll("side work")
        try fixture.git("checkout", "-q", "main")
        let refused = try promoter().promote(request("development", build: side.hex, at: GateTests.t0))
        #expect(gate("branch", refused)?.status == .fail)
        #expect(gate("branch", refused)?.reason.contains("not on main nor tagged v*") == true)
        try fixture.git("tag", "v1.0", side.hex)
        #expect(gate("branch", try promoter().promote(request("development", build: side.hex, at: GateTests.t0)))?.reason == "\(side.short) is tagged v1.0")
        try fixture.git("tag", "nightly", side.hex)
        try fixture.git("tag", "-d", "v1.0")
        #expect(gate("branch", try promoter().promote(request("development", build: side.hex, at: GateTests.t0)))?.status == .fail)
    }

    @Test func orderAndSameBuildRefuseABuildThatSkipsAStage() throws {
        try toStaging()
        try fixture.write("app.txt", "v2\n")
        let newer = try fixture.commitAll("feature two")
        let skip = try promoter().promote(request("production", build: newer.hex, at: GateTests.t0.addingTimeInterval(3 * 86400)))
        #expect(gate("order", skip)?.status == .fail)
        #expect(gate("same-build", skip)?.status == .fail)
        #expect(gate("same-build", skip)?.reason.contains("staging runs \(build.short)") == true)
        let normal = try promoter().promote(request("production", at: GateTests.t0.addingTimeInterval(3 * 86400)))
        #expect(gate("order", normal)?.status == .pass)
        #expect(gate("same-build", normal)?.status == .pass)
    }

    @Test func noDowngradeUnlessRollingBackToAnEarlierBuild() throws {
        try promote("development", at: GateTests.t0)
        try fixture.write("app.txt", "v2\n")
        let newer = try fixture.commitAll("feature two")
        try promote("development", build: newer.hex, at: GateTests.t0)
        let downgrade = try promoter().promote(request("development", build: build.hex, at: GateTests.t0))
        #expect(gate("no-downgrade", downgrade)?.status == .fail)
        #expect(gate("no-downgrade", downgrade)?.reason.contains("--rollback") == true)
        let rollback = try promoter().promote(request("development", build: build.hex, rollback: true, at: GateTests.t0))
        #expect(gate("no-downgrade", rollback)?.status == .pass)
        try fixture.git("checkout", "-q", "-b", "other", "HEAD~3")
        let stranger = try fixture.commitAll("never deployed")
        try fixture.git("checkout", "-q", "main")
        let never = try promoter().promote(request("development", build: stranger.hex, rollback: true, at: GateTests.t0))
        #expect(gate("no-downgrade", never)?.reason.contains("never ran") == true)
    }

    @Test func rollbackMarksTheBuildBadUntilCleared() throws {
        try promote("development", at: GateTests.t0)
        try fixture.write("app.txt", "v2\n")
        let newer = try fixture.commitAll("feature two")
        try promote("development", build: newer.hex, at: GateTests.t0)
        try promote("development", rollback: true, at: GateTests.t0)
        #expect(try BuildLedger.read(newer, in: fixture.repository()).badMark?.env == "development")
        let again = try promoter().promote(request("development", build: newer.hex, at: GateTests.t0))
        #expect(gate("bad-build", again)?.status == .fail)
        #expect(gate("bad-build", again)?.reason.contains("shipgate env release development --build \(newer.short)") == true)
        let holds = Holds(repository: try fixture.repository(), project: nil)
        #expect(try holds.clearBadMark(newer.hex, environment: "development", by: "ops") == .markCleared(newer))
        #expect(gate("bad-build", try promoter().promote(request("development", build: newer.hex, at: GateTests.t0)))?.status == .pass)
    }

    @Test func holdRefusesEveryPromotionUntilReleased() throws {
        let holds = Holds(repository: try fixture.repository(), project: nil)
        guard case .held = try holds.hold("development", reason: "incident 42", by: "ops", now: GateTests.t0) else {
            Issue.record("not held"); return
        }
        let held = try promoter().promote(request("development", at: GateTests.t0))
        #expect(gate("hold", held)?.status == .fail)
        #expect(gate("hold", held)?.reason.contains("\"incident 42\"") == true)
        #expect(try fixture.git("status", "--porcelain") == "")
        guard case .released = try holds.release("development", by: "ops") else { Issue.record("not released"); return }
        #expect(gate("hold", try promoter().promote(request("development", at: GateTests.t0)))?.status == .pass)
        #expect(try fixture.read("environments/development.yml") == GateTests.chain["development"])
    }

    @Test func cleanWorkTreeIsRequired() throws {
        try fixture.write("app.txt", "edited\n")
        let dirty = try promoter().promote(request("development", at: GateTests.t0))
        #expect(gate("clean-tree", dirty)?.status == .fail)
        #expect(gate("clean-tree", dirty)?.reason.contains("app.txt") == true)
        try fixture.git("checkout", "app.txt")
        try fixture.write("untracked.txt", "x\n")
        #expect(gate("clean-tree", try promoter().promote(request("development", at: GateTests.t0)))?.status == .pass)
    }
}

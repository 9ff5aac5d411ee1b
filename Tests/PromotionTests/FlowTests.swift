import Foundation
import GitKit
import Stacks
import Testing
@testable import Promotion

/// Whole promotion flows through the built `shipgate` binary in temporary repositories.
@Suite struct FlowTests {
    let t0 = "2026-03-02T10:00:00Z"

    @Test func developmentToStagingToProductionThroughSoakAndApprovals() throws {
        let fixture = try Fixture()
        try fixture.write("app.txt", "v1\n")
        let build = try fixture.commitAll("feature one", author: "alice")

        #expect(try fixture.shipgate("promote", "--to", "development", "--by", "rel", "--now", t0).status == 0)
        let early = try fixture.shipgate("promote", "--to", "staging", "--by", "rel", "--now", "2026-03-02T11:00:00Z")
        #expect(early.status == 1)
        #expect(early.stdout.contains("soak          FAIL"))
        #expect(early.stdout.contains("blocked by 1 gate: soak"))
        #expect(try fixture.shipgate("promote", "--to", "staging", "--by", "rel", "--now", "2026-03-03T10:00:00Z").status == 0)

        let unapproved = try fixture.shipgate("promote", "--to", "production", "--by", "rel", "--now", "2026-03-03T11:00:00Z")
        #expect(unapproved.status == 1)
        #expect(unapproved.stdout.contains("approvals     FAIL     0 of 1 approvals"))
        let own = try fixture.shipgate("approve", "--env", "production", "--by", "alice")
        #expect(own.status == 1)
        #expect(own.stderr.contains("authored the build"))
        #expect(try BuildLedger.read(build, in: fixture.repository()).approvals.isEmpty)
        #expect(try fixture.shipgate("approve", "--env", "production", "--by", "bob").status == 0)

        let human = try fixture.read("environments/production.yml")
        let before = try fixture.git("rev-parse", "main")
        let promoted = try fixture.shipgate("promote", "--to", "production", "--by", "rel", "--now", "2026-03-03T11:00:00Z")
        #expect(promoted.status == 0, "\(promoted.stdout)\(promoted.stderr)")
        #expect(try fixture.git("status", "--porcelain") == "")
        #expect(try fixture.git("rev-parse", "main~1") == before)
        #expect(try fixture.git("show", "--name-only", "--format=", "main") == "environments/production.yml")
        let message = try fixture.git("log", "-1", "--format=%B")
        #expect(message.contains("Shipgate-Promote: staging -> production"))
        #expect(message.contains("Shipgate-Build: \(build.hex)"))
        let manifest = try fixture.read("environments/production.yml")
        #expect(manifest.hasPrefix(human))
        #expect(manifest.contains("  build: \(build.hex)\n  at: 2026-03-03T11:00:00Z\n  by: rel\n"))

        let again = try fixture.shipgate("promote", "--to", "production", "--now", "2026-03-03T12:00:00Z")
        #expect(again.status == 0)
        #expect(again.stdout.contains("already runs"))
        #expect(try fixture.git("rev-parse", "main~1") == before)

        let history = try fixture.shipgate("env", "history", "production")
        #expect(history.status == 0)
        #expect(history.stdout.contains("rel  staging  \(build.short)"))
        let list = try fixture.shipgate("env", "list", "--now", "2026-03-03T12:00:00Z")
        #expect(list.stdout.contains("production   staging      \(build.short)  1h   rel  up to date"), "\(list.stdout)")
    }

    @Test func environmentDiffListsCommitsAndAuthors() throws {
        let fixture = try Fixture()
        try fixture.write("app.txt", "v1\n")
        let first = try fixture.commitAll("feature one")
        #expect(try fixture.shipgate("promote", "--to", "development", "--now", t0).status == 0)
        #expect(try fixture.shipgate("promote", "--to", "staging", "--now", "2026-03-04T10:00:00Z").status == 0)
        try fixture.write("app.txt", "v2\n")
        let second = try fixture.commitAll("feature two", author: "carol")
        #expect(try fixture.shipgate("promote", "--to", "development", "--now", t0).status == 0)
        let diff = try fixture.shipgate("env", "diff", "development", "staging")
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("development runs \(second.short), staging runs \(first.short)"))
        #expect(diff.stdout.contains("in development, not in staging (1):"))
        #expect(diff.stdout.contains("\(second.short)  carol   feature two"), "\(diff.stdout)")
        let history = try fixture.shipgate("env", "history", "development", "--format", "json")
        let entries = try JSONDecoder().decode([[String: AnyCodable]].self, from: Data(history.stdout.utf8))
        #expect(entries.map { $0["build"]?.text } == [second.hex, first.hex])
    }

    @Test func rollbackDowngradeAndBadMark() throws {
        let fixture = try Fixture()
        try fixture.write("app.txt", "v1\n")
        let good = try fixture.commitAll("good")
        #expect(try fixture.shipgate("promote", "--to", "development", "--now", t0).status == 0)
        try fixture.write("app.txt", "v2\n")
        let bad = try fixture.commitAll("bad")
        #expect(try fixture.shipgate("promote", "--to", "development", "--now", t0).status == 0)

        let downgrade = try fixture.shipgate("promote", "--to", "development", "--build", good.hex, "--now", t0)
        #expect(downgrade.status == 1)
        #expect(downgrade.stdout.contains("no-downgrade  FAIL"))
        let rollback = try fixture.shipgate("promote", "--to", "development", "--rollback", "--by", "ops", "--now", t0)
        #expect(rollback.status == 0, "\(rollback.stdout)\(rollback.stderr)")
        #expect(try fixture.git("log", "-1", "--format=%B").contains("Shipgate-Rollback-From: \(bad.hex)"))
        #expect(try fixture.read("environments/development.yml").contains("build: \(good.hex)"))
        let refused = try fixture.shipgate("promote", "--to", "development", "--build", bad.hex, "--now", t0)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("bad-build     FAIL"))
        #expect(try fixture.shipgate("env", "release", "development", "--build", bad.short, "--by", "ops").status == 0)
        #expect(try fixture.shipgate("promote", "--to", "development", "--build", bad.hex, "--now", t0).status == 0)
        let history = try fixture.shipgate("env", "history", "development").stdout
        #expect(history.contains("rollback from \(bad.short)"))
    }

    @Test func holdAndReleaseThroughTheBinary() throws {
        let fixture = try Fixture()
        let hold = try fixture.shipgate("env", "hold", "staging", "--reason", "db migration running", "--by", "ops", "--now", t0)
        #expect(hold.status == 0)
        #expect(try fixture.git("log", "-1", "--format=%B").contains("Shipgate-Hold: staging"))
        #expect(try fixture.shipgate("env", "hold", "staging", "--reason", "again").status == 2)
        #expect(try fixture.shipgate("promote", "--to", "development", "--now", t0).status == 0)
        let blocked = try fixture.shipgate("promote", "--to", "staging", "--now", "2026-03-05T10:00:00Z")
        #expect(blocked.status == 1)
        #expect(blocked.stdout.contains("hold          FAIL     staging is on hold since 2026-03-02T10:00:00Z by ops: \"db migration running\""))
        #expect(try fixture.shipgate("env", "show", "staging").stdout.contains("HOLD:"))
        #expect(try fixture.shipgate("env", "release", "staging", "--by", "ops").status == 0)
        #expect(try fixture.shipgate("promote", "--to", "staging", "--now", "2026-03-05T10:00:00Z").status == 0)
        #expect(try fixture.git("status", "--porcelain") == "")
    }
}

/// Reads loosely typed JSON values in tests.
struct AnyCodable: Decodable {
    var text: String?
    init(from decoder: Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}

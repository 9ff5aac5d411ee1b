import Foundation
import Testing
@testable import Promotion

/// Bad manifests and bad requests: a clear error, exit 2, nothing written.
@Suite struct BadInputTests {
    let now = "2026-03-02T10:00:00Z"

    /// Runs `arguments` and checks exit 2, an error naming `fragment`, and no ref moved.
    func expectRefused(_ fixture: Fixture, _ arguments: [String], _ fragment: String) throws {
        let refs = try fixture.git("for-each-ref", "--format=%(refname) %(objectname)")
        let manifests = try fixture.git("status", "--porcelain")
        let result = try Fixture.run(try Fixture.binary(), arguments, in: fixture.root, environment: ["GIT_CONFIG_GLOBAL": "/dev/null", "NO_COLOR": "1"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
        #expect(try fixture.git("for-each-ref", "--format=%(refname) %(objectname)") == refs)
        #expect(try fixture.git("status", "--porcelain") == manifests)
    }

    func broken(_ name: String, _ text: String) throws -> Fixture {
        var chain = Fixture.standardChain
        chain[name] = text
        return try Fixture(environments: chain)
    }

    @Test func typoInAManifest() throws {
        let fixture = try broken("staging", "promotes_from: development\nbranch: main\ngates:\n  sock: 24h\n")
        try expectRefused(fixture, ["promote", "--to", "development", "--now", now], "environments/staging.yml:4:3: unknown key \"sock\"")
        try expectRefused(fixture, ["promote", "--to", "development", "--now", now], "did you mean \"soak\"")
    }

    @Test func cycleAndTwoRoots() throws {
        let cycle = try broken("development", "promotes_from: production\nbranch: main\n")
        try expectRefused(cycle, ["promote", "--to", "staging", "--now", now], "promotion cycle")
        let twoRoots = try broken("staging", "branch: main\n")
        try expectRefused(twoRoots, ["env", "list"], "exactly one root")
    }

    @Test func unknownStackBuildAndEnvironment() throws {
        let fixture = try Fixture()
        try expectRefused(fixture, ["promote", "--to", "development", "--stack", "warehouse", "--now", now], "--stack needs stacks")
        try expectRefused(fixture, ["promote", "--to", "development", "--build", "0123456789abcdef0123456789abcdef01234567", "--now", now], "unknown revision")
        try expectRefused(fixture, ["promote", "--to", "development", "--build", "no-such-branch", "--now", now], "unknown revision 'no-such-branch'")
        try expectRefused(fixture, ["promote", "--to", "prod", "--now", now], "no environment \"prod\"")
        try expectRefused(fixture, ["promote", "--to", "development", "--now", "yesterday"], "--now must be an ISO 8601 time")
        try expectRefused(fixture, ["promote", "--to", "staging", "--now", now], "development has nothing deployed")
    }

    @Test func shallowCloneMissingHistory() throws {
        let fixture = try Fixture()
        try fixture.write("a.txt", "1\n")
        try fixture.commitAll("one")
        #expect(try fixture.shipgate("promote", "--to", "development", "--now", now).status == 0)
        for index in 2...4 {
            try fixture.write("a.txt", "\(index)\n")
            try fixture.commitAll("change \(index)")
        }
        let clone = try Fixture(environments: [:])
        try FileManager.default.removeItem(at: clone.root)
        try fixture.gitArgs(["clone", "-q", "--depth", "1", "file://\(fixture.path)", clone.path], in: fixture.root.deletingLastPathComponent())
        try clone.git("config", "user.name", "ci")
        try expectRefused(clone, ["promote", "--to", "staging", "--now", "2026-03-05T10:00:00Z"], "shallow clone")
        try expectRefused(clone, ["promote", "--to", "staging", "--now", "2026-03-05T10:00:00Z"], "fetch")
    }
}

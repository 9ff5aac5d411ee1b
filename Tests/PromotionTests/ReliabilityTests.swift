import Foundation
import GitKit
import Testing
@testable import Promotion

/// Promotions racing each other, and promotions killed at random points, leave the repository consistent.
@Suite struct ReliabilityTests {
    let now = "2026-03-02T10:00:00Z"

    /// The environments at the branch tip parse, and the tip is a readable commit.
    func assertConsistent(_ fixture: Fixture) throws {
        let repository = try fixture.repository()
        let tip = try #require(try repository.referenceTarget("refs/heads/main"))
        _ = try repository.commit(tip)
        _ = try EnvironmentChain.load(from: repository, at: tip, project: nil)
        #expect(try fixture.git("fsck", "--no-dangling", "--no-progress").isEmpty)
    }

    @Test func twoPromotionsAtOnceExactlyOneLands() throws {
        let fixture = try Fixture()
        try fixture.write("a.txt", "1\n")
        let first = try fixture.commitAll("one")
        try fixture.write("a.txt", "2\n")
        let second = try fixture.commitAll("two")
        let base = try fixture.git("rev-parse", "main")
        let environment = ["SHIPGATE_TEST_DELAY_BEFORE_WRITE": "400", "NO_COLOR": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]
        let binary = try Fixture.binary()
        let processes = try [first, second].map { build in
            try Fixture.start(binary, ["promote", "--to", "development", "--build", build.hex, "--by", "ci", "--now", now],
                              in: fixture.root, environment: environment)
        }
        let errors = processes.map { String(decoding: ($0.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        processes.forEach { $0.waitUntilExit() }
        let statuses = processes.map(\.terminationStatus)
        #expect(statuses.sorted() == [0, 2], "\(statuses) \(errors)")
        let loser = statuses[0] == 0 ? 1 : 0
        #expect(errors[loser].contains("moved while this command ran"))
        #expect(errors[loser].contains("re-run"))
        #expect(try fixture.git("rev-parse", "main~1") == base)
        #expect(try fixture.git("rev-list", "--count", "\(base)..main") == "1")
        let winner = [first, second][statuses[0] == 0 ? 0 : 1]
        #expect(try fixture.read("environments/development.yml").contains("build: \(winner.hex)"))
        #expect(try fixture.git("status", "--porcelain") == "")
        try assertConsistent(fixture)
    }

    @Test func killedAtRandomPointsThenReRunCompletes() throws {
        var generator = SystemRandomNumberGenerator()
        var killedBeforeCommit = 0, killedAfterCommit = 0
        for _ in 0..<8 {
            let fixture = try Fixture()
            try fixture.write("a.txt", "1\n")
            let build = try fixture.commitAll("one")
            let base = try fixture.git("rev-parse", "main")
            let child = try Fixture.start(try Fixture.binary(), ["promote", "--to", "development", "--by", "ci", "--now", now],
                                          in: fixture.root, environment: ["GIT_CONFIG_GLOBAL": "/dev/null"])
            usleep(UInt32.random(in: 0...140_000, using: &generator))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            try assertConsistent(fixture)
            if try fixture.git("rev-parse", "main") == base { killedBeforeCommit += 1 } else { killedAfterCommit += 1 }

            let rerun = try fixture.shipgate("promote", "--to", "development", "--by", "ci", "--now", now)
            #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
            let repository = try fixture.repository()
            let chain = try EnvironmentChain.load(from: repository, at: try #require(try repository.referenceTarget("refs/heads/main")), project: nil)
            #expect(chain.root.deployed?.build == build)
            let leftovers = try fixture.git("status", "--porcelain", "--ignored")
            #expect(leftovers == "", "left behind: \(leftovers)")
            #expect(try fixture.git("rev-list", "--count", "\(base)..main") == "1")
        }
        #expect(killedBeforeCommit + killedAfterCommit == 8)
    }
}

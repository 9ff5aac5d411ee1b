import Foundation
import GitKit
import Testing
@testable import Promotion

/// Per-stack promotions with a `shipgate.yml`, evidence recorded by `shipgate test --record`.
@Suite struct StackFlowTests {
    static let project = """
        stacks:
          app:
            path: stacks/app
            suites:
              unit: { run: "true" }
          db:
            path: stacks/db
            suites:
              unit: { run: "true" }

        """
    let now = "2026-03-02T10:00:00Z"

    func fixture(staging: String = "promotes_from: development\nbranch: main\ngates:\n  suites: [unit]\n") throws -> Fixture {
        let fixture = try Fixture(environments: ["development": "branch: main\n", "staging": staging])
        try fixture.write("shipgate.yml", StackFlowTests.project)
        try fixture.write("stacks/app/main.py", "app\n")
        try fixture.write("stacks/db/main.py", "db\n")
        try fixture.write(".gitignore", ".shipgate/\n")
        try fixture.commitAll("stacks")
        return fixture
    }

    @Test func stacksArePromotedOneByOneWithRecordedEvidence() throws {
        let fixture = try fixture()
        let build = ObjectID(hex: try fixture.git("rev-parse", "HEAD"))!
        #expect(try fixture.shipgate("promote", "--to", "development", "--now", now).status == 0)
        #expect(try fixture.read("environments/development.yml").contains("  stacks:\n    app: \(build.hex)\n    db: \(build.hex)\n"))

        let missing = try fixture.shipgate("promote", "--to", "staging", "--now", now)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("app/unit has no evidence; db/unit has no evidence in development"))
        try fixture.git("checkout", "-q", "--detach", build.hex)
        let test = try fixture.shipgate("test", "--env", "development", "--record")
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        try fixture.git("checkout", "-q", "main")

        let app = try fixture.shipgate("promote", "--to", "staging", "--stack", "app", "--now", now)
        #expect(app.status == 0, "\(app.stdout)\(app.stderr)")
        let staging = try fixture.read("environments/staging.yml")
        #expect(staging.contains("  stacks:\n    app: \(build.hex)\n") && !staging.contains("db:"))
        #expect(try fixture.git("log", "-1", "--format=%B").contains("Shipgate-Stacks: app"))
        let diff = try fixture.shipgate("env", "diff", "development", "staging")
        #expect(diff.stdout.contains("db     \(build.short)      -"), "\(diff.stdout)")

        #expect(try fixture.shipgate("promote", "--to", "staging", "--stack", "app", "--now", now).stdout.contains("already runs"))
        #expect(try fixture.shipgate("promote", "--to", "staging", "--now", now).status == 0)
        #expect(try fixture.read("environments/staging.yml").contains("    db: \(build.hex)\n"))
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test func unknownStacksAreConfigurationErrors() throws {
        let fixture = try fixture(staging: "promotes_from: development\nbranch: main\ngates:\n  suites: { ap: [unit] }\n")
        let manifest = try fixture.shipgate("promote", "--to", "development", "--now", now)
        #expect(manifest.status == 2)
        #expect(manifest.stderr.contains("environments/staging.yml:4:13: unknown stack \"ap\" (did you mean \"app\"?)"), "\(manifest.stderr)")
        let clean = try self.fixture()
        let flag = try clean.shipgate("promote", "--to", "development", "--stack", "dbb", "--now", now)
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("unknown stack \"dbb\" (did you mean \"db\"?)"))
        #expect(try clean.git("log", "--format=%s", "-1") == "stacks")
    }
}

import Foundation
import TestSupport
import Testing

@Suite struct CheckCommandTests {
    @Test func noVerbRunsCheckWithZeroConfiguration() throws {
        let repo = try GitFixture()
        try repo.commit("plain repository", files: ["README.md": "hello\n"])
        let output = try ShipgateBinary.run([], in: repo.path)
        #expect(output.status == 0, "\(output.stderr)")
        for title in ["== git", "== workflows", "== stacks", "== environments"] {
            #expect(output.stdout.contains(title))
        }
        #expect(output.stdout.contains("plain repository"))
        #expect(output.stdout.contains("no shipgate.yml"))
    }

    @Test func lintErrorsExitOneAndABrokenConfigExitsTwoWithoutHidingTheRest() throws {
        let repo = try GitFixture()
        try repo.commit("project", files: [
            ".github/workflows/ci.yml": "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: ghost\n    steps:\n      - run: echo\n",
            "environments/development.yml": "name: development\nbranch: main\n",
        ])
        let lintFails = try ShipgateBinary.run(["check"], in: repo.path)
        #expect(lintFails.status == 1)
        #expect(lintFails.stdout.contains(".github/workflows/ci.yml:5:"))
        #expect(lintFails.stdout.contains("development"))

        try repo.write("shipgate.yml", "stacks:\n  api:\n    pth: x\n")
        let broken = try ShipgateBinary.run(["check"], in: repo.path)
        #expect(broken.status == 2)
        #expect(broken.stdout.contains("shipgate.yml:3:5"))
        #expect(broken.stdout.contains("== environments"))
    }
}

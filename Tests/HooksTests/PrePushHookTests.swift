import Foundation
import TestSupport
import Testing

/// Real pushes to a bare remote through the installed hook.
@Suite struct PrePushHookTests {
    /// A repository with one stack whose unit suite leaves a marker (or fails when told to),
    /// a development environment deploying from main, and a bare origin.
    private func project() throws -> (repo: GitFixture, remote: GitFixture) {
        let remote = try GitFixture(bare: true, label: "origin")
        let repo = try GitFixture()
        try repo.commit("project", files: [
            "shipgate.yml": """
            stacks:
              api:
                path: stacks/api
                suites:
                  unit: { run: "touch ../../unit-ran; test ! -f fail", timeout: 1m }
              docs:
                path: docs
            """,
            "environments/development.yml": "name: development\nbranch: main\n",
            "stacks/api/app.py": "print('hi')\n",
            "docs/index.md": "# docs\n",
            ".gitignore": "unit-ran\n",
        ])
        try repo.git(["remote", "add", "origin", remote.path])
        try repo.git(["push", "-q", "origin", "main"])
        let install = try ShipgateBinary.run(["hook", "install"], in: repo.path)
        #expect(install.status == 0, "\(install.stderr)")
        return (repo, remote)
    }

    @Test func directPushToAnEnvironmentBranchIsRefusedWithAdvice() throws {
        let (repo, remote) = try project()
        try repo.commit("docs", files: ["docs/index.md": "# more\n"])
        let push = try runProcess("/usr/bin/git", ["push", "origin", "main"], in: repo.path)
        #expect(push.status != 0)
        #expect(push.stderr.contains("refusing to push refs/heads/main"))
        #expect(push.stderr.contains("environments/development.yml"))
        #expect(push.stderr.contains("--no-verify"))
        #expect(try repo.git(["rev-parse", "main"]) != (try remote.git(["rev-parse", "main"])))

        let skipped = try runProcess("/usr/bin/git", ["push", "-q", "origin", "main"], in: repo.path, environment: ["SHIPGATE_SKIP": "1"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(try repo.git(["rev-parse", "main"]) == (try remote.git(["rev-parse", "main"])))
    }

    @Test func newBranchRunsTheAffectedStacksSuitesOnly() throws {
        let (repo, remote) = try project()
        try repo.git(["checkout", "-q", "-b", "docs-only"])
        try repo.commit("docs", files: ["docs/index.md": "# docs v2\n"])
        let docsPush = try runProcess("/usr/bin/git", ["push", "-q", "origin", "docs-only"], in: repo.path)
        #expect(docsPush.status == 0, "\(docsPush.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/unit-ran"), "a docs change runs no suite")

        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.commit("api", files: ["stacks/api/app.py": "print('hello')\n"])
        let push = try runProcess("/usr/bin/git", ["push", "-q", "origin", "feature"], in: repo.path)
        #expect(push.status == 0, "\(push.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/unit-ran"))
        #expect(try remote.git(["rev-parse", "feature"]) == (try repo.git(["rev-parse", "feature"])))
    }

    @Test func failingSuiteBlocksThePush() throws {
        let (repo, remote) = try project()
        try repo.git(["checkout", "-q", "-b", "broken"])
        try repo.commit("break api", files: ["stacks/api/app.py": "broken\n", "stacks/api/fail": "x"])
        let push = try runProcess("/usr/bin/git", ["push", "origin", "broken"], in: repo.path)
        #expect(push.status != 0)
        #expect(push.stderr.contains("suites failed"))
        #expect(throws: FixtureError.self) { try remote.git(["rev-parse", "--verify", "-q", "broken"]) }
    }

    @Test func deletionIsAllowed() throws {
        let (repo, remote) = try project()
        try repo.git(["checkout", "-q", "-b", "temp"])
        try repo.commit("docs", files: ["docs/a.md": "a"])
        #expect(try runProcess("/usr/bin/git", ["push", "-q", "origin", "temp"], in: repo.path).status == 0)
        let delete = try runProcess("/usr/bin/git", ["push", "-q", "origin", "--delete", "temp"], in: repo.path)
        #expect(delete.status == 0, "\(delete.stderr)")
        #expect(throws: FixtureError.self) { try remote.git(["rev-parse", "--verify", "-q", "temp"]) }
    }

    @Test func existingHookIsKeptRunFirstAndRestoredExactly() throws {
        let remote = try GitFixture(bare: true, label: "origin")
        let repo = try GitFixture()
        try repo.commit("base", files: ["a.txt": "a"])
        try repo.git(["remote", "add", "origin", remote.path])
        let previous = "#!/bin/sh\n# the team's own hook\nread line\necho \"$line\" > \"$(git rev-parse --show-toplevel)/previous-ran\"\nexit 0\n"
        let hookPath = repo.path + "/.git/hooks/pre-push"
        try Data(previous.utf8).write(to: URL(fileURLWithPath: hookPath))
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: hookPath)

        #expect(try ShipgateBinary.run(["hook", "install"], in: repo.path).stdout.contains("previous hook is kept"))
        let installed = try String(contentsOfFile: hookPath, encoding: .utf8)
        let again = try ShipgateBinary.run(["hook", "install"], in: repo.path)
        #expect(again.stdout.contains("already installed"))
        #expect(try String(contentsOfFile: hookPath, encoding: .utf8) == installed)

        try repo.git(["checkout", "-q", "-b", "topic"])
        let push = try runProcess("/usr/bin/git", ["push", "-q", "origin", "topic"], in: repo.path)
        #expect(push.status == 0, "\(push.stderr)")
        let seen = try String(contentsOfFile: repo.path + "/previous-ran", encoding: .utf8)
        #expect(seen.hasPrefix("refs/heads/topic "), "the previous hook got git's input")

        let uninstall = try ShipgateBinary.run(["hook", "uninstall"], in: repo.path)
        #expect(uninstall.stdout.contains("restored the previous hook"))
        #expect(try String(contentsOfFile: hookPath, encoding: .utf8) == previous)
        let mode = try FileManager.default.attributesOfItem(atPath: hookPath)[.posixPermissions] as? Int
        #expect(mode == 0o750)
        #expect(!FileManager.default.fileExists(atPath: hookPath + ".shipgate-previous"))
    }

    @Test func honoursCoreHooksPath() throws {
        let repo = try GitFixture()
        try repo.commit("base")
        try repo.git(["config", "core.hooksPath", "tools/hooks"])
        let install = try ShipgateBinary.run(["hook", "install"], in: repo.path)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/tools/hooks/pre-push"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-push"))
    }

    @Test func malformedInputIsAUsageError() throws {
        let repo = try GitFixture()
        try repo.commit("base")
        let output = try ShipgateBinary.run(["hook", "pre-push", "origin", "url"], in: repo.path, input: "garbage line\n")
        #expect(output.status == 2)
        #expect(output.stderr.contains("line 1 of the pre-push input"))
    }

    @Test func configurationChoosesSuitesAndCanAllowProtectedPushes() throws {
        let (repo, remote) = try project()
        try repo.commit("allow", files: ["shipgate.yml": """
            stacks:
              api:
                path: stacks/api
                suites:
                  unit: { run: "touch ../../unit-ran", timeout: 1m }
                  integration: { run: "touch ../../integration-ran", timeout: 1m }
              docs:
                path: docs
            hooks:
              pre_push: { suites: [integration], allow_protected: true }
            """, "stacks/api/app.py": "changed\n"])
        let push = try runProcess("/usr/bin/git", ["push", "-q", "origin", "main"], in: repo.path)
        #expect(push.status == 0, "\(push.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/integration-ran"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/unit-ran"))
        #expect(try remote.git(["rev-parse", "main"]) == (try repo.git(["rev-parse", "main"])))

        try repo.write("shipgate.yml", "stacks: {}\nhooks:\n  pre_push: { suits: [unit] }\n")
        let typo = try ShipgateBinary.run(["stacks"], in: repo.path)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("shipgate.yml:3:"))
        #expect(typo.stderr.contains("did you mean \"suites\""))
    }

    @Test func brokenWorkflowBlocksThePushAndAFixedOneGoesThrough() throws {
        let (repo, remote) = try project()
        try repo.git(["checkout", "-q", "-b", "ci"])
        try repo.commit("ci", files: [".github/workflows/ci.yml": """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                needs: nonexistent
                steps:
                  - run: echo hi
            """])
        let push = try runProcess("/usr/bin/git", ["push", "origin", "ci"], in: repo.path)
        #expect(push.status != 0)
        #expect(push.stderr.contains(".github/workflows/ci.yml:5:"), "\(push.stderr)")
        #expect(push.stderr.contains("workflow lint failed"))
        #expect(throws: FixtureError.self) { try remote.git(["rev-parse", "--verify", "-q", "ci"]) }

        try repo.commit("fix", files: [".github/workflows/ci.yml": """
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo hi
            """])
        let fixed = try runProcess("/usr/bin/git", ["push", "-q", "origin", "ci"], in: repo.path)
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }
}

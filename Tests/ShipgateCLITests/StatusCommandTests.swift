import Foundation
import TestSupport
import Testing

@Suite struct StatusCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonReportsBranchUpstreamDirtyTagAndBase() throws {
        let remote = try GitFixture(bare: true, label: "remote")
        let repo = try GitFixture()
        try repo.commit("base", files: ["stacks/a/x.py": "1", "README.md": "r"])
        try repo.git(["tag", "-a", "v0.1.0", "-m", "first"])
        try repo.git(["remote", "add", "origin", remote.path])
        try repo.git(["push", "-q", "-u", "origin", "main"])
        let head = try repo.commit("Add b stack", files: ["stacks/b/y.py": "2"])
        try repo.write("README.md", "edited")
        try repo.write("notes.txt", "untracked")

        let output = try ShipgateBinary.run(["status", "--format", "json", "--base", "origin/main"], in: repo.path + "/stacks")
        #expect(output.status == 0, "\(output.stderr)")
        let report = try json(output.stdout)
        let headInfo = try #require(report["head"] as? [String: Any])
        #expect(headInfo["state"] as? String == "branch")
        #expect(headInfo["branch"] as? String == "main")
        #expect(headInfo["id"] as? String == head)
        #expect(headInfo["subject"] as? String == "Add b stack")
        let upstream = try #require(report["upstream"] as? [String: Any])
        #expect(upstream["name"] as? String == "origin/main")
        #expect(upstream["ahead"] as? Int == 1 && upstream["behind"] as? Int == 0)
        #expect(report["clean"] as? Bool == false)
        let dirty = try #require(report["dirty"] as? [String: Any])
        #expect((dirty["unstaged"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["README.md"])
        #expect((dirty["untracked"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["notes.txt"])
        let describe = try #require(report["describe"] as? [String: Any])
        #expect(describe["tag"] as? String == "v0.1.0" && describe["distance"] as? Int == 1)
        #expect(report["shallow"] as? Bool == false)
        let base = try #require(report["base"] as? [String: Any])
        #expect((base["changed"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["stacks/b/y.py"])
    }

    @Test func detachedHeadAndUnbornBranchAreNormalStates() throws {
        let repo = try GitFixture()
        let empty = try ShipgateBinary.run(["status", "--format", "json"], in: repo.path)
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect((try json(empty.stdout)["head"] as? [String: Any])?["state"] as? String == "unborn")

        let first = try repo.commit("one")
        try repo.commit("two")
        try repo.git(["checkout", "-q", first])
        let detached = try ShipgateBinary.run(["status"], in: repo.path)
        #expect(detached.status == 0)
        #expect(detached.stdout.contains("detached at \(first.prefix(7))"))
        #expect(!detached.stdout.contains("\u{1B}["), "no color when piped")
    }

    @Test func badInputIsOneClearLineAndExitTwo() throws {
        let outside = try TemporaryDirectory()
        let notRepo = try ShipgateBinary.run(["status"], in: outside.path)
        #expect(notRepo.status == 2)
        #expect(notRepo.stderr.contains("not a git repository"))
        #expect(notRepo.stderr.split(separator: "\n").count == 1)

        let repo = try GitFixture()
        try repo.commit("one")
        let bogus = try ShipgateBinary.run(["status", "--base", "no-such-rev"], in: repo.path)
        #expect(bogus.status == 2)
        #expect(bogus.stderr.contains("unknown revision 'no-such-rev'"))
        #expect(!bogus.stderr.contains("Fatal error"))

        let id = try repo.commit("two", files: ["f": "x"])
        let objectPath = "\(repo.path)/.git/objects/\(id.prefix(2))/\(id.dropFirst(2))"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: objectPath)
        try Data("not zlib at all".utf8).write(to: URL(fileURLWithPath: objectPath))
        let corrupt = try ShipgateBinary.run(["status"], in: repo.path)
        #expect(corrupt.status == 2, "\(corrupt.stderr)")
        #expect(corrupt.stderr.hasPrefix("error: "))
    }

    @Test func shallowCloneIsFlagged() throws {
        let origin = try GitFixture()
        try origin.commit("one")
        try origin.commit("two")
        let clone = try TemporaryDirectory("clone")
        try runProcess("/usr/bin/git", ["clone", "-q", "--depth", "1", "file://\(origin.path)", clone.path], in: clone.path)
        let output = try ShipgateBinary.run(["status", "--format", "json"], in: clone.path)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try json(output.stdout)["shallow"] as? Bool == true)
        let human = try ShipgateBinary.run(["status"], in: clone.path)
        #expect(human.stdout.contains("shallow clone"))
    }
}

import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct RepositoryTests {
    @Test func discoversFromASubdirectoryAndOpensBareRepositories() throws {
        let repo = try GitFixture()
        try repo.commit("first", files: ["a/b/c.txt": "x"])
        let opened = try Repository.discover(from: repo.path + "/a/b")
        #expect(opened.workTree == repo.path)
        #expect(!opened.isBare)

        let bare = try GitFixture(bare: true)
        let openedBare = try Repository.open(at: bare.path)
        #expect(openedBare.isBare)
        #expect(openedBare.workTree == nil)
        #expect(try openedBare.head() == .unborn(name: "main"))
    }

    @Test func outsideARepositoryIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: GitError.self) { try Repository.discover(from: directory.path) }
        #expect(error?.kind == .notARepository)
        #expect(error?.message.contains("not a git repository") == true)
    }

    @Test func headOnBranchDetachedAndUnborn() throws {
        let repo = try GitFixture()
        #expect(try Repository.open(at: repo.path).head() == .unborn(name: "main"))
        #expect(try Repository.open(at: repo.path).isHeadUnborn)
        let first = try repo.commit("first")
        let second = try repo.commit("second")
        #expect(try Repository.open(at: repo.path).head() == .branch(name: "main", id: ObjectID(hex: second)!))
        try repo.git(["checkout", "-q", first])
        let head = try Repository.open(at: repo.path).head()
        #expect(head == .detached(id: ObjectID(hex: first)!))
        #expect(head.branchName == nil)
    }

    @Test func resolvesRevisionSpecsLikeGit() throws {
        let repo = try GitFixture()
        let remote = try GitFixture(bare: true, label: "remote")
        for index in 0..<4 { try repo.commit("commit \(index)") }
        try repo.git(["tag", "-a", "v1.2.0", "-m", "release", "HEAD~1"])
        try repo.git(["remote", "add", "origin", remote.path])
        try repo.git(["push", "-q", "origin", "main"])
        let repository = try Repository.open(at: repo.path)
        for spec in ["main", "HEAD~3", "v1.2.0", "origin/main", "HEAD^", String(try repo.git(["rev-parse", "HEAD~2"]).prefix(8))] {
            let expected = try repo.git(["rev-parse", "\(spec)^{commit}"])
            #expect(try repository.resolve(spec).hex == expected, "spec \(spec)")
        }
        let error = #expect(throws: GitError.self) { try repository.resolve("no-such-branch") }
        #expect(error?.message.contains("unknown revision 'no-such-branch'") == true)
        #expect(try repository.resolveIfPresent("no-such-branch") == nil)
    }

    @Test func upstreamAheadBehindAgainstABareRemote() throws {
        let remote = try GitFixture(bare: true, label: "remote")
        let repo = try GitFixture()
        try repo.commit("base")
        try repo.git(["remote", "add", "origin", remote.path])
        try repo.git(["push", "-q", "-u", "origin", "main"])
        // The remote moves on through another clone; this one commits twice locally.
        let other = try TemporaryDirectory("other")
        try runProcess("/usr/bin/git", ["clone", "-q", remote.path, other.path], in: other.path)
        let otherRepo = other.path
        for index in 0..<3 {
            try runProcess("/usr/bin/git", ["-c", "user.name=O", "-c", "user.email=o@x", "commit", "-q", "--allow-empty", "-m", "remote \(index)"], in: otherRepo)
        }
        try runProcess("/usr/bin/git", ["push", "-q", "origin", "main"], in: otherRepo)
        try repo.commit("local 1")
        try repo.commit("local 2")
        try repo.git(["fetch", "-q", "origin"])

        let upstream = try #require(try Repository.open(at: repo.path).upstream(of: "main"))
        let counts = try repo.git(["rev-list", "--left-right", "--count", "HEAD...@{u}"]).split(separator: "\t").compactMap { Int($0) }
        #expect(upstream.name == "origin/main")
        #expect(upstream.ahead == counts[0])
        #expect(upstream.behind == counts[1])
        #expect(upstream.ahead == 2 && upstream.behind == 3)
        #expect(try Repository.open(at: repo.path).upstream(of: "no-upstream") == nil)
    }

    @Test func mergeBaseAndAncestry() throws {
        let repo = try GitFixture()
        let root = try repo.commit("root")
        try repo.git(["checkout", "-q", "-b", "feature"])
        let feature = try repo.commit("feature work")
        try repo.git(["checkout", "-q", "main"])
        let main = try repo.commit("main work")
        let repository = try Repository.open(at: repo.path)
        let base = try repository.mergeBase(ObjectID(hex: feature)!, ObjectID(hex: main)!)
        #expect(base?.hex == (try repo.git(["merge-base", feature, main])))
        #expect(base?.hex == root)
        #expect(try repository.isAncestor(ObjectID(hex: root)!, of: ObjectID(hex: feature)!))
        #expect(try !repository.isAncestor(ObjectID(hex: main)!, of: ObjectID(hex: feature)!))
        #expect(try repository.isAncestor(ObjectID(hex: main)!, of: ObjectID(hex: main)!))
    }

    @Test func logAndCountMatchRevList() throws {
        let repo = try GitFixture()
        let first = try repo.commit("one")
        for index in 0..<5 { try repo.commit("more \(index)") }
        let repository = try Repository.open(at: repo.path)
        let head = try repository.resolve("HEAD")
        let expected = try repo.git(["rev-list", "HEAD", "^\(first)"]).split(separator: "\n").map(String.init)
        #expect(try repository.log(from: head, hiding: [ObjectID(hex: first)!]).map(\.id.hex) == expected)
        #expect(try repository.countCommits(from: head) == Int(try repo.git(["rev-list", "--count", "HEAD"])))
        #expect(try repository.log(from: head, limit: 2).map(\.subject) == ["more 4", "more 3"])
    }

    @Test func commitMetadataAndTrailers() throws {
        let repo = try GitFixture()
        let id = try repo.commit("Promote build\n\nbody text\n\nShipgate-Promote: staging -> production\nShipgate-Build: abc")
        let commit = try Repository.open(at: repo.path).commit(ObjectID(hex: id)!)
        #expect(commit.subject == "Promote build")
        #expect(commit.authorName == "Test Author")
        #expect(commit.trailer("Shipgate-Promote") == "staging -> production")
        #expect(commit.trailer("Shipgate-Build") == "abc")
        #expect(commit.trailer("Missing") == nil)
    }

    @Test func corruptObjectIsAnErrorNotACrash() throws {
        let repo = try GitFixture()
        let id = try repo.commit("one", files: ["f.txt": "content"])
        let objectPath = "\(repo.path)/.git/objects/\(id.prefix(2))/\(id.dropFirst(2))"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: objectPath)
        try Data("garbage that is not zlib".utf8).write(to: URL(fileURLWithPath: objectPath))
        let repository = try Repository.open(at: repo.path)
        #expect(throws: GitError.self) { try repository.commit(ObjectID(hex: id)!) }
    }

    @Test func shallowCloneIsDetectedAndMissingHistoryExplained() throws {
        let origin = try GitFixture()
        let first = try origin.commit("one", files: ["a": "1"])
        try origin.commit("two", files: ["a": "2"])
        try origin.commit("three", files: ["a": "3"])
        let clone = try TemporaryDirectory("shallow")
        try runProcess("/usr/bin/git", ["clone", "-q", "--depth", "1", "file://\(origin.path)", clone.path], in: clone.path)
        let repository = try Repository.open(at: clone.path)
        #expect(repository.isShallow)
        #expect(try !Repository.open(at: origin.path).isShallow)
        let error = #expect(throws: GitError.self) { try repository.resolve(first) }
        #expect(error?.message.contains("shallow") == true)
        #expect(!repository.contains(ObjectID(hex: first)!))
    }
}

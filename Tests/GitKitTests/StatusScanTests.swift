import Foundation
@testable import GitKit
import TestSupport
import Testing

/// The fast status scan must give exactly libgit2's full answer.
@Suite struct StatusScanTests {
    private func assertSameAsExhaustive(_ repo: GitFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let repository = try Repository.open(at: repo.path)
        #expect(try repository.status() == repository.exhaustiveStatus(), sourceLocation: sourceLocation)
    }

    @Test func matchesTheFullStatusAcrossEveryKindOfChange() throws {
        let repo = try GitFixture()
        var files: [String: String] = [".gitignore": "*.log\nout/\n", "nested/.gitignore": "!keep.log\n"]
        for index in 0..<60 { files["src/module\(index % 6)/file\(index).txt"] = "content \(index)\n" }
        files["a-b/x.txt"] = "dash sorts before slash"
        files["a/x.txt"] = "plain"
        files["exec.sh"] = "#!/bin/sh\n"
        try repo.commit("base", files: files)
        try assertSameAsExhaustive(repo)

        try repo.write("src/module1/file1.txt", "edited, same length?\n")
        try FileManager.default.removeItem(atPath: repo.path + "/src/module2/file2.txt")
        try repo.write("src/module3/new.txt", "untracked")
        try repo.write("brand/new/deep/file.txt", "untracked folder")
        try repo.write("debug.log", "ignored")
        try repo.write("out/build.bin", "ignored folder")
        try repo.write("nested/keep.log", "re-included")
        try repo.write("staged.txt", "staged")
        try repo.git(["add", "staged.txt"])
        try repo.git(["rm", "-q", "--cached", "a/x.txt"])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/exec.sh")
        try FileManager.default.createDirectory(atPath: repo.path + "/empty/dir", withIntermediateDirectories: true)
        try runProcess("/usr/bin/git", ["init", "-q", repo.path + "/vendor/nested"], in: repo.path)
        try repo.write("vendor/nested/inner.txt", "inside a nested repository")
        try assertSameAsExhaustive(repo)

        let status = try Repository.open(at: repo.path).status()
        #expect(Set(status.untracked.map(\.path)).isSuperset(of: ["src/module3/new.txt", "brand/new/deep/file.txt", "a/x.txt"]))
        #expect(!status.entries.contains { $0.path == "debug.log" || $0.path.hasPrefix("out/") })
    }

    @Test func sameSizeEditInTheSameSecondIsFound() throws {
        let repo = try GitFixture()
        try repo.commit("base", files: ["racy.txt": "aaaa\n"])
        // Rewritten right after the index: same size, possibly the same timestamp (racily clean).
        try repo.write("racy.txt", "bbbb\n")
        let status = try Repository.open(at: repo.path).status()
        #expect(status.unstaged.map(\.path) == ["racy.txt"])
        try assertSameAsExhaustive(repo)
    }

    @Test func typeChangeAndSymlinksAreFound() throws {
        let repo = try GitFixture()
        try repo.commit("base", files: ["target.txt": "t", "becomes-link.txt": "x"])
        try FileManager.default.removeItem(atPath: repo.path + "/becomes-link.txt")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/becomes-link.txt", withDestinationPath: "target.txt")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/new-link", withDestinationPath: "target.txt")
        try assertSameAsExhaustive(repo)
        #expect(try Repository.open(at: repo.path).status().entries.count == 2)
    }

    @Test func cleanTreeIsEmpty() throws {
        let repo = try GitFixture()
        var files: [String: String] = [:]
        for index in 0..<200 { files["d\(index % 10)/f\(index)"] = "\(index)" }
        try repo.commit("base", files: files)
        try repo.git(["status", "--porcelain"])
        #expect(try Repository.open(at: repo.path).status().isClean)
    }

    /// Without staged changes the fast path answers by itself (no fallback), and exactly as libgit2.
    @Test func fastPathAnswersUnstagedEditsItself() throws {
        let repo = try GitFixture()
        var files: [String: String] = [".gitignore": "*.log\nout/\n", "exec.sh": "#!/bin/sh\n", "target.txt": "t", "link-me.txt": "l"]
        for index in 0..<40 { files["src/m\(index % 4)/f\(index).txt"] = "content \(index)\n" }
        try repo.commit("base", files: files)
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link", withDestinationPath: "target.txt")
        try repo.git(["add", "link"])
        try repo.git(["commit", "-q", "-m", "link"])
        try repo.git(["status", "--porcelain"])

        try repo.write("src/m1/f1.txt", "edited\n")
        try repo.write("src/m2/f2.txt", "content 2\n")  // rewritten with identical bytes: clean
        try FileManager.default.removeItem(atPath: repo.path + "/src/m3/f3.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/exec.sh")
        try FileManager.default.removeItem(atPath: repo.path + "/link")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link", withDestinationPath: "link-me.txt")
        try FileManager.default.removeItem(atPath: repo.path + "/link-me.txt")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link-me.txt", withDestinationPath: "target.txt")
        try repo.write("new dir/ü.txt", "untracked")
        try repo.write("debug.log", "ignored")

        let repository = try Repository.open(at: repo.path)
        let fast = try #require(try repository.fastStatus(), "the fast path must apply: nothing is staged")
        let exhaustive = try repository.exhaustiveStatus()
        #expect(fast == exhaustive, "fast \(fast.entries)\nlibgit2 \(exhaustive.entries)")
        #expect(Set(fast.unstaged.map(\.path)) == ["src/m1/f1.txt", "src/m3/f3.txt", "exec.sh", "link", "link-me.txt"])
        #expect(fast.unstaged.first { $0.path == "link-me.txt" }?.unstaged == .typeChanged)
        #expect(Set(fast.untracked.map(\.path)) == ["new dir/ü.txt"])

        // A repository nested in an untracked folder: git shows the folder; so does the fast path
        // (libgit2's full status sometimes leaves an empty nested repository out).
        try runProcess("/usr/bin/git", ["init", "-q", repo.path + "/vendor/nested"], in: repo.path)
        let nested = try #require(try Repository.open(at: repo.path).fastStatus())
        #expect(nested.untracked.map(\.path).contains("vendor/nested/"))
        #expect(try repo.git(["status", "--porcelain", "-uall"]).contains("?? vendor/nested/"))
    }

    @Test func stagedChangesAndAttributesLeaveTheWorkToLibgit2() throws {
        let repo = try GitFixture()
        try repo.commit("base", files: ["a.txt": "a\n", "b.txt": "b\n"])
        try repo.write("a.txt", "staged\n")
        try repo.git(["add", "a.txt"])
        #expect(try Repository.open(at: repo.path).fastStatus() == nil)
        try repo.git(["commit", "-q", "-m", "staged"])
        try repo.commit("attributes", files: [".gitattributes": "*.txt text eol=crlf\n"])
        try repo.write("b.txt", "changed\n")
        let repository = try Repository.open(at: repo.path)
        #expect(try repository.status() == repository.exhaustiveStatus())
    }
}

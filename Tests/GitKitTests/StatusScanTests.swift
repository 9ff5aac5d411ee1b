import Foundation
import GitKit
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
}

import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct StatusAndDiffTests {
    @Test func statusMatchesGitPorcelainWithUnicodeSpacesAndIgnores() throws {
        let repo = try GitFixture()
        try repo.commit("base", files: [".gitignore": "*.log\nbuild/\n", "tracked.txt": "1", "to delete.txt": "x", "stage me.txt": "s"])
        try repo.write("tracked.txt", "2")
        try repo.write("données/été.txt", "new")
        try repo.write("build/out.bin", "ignored")
        try repo.write("debug.log", "ignored")
        try repo.git(["rm", "-q", "to delete.txt"])
        try repo.write("stage me.txt", "staged change")
        try repo.git(["add", "stage me.txt"])
        try repo.write("new staged.txt", "n")
        try repo.git(["add", "new staged.txt"])

        let status = try Repository.open(at: repo.path).status()
        #expect(Set(status.unstaged.map(\.path)) == ["tracked.txt"])
        #expect(Set(status.staged.map(\.path)) == ["to delete.txt", "stage me.txt", "new staged.txt"])
        #expect(status.staged.first { $0.path == "to delete.txt" }?.staged == .deleted)
        #expect(status.staged.first { $0.path == "new staged.txt" }?.staged == .added)
        #expect(status.untracked.map(\.path) == ["données/été.txt"])
        #expect(!status.entries.contains { $0.path.hasSuffix(".log") || $0.path.hasPrefix("build/") })

        let porcelain = try repo.git(["-c", "core.quotepath=false", "status", "--porcelain", "-uall"])
        #expect(status.entries.count == porcelain.split(separator: "\n").count)
    }

    @Test func mergeConflictIsReported() throws {
        let repo = try GitFixture()
        try repo.commit("base", files: ["shared.txt": "base\n"])
        try repo.git(["checkout", "-q", "-b", "other"])
        try repo.commit("other", files: ["shared.txt": "other\n"])
        try repo.git(["checkout", "-q", "main"])
        try repo.commit("main", files: ["shared.txt": "main\n"])
        _ = try? repo.git(["merge", "-q", "other"])
        let status = try Repository.open(at: repo.path).status()
        #expect(status.conflicted.map(\.path) == ["shared.txt"])
        #expect(status.staged.isEmpty && status.unstaged.isEmpty)
    }

    @Test func stagedRenameIsDetected() throws {
        let repo = try GitFixture()
        try repo.commit("base", files: ["old name.txt": String(repeating: "same content\n", count: 20)])
        try repo.git(["mv", "old name.txt", "new name.txt"])
        let status = try Repository.open(at: repo.path).status()
        #expect(status.staged.count == 1)
        #expect(status.staged.first?.staged == .renamed)
        #expect(status.staged.first?.originalPath == "old name.txt")
        #expect(status.staged.first?.path == "new name.txt")
    }

    @Test func changedPathsBetweenCommitsMatchGitDiff() throws {
        let repo = try GitFixture()
        let body = String(repeating: "line of a stack file\n", count: 30)
        let old = try repo.commit("base", files: ["stacks/a/app.py": body, "stacks/b/keep.py": "k", "stacks/b/gone.py": "g", "docs/x.md": "x"])
        try FileManager.default.createDirectory(atPath: repo.path + "/stacks/c", withIntermediateDirectories: true)
        try repo.git(["mv", "stacks/a/app.py", "stacks/c/app.py"])
        try repo.git(["rm", "-q", "stacks/b/gone.py"])
        try repo.write("docs/x.md", "changed")
        try repo.write("spaced dir/ünï.txt", "new")
        let new = try repo.commit("change")
        let repository = try Repository.open(at: repo.path)

        let renamed = try repository.changedPaths(from: ObjectID(hex: old)!, to: ObjectID(hex: new)!, detectRenames: true)
        #expect(renamed.contains(ChangedPath(kind: .renamed, path: "stacks/c/app.py", oldPath: "stacks/a/app.py")))
        let plain = try repository.changedPaths(from: ObjectID(hex: old)!, to: ObjectID(hex: new)!)
        let expected = try repo.git(["-c", "core.quotepath=false", "diff", "--no-renames", "--name-only", old, new]).split(separator: "\n").map(String.init)
        #expect(plain.map(\.path) == expected.sorted())
        #expect(plain.first { $0.path == "stacks/b/gone.py" }?.kind == .deleted)
        #expect(plain.contains(ChangedPath(kind: .deleted, path: "stacks/a/app.py")))
        #expect(plain.contains(ChangedPath(kind: .added, path: "stacks/c/app.py")))
    }

    @Test func changedPathsToTheWorkTreeIncludeUntrackedButNotIgnored() throws {
        let repo = try GitFixture()
        let base = try repo.commit("base", files: [".gitignore": "*.tmp\n", "a.txt": "a"])
        try repo.write("a.txt", "edited")
        try repo.write("new/file.txt", "n")
        try repo.write("scratch.tmp", "ignored")
        let changes = try Repository.open(at: repo.path).changedPathsToWorkTree(from: ObjectID(hex: base)!)
        #expect(changes.map(\.path) == ["a.txt", "new/file.txt"])
    }

    @Test func treeWalkPathNamesMatchGitDiffNameOnly() throws {
        let repo = try GitFixture()
        var files: [String: String] = ["a/keep.txt": "k", "a/b/deep.txt": "d", "becomes-dir": "file", "gone/x.txt": "x", "exec.sh": "#!/bin/sh\n"]
        for index in 0..<30 { files["many/m\(index % 3)/f\(index).txt"] = "\(index)" }
        let old = try repo.commit("base", files: files)
        try FileManager.default.removeItem(atPath: repo.path + "/becomes-dir")
        try repo.write("becomes-dir/inside.txt", "now a folder")
        try FileManager.default.removeItem(atPath: repo.path + "/gone")
        try repo.write("a/b/deep.txt", "changed")
        try repo.write("spaced dir/ünï.txt", "new")
        try repo.write("many/m1/f1.txt", "edited")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/exec.sh")
        let new = try repo.commit("change")
        let expected = try repo.git(["-c", "core.quotepath=false", "diff", "--no-renames", "--name-only", old, new])
            .split(separator: "\n").map(String.init).sorted()
        let repository = try Repository.open(at: repo.path)
        #expect(try repository.changedPathNames(from: ObjectID(hex: old)!, to: ObjectID(hex: new)!) == expected)
        #expect(try repository.changedPathNames(from: ObjectID(hex: new)!, to: ObjectID(hex: new)!).isEmpty)
        #expect(expected.contains("becomes-dir") && expected.contains("becomes-dir/inside.txt") && expected.contains("exec.sh"))
    }
}

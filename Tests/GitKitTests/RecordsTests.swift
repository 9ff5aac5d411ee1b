import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct RecordsTests {
    @Test func annotatedAndLightweightTagsAndDescribe() throws {
        let repo = try GitFixture()
        try repo.commit("one")
        try repo.git(["tag", "light"])
        try repo.commit("two")
        try repo.git(["tag", "-a", "v1.0.0-rc-1", "-m", "annotated"])
        try repo.commit("three")
        try repo.commit("four")
        let repository = try Repository.open(at: repo.path)
        let tags = try repository.tags()
        #expect(tags.map(\.name) == ["light", "v1.0.0-rc-1"])
        #expect(tags.first { $0.name == "light" }?.isAnnotated == false)
        #expect(tags.first { $0.name == "v1.0.0-rc-1" }?.isAnnotated == true)
        #expect(tags.first { $0.name == "v1.0.0-rc-1" }?.target.hex == (try repo.git(["rev-parse", "v1.0.0-rc-1^{commit}"])))

        let description = try #require(try repository.describe(repository.resolve("HEAD")))
        let gitDescribe = try repo.git(["describe", "--tags", "--long"])
        #expect("\(description.tag)-\(description.distance)-g" == String(gitDescribe.prefix(upTo: gitDescribe.range(of: "-g", options: .backwards)!.upperBound)))
        #expect(description.tag == "v1.0.0-rc-1" && description.distance == 2)
    }

    @Test func describeWithoutTagsIsNil() throws {
        let repo = try GitFixture()
        try repo.commit("one")
        let repository = try Repository.open(at: repo.path)
        #expect(try repository.describe(repository.resolve("HEAD")) == nil)
    }

    @Test func createsAnnotatedTagsGitCanRead() throws {
        let repo = try GitFixture()
        let id = try repo.commit("one")
        let repository = try Repository.open(at: repo.path)
        try repository.createAnnotatedTag("release-1", at: ObjectID(hex: id)!, message: "first release", tagger: "Releaser")
        #expect(try repo.git(["cat-file", "-t", "release-1"]) == "tag")
        #expect(try repo.git(["rev-parse", "release-1^{commit}"]) == id)
        #expect(throws: GitError.self) { try repository.createAnnotatedTag("release-1", at: ObjectID(hex: id)!, message: "again") }
    }

    @Test func notesRoundTripAndAppendMergesWithExistingLines() throws {
        let repo = try GitFixture()
        let id = try repo.commit("one")
        let commit = ObjectID(hex: id)!
        try repo.git(["notes", "--ref", "shipgate", "add", "-m", "{\"from\":\"git\"}", id])
        let repository = try Repository.open(at: repo.path)
        #expect(try repository.note(on: commit, notesRef: "refs/notes/shipgate") == "{\"from\":\"git\"}\n")
        try repository.appendNote(on: commit, notesRef: "refs/notes/shipgate", lines: ["{\"a\":1}", "{\"from\":\"git\"}"])
        try repository.appendNote(on: commit, notesRef: "refs/notes/shipgate", lines: ["{\"b\":2}"])
        #expect(try repo.git(["notes", "--ref", "shipgate", "show", id]) == "{\"from\":\"git\"}\n{\"a\":1}\n{\"b\":2}")
        try repository.writeNote(on: commit, notesRef: "refs/notes/other", text: "replaced\n")
        #expect(try repository.notes(in: "refs/notes/other").map(\.target) == [commit])
        #expect(try repository.note(on: commit, notesRef: "refs/notes/missing") == nil)
    }

    @Test func commitReplacingFileMovesTheBranchAndKeepsTheWorkTreeClean() throws {
        let repo = try GitFixture()
        let tip = try repo.commit("base", files: ["environments/production.yml": "name: production\n", "other.txt": "o"])
        let repository = try Repository.open(at: repo.path)
        let new = try repository.commitReplacingFile(branch: "main", path: "environments/production.yml",
                                                     content: Data("name: production\ndeployed: {}\n".utf8),
                                                     message: "Promote\n\nShipgate-Build: x", expectedTip: ObjectID(hex: tip)!)
        #expect(try repo.git(["rev-parse", "main"]) == new.hex)
        #expect(try repo.git(["show", "main:environments/production.yml"]) == "name: production\ndeployed: {}")
        #expect(try repo.git(["diff", "--name-only", tip, new.hex]) == "environments/production.yml")
        #expect(try repo.git(["status", "--porcelain"]) == "")
    }

    @Test func compareAndSwapLosesCleanlyToAConcurrentWriter() throws {
        let repo = try GitFixture()
        let tip = try repo.commit("base", files: ["env.yml": "a\n"])
        let moved = try repo.commit("someone else", files: ["unrelated.txt": "u"])
        let repository = try Repository.open(at: repo.path)
        let error = #expect(throws: GitError.self) {
            try repository.commitReplacingFile(branch: "main", path: "env.yml", content: Data("b\n".utf8),
                                               message: "late", expectedTip: ObjectID(hex: tip)!)
        }
        #expect(error?.kind == .refMoved)
        #expect(error?.message.contains("re-run") == true)
        #expect(try repo.git(["rev-parse", "main"]) == moved)
        #expect(try repo.git(["status", "--porcelain"]) == "")
        #expect(try repo.git(["show", "main:env.yml"]) == "a")
    }

    @Test func aLockLeftByAKilledProcessDoesNotBlockForever() throws {
        let repo = try GitFixture()
        let tip = try repo.commit("base", files: ["env.yml": "a\n"])
        let lock = repo.path + "/.git/refs/heads/main.lock"
        try Data("dead writer".utf8).write(to: URL(fileURLWithPath: lock))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: lock)
        let repository = try Repository.open(at: repo.path)
        let new = try repository.commitReplacingFile(branch: "main", path: "env.yml", content: Data("b\n".utf8),
                                                     message: "after a crash", expectedTip: ObjectID(hex: tip)!)
        #expect(try repo.git(["rev-parse", "main"]) == new.hex)
        #expect(!FileManager.default.fileExists(atPath: lock))
    }
}

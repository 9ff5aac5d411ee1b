import Foundation
import GitKit
import Stacks
import Testing

@Suite struct AffectedTests {
    static let config = """
    stacks:
      database: { path: stacks/database }
      capture: { path: stacks/capture, depends_on: [database] }
      lake: { path: stacks/lake, depends_on: [capture] }
      query: { path: stacks/query }
      lambdas: { path: "services/*/lambda" }
    shared_paths: [cdk.json, "config/**/*.env"]
    """

    static func makeRepo() throws -> TempRepo {
        let repo = try TempRepo([
            "shipgate.yml": config, "cdk.json": "{}", "config/dev/a.env": "A=1",
            "stacks/database/app.py": "db", "stacks/capture/app.py": "cap", "stacks/capture/extra.py": "extra", "stacks/lake/app.py": "lake",
            "stacks/query/app.py": "q", "stacks/query/old.sql": "select 1", "services/ingest/lambda/h.py": "h",
            "services/ingest/docs/readme.md": "r", "README.md": "readme",
        ])
        try repo.commit("base")
        try repo.git("branch", "base")
        return repo
    }

    func affected(_ repo: TempRepo, workTree: Bool = false) throws -> [String] {
        let repository = try Repository.open(at: repo.root)
        let config = try ProjectConfig.load(repositoryRoot: repo.root)
        return try AffectedStacks.compute(in: repository, config: config, base: "base", includeWorkTree: workTree).stacks
    }

    @Test(arguments: [
        (["stacks/query/app.py"], ["query"]),
        (["stacks/database/app.py"], ["database", "capture", "lake"]),
        (["stacks/capture/app.py"], ["capture", "lake"]),
        (["stacks/lake/new.py"], ["lake"]),
        (["cdk.json"], ["database", "capture", "lake", "query", "lambdas"]),
        (["config/dev/a.env"], ["database", "capture", "lake", "query", "lambdas"]),
        (["services/ingest/lambda/h.py"], ["lambdas"]),
        (["services/ingest/docs/readme.md", "README.md"], []),
    ])
    func editsMapToStacks(edited: [String], expected: [String]) throws {
        let repo = try Self.makeRepo()
        defer { repo.remove() }
        try repo.write(Dictionary(uniqueKeysWithValues: edited.map { ($0, "edited \($0)") }))
        try repo.commit()
        #expect(try affected(repo) == expected)
    }

    @Test func renameAcrossStacksAffectsBoth() async throws {
        let repo = try Self.makeRepo()
        defer { repo.remove() }
        try repo.git("mv", "stacks/query/old.sql", "stacks/lake/old.sql")
        try repo.commit("move")
        #expect(try affected(repo) == ["lake", "query"])
    }

    @Test func deletionAffectsTheStack() async throws {
        let repo = try Self.makeRepo()
        defer { repo.remove() }
        try repo.git("rm", "-q", "stacks/capture/extra.py")
        try repo.commit("delete")
        #expect(try affected(repo) == ["capture", "lake"])
    }

    @Test func mergeBaseIgnoresChangesOnTheBaseBranch() async throws {
        let repo = try Self.makeRepo()
        defer { repo.remove() }
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write(["stacks/query/app.py": "feature"])
        try repo.commit("feature")
        try repo.git("checkout", "-q", "base")
        try repo.write(["stacks/database/app.py": "moved on"])
        try repo.commit("base moves")
        try repo.git("checkout", "-q", "feature")
        #expect(try affected(repo) == ["query"])
    }

    @Test func workTreeAddsUncommittedChanges() async throws {
        let repo = try Self.makeRepo()
        defer { repo.remove() }
        try repo.write(["stacks/query/app.py": "uncommitted"])
        #expect(try affected(repo).isEmpty)
        #expect(try affected(repo, workTree: true) == ["query"])
    }

    @Test func resolutionAgreesWithGitDiff() async throws {
        let repo = try Self.makeRepo()
        defer { repo.remove() }
        try repo.write(["stacks/lake/x.py": "x", "services/other/lambda/y.py": "y"])
        try repo.commit()
        let paths = try repo.git("diff", "--name-only", "base...HEAD").split(separator: "\n").map(String.init)
        let config = try ProjectConfig.load(repositoryRoot: repo.root)
        #expect(AffectedStacks.resolve(changedPaths: paths, config: config).stacks == (try affected(repo)))
        #expect(try affected(repo) == ["lake", "lambdas"])
    }

    @Test func shallowCloneNamesFetchDepthUnlessFallingBack() async throws {
        let repo = try Self.makeRepo()
        defer { repo.remove() }
        try repo.write(["stacks/query/app.py": "next"])
        try repo.commit()
        let clone = repo.root + "-clone"
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try TempRepo.run("/usr/bin/git", ["clone", "-q", "--depth", "1", "file://\(repo.root)", clone], in: repo.root)
        let failing = try await runShipgate(["affected", "--base", "HEAD~1"], in: clone)
        #expect(failing.status == 2)
        #expect(failing.output.contains("fetch-depth: 0"))
        #expect(failing.output.contains("--fallback all"))
        let fallback = try await runShipgate(["affected", "--base", "HEAD~1", "--fallback", "all", "--format", "json"], in: clone)
        #expect(fallback.status == 0)
        #expect(fallback.output.contains("\"stacks\":[\"database\",\"capture\",\"lake\",\"query\",\"lambdas\"]"))
    }

    @Test func githubOutputGetsTheMatrix() async throws {
        let repo = try Self.makeRepo()
        defer { repo.remove() }
        try repo.write(["stacks/capture/app.py": "next"])
        try repo.commit()
        let output = repo.root + "/.git/gh-output"
        FileManager.default.createFile(atPath: output, contents: Data("earlier=1\n".utf8))
        let result = try await runShipgate(["affected", "--base", "base", "--github-output"], in: repo.root, environment: ["GITHUB_OUTPUT": output])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "earlier=1\nstacks=[\"capture\",\"lake\"]\nany=true\n")
    }

    @Test func unknownBaseIsAUsageError() async throws {
        let repo = try Self.makeRepo()
        defer { repo.remove() }
        let result = try await runShipgate(["affected", "--base", "no-such-branch"], in: repo.root)
        #expect(result.status == 2)
        #expect(result.output.contains("no-such-branch"))
    }
}

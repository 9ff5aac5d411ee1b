import Foundation
import Stacks
import Testing
import TestSupport

/// The whole story of `examples/lambda-pipeline`, through the built binary, in a scratch copy with a
/// bare origin: change → affected → test → promote development → staging (soak) → production
/// (approvals) → env diff / history → rollback → deploy.
@Test("the lambda pipeline end to end")
func lambdaPipelineStory() throws {
    try #require(FileManager.default.isExecutableFile(atPath: ShipgateBinary.path), "build shipgate first")
    let scratch = try TemporaryDirectory("lambda")
    let root = scratch.path + "/repo"
    try FileManager.default.copyItem(atPath: packageRoot + "/examples/lambda-pipeline", toPath: root)
    try FileManager.default.copyItem(atPath: packageRoot + "/action.yml", toPath: root + "/action.yml")
    let origin = try GitFixture(bare: true, label: "lambda-origin")
    func git(_ arguments: String...) throws -> String {
        let output = try runProcess("/usr/bin/git", arguments, in: root)
        #expect(output.status == 0, "git \(arguments): \(output.stderr)")
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    func shipgate(_ arguments: [String], exit expected: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let output = try ShipgateBinary.run(arguments, in: root)
        #expect(output.status == expected, "shipgate \(arguments.joined(separator: " ")):\n\(output.stdout)\(output.stderr)", sourceLocation: sourceLocation)
        return output.stdout
    }
    _ = try git("init", "-q", "-b", "main")
    _ = try git("config", "user.name", "Dana Dev")
    _ = try git("config", "user.email", "dana@example.com")
    _ = try git("add", "-A")
    _ = try git("commit", "-q", "-m", "lambda pipeline")
    _ = try git("remote", "add", "origin", origin.path)
    _ = try git("push", "-q", "origin", "main")

    // The committed workflows are what shipgate.yml generates, and they lint clean.
    _ = try shipgate(["generate", "--check"])
    _ = try shipgate(["lint"])

    // Day 0: every stack's unit suite, then development runs the first build.
    _ = try shipgate(["test", "--suite", "unit", "--record"])
    _ = try shipgate(["promote", "--to", "development", "--now", "2026-11-02T09:00:00Z"])

    // Change one stack: affected names it and every stack downstream of it.
    let appFile = root + "/stacks/datalake/app.py"
    try (try String(contentsOfFile: appFile, encoding: .utf8) + "\n# a change to the batch layer\n").write(toFile: appFile, atomically: true, encoding: .utf8)
    _ = try git("commit", "-q", "-am", "datalake: change the batch layer")
    let build = try git("rev-parse", "HEAD")
    let config = try ProjectConfig.load(repositoryRoot: root)
    let expected = (["datalake"] + config.dependents(of: "datalake")).sorted()
    let affected = try shipgate(["affected", "--base", "HEAD~1", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(affected.utf8)) as? [String: Any])
    #expect((json["stacks"] as? [String])?.sorted() == expected)
    #expect(expected.count > 1 && expected.count < config.stacks.count)
    let stackFlags = expected.flatMap { ["--stack", $0] }

    // Their unit suites, recorded; development takes them.
    var text = try shipgate(["test", "--affected", "--base", "HEAD~1", "--suite", "unit", "--record"])
    #expect(text.contains("recorded \(expected.count) evidence line(s) on \(build.prefix(7))"))
    _ = try shipgate(["promote", "--to", "development"] + stackFlags + ["--now", "2026-11-03T09:00:00Z"])

    // Staging: the build's suites against development, then the soak holds it for an hour.
    _ = try git("checkout", "-q", "--detach", build)
    _ = try shipgate(["test", "--suite", "unit", "--suite", "integration", "--env", "development", "--record"] + stackFlags)
    text = try shipgate(["promote", "--to", "staging"] + stackFlags + ["--now", "2026-11-03T09:30:00Z"], exit: 1)
    #expect(text.contains("blocked by 1 gate: soak"), "\(text)")
    text = try shipgate(["promote", "--to", "staging"] + stackFlags + ["--now", "2026-11-03T10:00:00Z"])
    #expect(text.contains("promoted: staging now runs \(build.prefix(7))"))

    // Production: suites against staging; blocked until two people other than the author approve.
    _ = try shipgate(["test", "--suite", "unit", "--suite", "integration", "--env", "staging", "--record"] + stackFlags)
    text = try shipgate(["promote", "--to", "production"] + stackFlags + ["--now", "2026-11-04T10:00:00Z"], exit: 1)
    #expect(text.contains("blocked by 1 gate: approvals"), "\(text)")
    _ = try shipgate(["approve", "--env", "production", "--build", build, "--by", "alice", "--now", "2026-11-04T10:05:00Z"])
    text = try shipgate(["promote", "--to", "production"] + stackFlags + ["--now", "2026-11-04T10:06:00Z"], exit: 1)
    #expect(text.contains("1 of 2 approvals"), "\(text)")
    _ = try shipgate(["approve", "--env", "production", "--build", build, "--by", "bob", "--now", "2026-11-04T10:07:00Z"])
    text = try shipgate(["promote", "--to", "production"] + stackFlags + ["--now", "2026-11-04T10:10:00Z"])
    #expect(text.contains("promoted: production now runs \(build.prefix(7))"))
    _ = try git("switch", "-q", "main")
    _ = try git("push", "-q", "origin", "main", "refs/notes/shipgate")

    // What differs, what happened, and a rollback of development to the first build.
    text = try shipgate(["env", "diff", "development", "production"])
    #expect(text.contains("development runs \(build.prefix(7)), production runs \(build.prefix(7))"))
    text = try shipgate(["env", "history", "production"])
    #expect(text.contains(String(build.prefix(7))))
    let first = try git("rev-list", "--max-parents=0", "HEAD")
    text = try shipgate(["promote", "--to", "development", "--rollback", "--now", "2026-11-04T11:00:00Z"])
    #expect(text.contains("promoted: development now runs \(first.prefix(7))"), "\(text)")
    text = try shipgate(["env", "history", "development"])
    #expect(text.contains("rollback from \(build.prefix(7))"))

    // Deploy production from main: HEAD stands for the build production runs (below the record commits).
    text = try shipgate(["deploy", "--env", "production"])
    #expect(text.contains("\(expected.count) of \(expected.count) stack(s) deployed to production at \(build.prefix(7))"), "\(text)")
    #expect(try git("status", "--porcelain", "--untracked-files=no").isEmpty)
}

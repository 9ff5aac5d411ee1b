import Foundation
import Testing
import TestSupport

/// A repository with three stacks — `lake` depends on `db`, `api` is independent — whose deploy
/// commands append `stack start end env stage build` to `$DEPLOY_LOG`, and development promoted.
func deployFixture(dbDeploy: String = "true") throws -> (GitFixture, TemporaryDirectory) {
    let repository = try GitFixture()
    let record = "s=$(date +%s.%N); sleep 0.3; echo \"$SHIPGATE_STACK $s $(date +%s.%N) $SHIPGATE_ENV $STAGE $SHIPGATE_BUILD\" >> \"$DEPLOY_LOG\""
    try repository.write("shipgate.yml", """
        stacks:
          db: { path: db, deploy: '\(dbDeploy) && \(record)' }
          lake: { path: lake, depends_on: [db], deploy: '\(record)' }
          api: { path: api, deploy: '\(record)' }
          docs: { path: docs }
        """)
    for folder in ["db", "lake", "api", "docs"] { try repository.write("\(folder)/README", folder) }
    try repository.write("environments/development.yml", "branch: main\nvariables:\n  STAGE: dev-stage\n")
    try repository.commit("project")
    let promoted = try ShipgateBinary.run(["promote", "--to", "development", "--by", "ci"], in: repository.path)
    #expect(promoted.status == 0, "\(promoted.stdout)\(promoted.stderr)")
    return (repository, try TemporaryDirectory("deploy-log"))
}

struct LogLine {
    var stack: String, start: Double, end: Double, env: String, stage: String, build: String
}

func logLines(_ directory: TemporaryDirectory) throws -> [String: LogLine] {
    let text = (try? String(contentsOfFile: directory.path + "/log", encoding: .utf8)) ?? ""
    var lines: [String: LogLine] = [:]
    for line in text.split(separator: "\n") {
        let f = line.split(separator: " ").map(String.init)
        lines[f[0]] = LogLine(stack: f[0], start: Double(f[1])!, end: Double(f[2])!, env: f[3], stage: f[4], build: f[5])
    }
    return lines
}

@Test("deploys in dependency order, independent stacks in parallel, with the environment's variables; HEAD may be the promotion commit")
func deploysInOrder() throws {
    let (repository, log) = try deployFixture()
    let build = try repository.git(["rev-parse", "HEAD~1"])
    // -j 2 explicitly: the default is the number of cores, and a one-core machine would serialise.
    let output = try ShipgateBinary.run(["deploy", "--env", "development", "-j", "2"], in: repository.path, environment: ["DEPLOY_LOG": log.path + "/log"])
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.contains("3 of 3 stack(s) deployed to development"))
    let lines = try logLines(log)
    #expect(Set(lines.keys) == ["db", "lake", "api"])
    let db = try #require(lines["db"]), lake = try #require(lines["lake"]), api = try #require(lines["api"])
    #expect(lake.start >= db.end, "lake waits for db")
    #expect(api.start < db.end, "api runs beside db")
    #expect(lines.values.allSatisfy { $0.env == "development" && $0.stage == "dev-stage" && $0.build == build })
}

@Test("a failed deploy stops its dependents, not the independent stacks; exit 1")
func failureStopsDependents() throws {
    let (repository, log) = try deployFixture(dbDeploy: "exit 3")
    let output = try ShipgateBinary.run(["deploy", "--env", "development"], in: repository.path, environment: ["DEPLOY_LOG": log.path + "/log"])
    #expect(output.status == 1)
    #expect(output.stdout.contains("✘ db  failed (exit 3)"), "\(output.stdout)")
    #expect(output.stdout.contains("- lake  not-run (not run: db did not deploy)"))
    #expect(output.stdout.contains("1 of 3 stack(s) deployed"))
    #expect(Set(try logLines(log).keys) == ["api"])
}

@Test("refuses when the checked-out commit is not the deployed build; --stack picks stacks; unknown names are usage errors")
func refusals() throws {
    let (repository, log) = try deployFixture()
    let environment = ["DEPLOY_LOG": log.path + "/log"]
    try repository.commit("newer work", files: ["api/main.py": "print(1)\n"])
    var output = try ShipgateBinary.run(["deploy", "--env", "development"], in: repository.path, environment: environment)
    #expect(output.status == 1)
    #expect(output.stderr.contains("refused: development runs none of its stacks at the checked-out build"), "\(output.stderr)")
    try repository.git(["checkout", "-q", "--detach", "HEAD~2"])
    output = try ShipgateBinary.run(["deploy", "--env", "development", "--stack", "api"], in: repository.path, environment: environment)
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(Set(try logLines(log).keys) == ["api"])
    output = try ShipgateBinary.run(["deploy", "--env", "development", "--stack", "dcos"], in: repository.path, environment: environment)
    #expect(output.status == 2)
    #expect(output.stderr.contains("unknown stack \"dcos\" (did you mean \"docs\"?)"), "\(output.stderr)")
    output = try ShipgateBinary.run(["deploy", "--env", "development", "--stack", "docs"], in: repository.path, environment: environment)
    #expect(output.status == 2)
    #expect(output.stderr.contains("declares no deploy: command"))
    output = try ShipgateBinary.run(["deploy", "--env", "prod"], in: repository.path, environment: environment)
    #expect(output.status == 2)
    #expect(output.stderr.contains("no environment \"prod\""))
}

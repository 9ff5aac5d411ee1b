import Foundation
import Stacks
import Testing
import WorkflowModel

@Suite struct ProjectConfigTests {
    static let valid = """
    stacks:
      catalog:
        path: stacks/catalog
        suites:
          unit: { run: python3 -m unittest, timeout: 5m }
      datalake:
        path: ./stacks/datalake/
        depends_on: [catalog]
        deploy: cdk deploy
        suites:
          unit: { run: "true" }
          integration: { run: make it, timeout: 15m, junit: reports/it.xml }
    shared_paths: [requirements.txt, cdk.json]
    lint: { disable: [shell-check] }
    """

    @Test func parsesEveryKey() throws {
        let config = try ProjectConfig.parse(Self.valid, file: "shipgate.yml")
        #expect(config.stacks.map(\.name) == ["catalog", "datalake"])
        let datalake = try #require(config.stack(named: "datalake"))
        #expect(datalake.path == "stacks/datalake")
        #expect(datalake.dependsOn == ["catalog"])
        #expect(datalake.deploy == "cdk deploy")
        #expect(datalake.position.line == 6)
        #expect(datalake.suite(named: "integration") == Suite(name: "integration", run: "make it", timeout: 900, junit: "reports/it.xml",
                                                               position: SourcePosition(line: 12, column: 7)))
        #expect(datalake.suite(named: "unit")?.timeout == Suite.defaultTimeout)
        #expect(config.sharedPaths == ["requirements.txt", "cdk.json"])
        #expect(config.lintDisabled == ["shell-check"])
        #expect(config.suiteNames == ["integration", "unit"])
        #expect(config.dependents(of: "catalog") == ["datalake"])
        #expect(config.dependencyOrder(["datalake", "catalog"]).map(\.name) == ["catalog", "datalake"])
    }

    @Test(arguments: [
        ("stacks:\n  a:\n    pth: x\n", 3, "unknown key \"pth\" in stack \"a\" (did you mean \"path\"?)"),
        ("stack:\n  a: {path: x}\n", 1, "unknown key \"stack\" in shipgate.yml (did you mean \"stacks\"?)"),
        ("stacks:\n  a:\n    path: x\n    suites:\n      unit: { run: x, timout: 5m }\n", 5, "(did you mean \"timeout\"?)"),
        ("stacks:\n  a:\n    path: x\n    suites:\n      unit: { run: x, timeout: 5 minutes }\n", 5, "\"timeout\" must be a duration"),
        ("stacks:\n  a:\n    path: x\n    suites:\n      unit: { timeout: 5m }\n", 5, "missing the required key \"run\""),
        ("stacks:\n  a:\n    suites: {}\n", 3, "missing the required key \"path\""),
        ("stacks:\n  a: {path: x}\n  a: {path: y}\n", 3, "key \"a\" is repeated"),
        ("stacks:\n  a: {path: x}\n  b: {path: x}\n", 3, "have the same path"),
        ("stacks:\n  a: {path: x, depends_on: [b]}\n  b: {path: y, depends_on: [c]}\n  c: {path: z, depends_on: [a]}\n", 2, "cycle: a -> b -> c -> a"),
        ("stacks:\n  a: {path: x, depends_on: [catalgo]}\n  catalog: {path: y}\n", 2, "unknown stack \"catalgo\" (did you mean \"catalog\"?)"),
        ("stacks:\n  a: {path: x, depends_on: a}\n", 2, "depends on itself"),
        ("stacks:\n  a: {path: ../x}\n", 2, "must be relative to the repository root"),
        ("stacks:\n  a b: {path: x}\n", 2, "stack name \"a b\""),
        ("stacks: [a]\n", 1, "\"stacks\" must be a mapping"),
        ("shared_paths: [x]\n", 1, "missing the required key \"stacks\""),
        ("", 1, "the file is empty"),
        ("stacks:\n  a: {path: x}\nlint: { disabel: [x] }\n", 3, "(did you mean \"disable\"?)"),
    ])
    func reportsProblemsAtTheirLine(text: String, line: Int, message: String) {
        #expect {
            try ProjectConfig.parse(text, file: "shipgate.yml")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.line == line && diagnostic.message.contains(message) && diagnostic.file == "shipgate.yml"
        }
    }

    @Test func missingFoldersAreErrorsWhenARootIsGiven() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sg-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/stacks/a", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "stacks:\n  a: {path: stacks/a}\n  b: {path: stacks/b}\n  c: {path: \"services/*/lambda\"}\n"
            .write(toFile: root + "/shipgate.yml", atomically: true, encoding: .utf8)
        #expect {
            try ProjectConfig.load(repositoryRoot: root)
        } throws: { error in
            (error as? Diagnostic)?.description.hasPrefix("shipgate.yml:3:") == true && "\(error)".contains("stacks/b")
        }
        try FileManager.default.createDirectory(atPath: root + "/stacks/b", withIntermediateDirectories: true)
        #expect(throws: Diagnostic.self) { try ProjectConfig.load(repositoryRoot: root) }
        try FileManager.default.createDirectory(atPath: root + "/services", withIntermediateDirectories: true)
        let config = try ProjectConfig.load(repositoryRoot: root)
        #expect(config.stack(named: "c")?.directory == "services")
        #expect(try ProjectConfig.loadIfPresent(repositoryRoot: root + "/stacks") == nil)
        #expect(throws: UsageError.self) { try ProjectConfig.load(repositoryRoot: root + "/stacks") }
    }

    @Test(arguments: [
        ("stacks/db", "stacks/db/app.py", true),
        ("stacks/db", "stacks/db", true),
        ("stacks/db", "stacks/dbx/app.py", false),
        ("requirements.txt", "requirements.txt", true),
        ("services/*/lambda", "services/ingest/lambda/handler.py", true),
        ("services/*/lambda", "services/ingest/api/handler.py", false),
        ("**/*.sql", "warehouse/models/a.sql", true),
        ("**/*.sql", "a.sql", true),
        ("**/*.sql", "a.sqlx", false),
        ("stacks/[a-c]*", "stacks/catalog/x", true),
        ("stacks/[!a-c]*", "stacks/catalog/x", false),
        ("cdk.js?n", "cdk.json", true),
        (".", "anything/at/all", true),
    ])
    func pathPatterns(pattern: String, path: String, expected: Bool) {
        #expect(PathPattern(pattern).matches(path) == expected)
    }
}

import Foundation
import Stacks
import Testing
import WorkflowModel
@testable import Promotion

@Suite struct ManifestParserTests {
    let project = ProjectConfig(file: "shipgate.yml", stacks: [
        Stack(name: "datalake", path: "stacks/datalake", suites: [Suite(name: "unit", run: "true"), Suite(name: "integration", run: "true")]),
        Stack(name: "catalog", path: "stacks/catalog", suites: [Suite(name: "unit", run: "true")]),
    ])

    func parse(_ text: String, name: String = "staging") throws -> Environment {
        try ManifestParser.parse(text, path: "environments/\(name).yml", project: project)
    }

    func failure(_ text: String, name: String = "staging") -> Diagnostic? {
        do { _ = try parse(text, name: name); return nil } catch { return error as? Diagnostic }
    }

    @Test func readsEveryKey() throws {
        let environment = try parse("""
            name: staging
            promotes_from: development
            branch: main
            tags: ["v*"]
            gates:
              suites: [unit, integration]
              require_signed: true
              soak: 1h30m
              approvals: { count: 2, from: [a, b, c], not_author: true }
              freeze: [ { from: "2026-12-20", to: "2027-01-04" }, { weekly: "Fri 16:00 - Mon 08:00", tz: Europe/Berlin } ]
            secrets: [DB_PASSWORD]
            variables: { STAGE: staging, REPLICAS: "3" }
            """)
        #expect(environment.promotesFrom == "development")
        #expect(environment.branchPolicy == BranchPolicy(branch: "main", tags: ["v*"]))
        #expect(environment.gates.suites == ["unit", "integration"])
        #expect(environment.gates.requireSigned)
        #expect(environment.gates.soak == 5400)
        #expect(environment.gates.approvals == ApprovalPolicy(count: 2, from: ["a", "b", "c"], notAuthor: true))
        #expect(environment.gates.freeze.count == 2)
        #expect(environment.variables.map(\.name) == ["STAGE", "REPLICAS"])
        #expect(environment.variables.map(\.value) == ["staging", "3"])
        #expect(environment.gates.requiredSuites(of: "catalog", declared: ["unit"]) == ["unit"])
    }

    @Test func typoIsAnErrorWithSuggestionAtItsLine() {
        let diagnostic = failure("branch: main\npromote_from: development\n")
        #expect(diagnostic?.line == 2)
        #expect(diagnostic?.message.contains("did you mean \"promotes_from\"") == true)
        let nested = failure("branch: main\ngates:\n  sok: 1h\n")
        #expect(nested?.line == 3)
        #expect(nested?.message.contains("did you mean \"soak\"") == true)
    }

    @Test(arguments: [
        ("branch: main\ngates:\n  soak: 24 hours\n", 3, "duration"),
        ("branch: main\ngates:\n  suites: [unit, integraton]\n", 3, "did you mean \"integration\""),
        ("branch: main\ngates:\n  suites: { datalak: [unit] }\n", 3, "did you mean \"datalake\""),
        ("branch: main\ngates:\n  suites: { catalog: [integration] }\n", 3, "unknown suite"),
        ("branch: main\ndeployed:\n  build: \(String(repeating: "a", count: 40))\n  at: 2026-01-01T00:00:00Z\n  stacks: { warehouse: \(String(repeating: "a", count: 40)) }\n", 5, "unknown stack \"warehouse\""),
        ("branch: main\ngates:\n  freeze: [ { weekly: \"Fri 16:00 - Mon 08:00\", tz: Europe/Berln } ]\n", 3, "did you mean \"Europe/Berlin\""),
        ("branch: main\ngates:\n  freeze: [ { weekly: \"Fry 16:00 - Mon 08:00\" } ]\n", 3, "Fri 16:00 - Mon 08:00"),
        ("branch: main\ngates:\n  freeze: [ { from: \"2026-12-20\", to: \"2026-02-30\" } ]\n", 3, "not a calendar date"),
        ("branch: main\ngates:\n  approvals: { count: 3, from: [a, b] }\n", 3, "only 2 people"),
        ("branch: main\ngates:\n  require_signed: yes please\n", 3, "true or false"),
        ("branch: main\nvariables: { 1BAD: x }\n", 2, "not a valid variable name"),
        ("name: prod\nbranch: main\n", 1, "must match"),
        ("promotes_from: development\n", 1, "missing the required key \"branch\""),
        ("branch: main\ndeployed:\n  build: 3f1c\n  at: 2026-01-01T00:00:00Z\n", 3, "40-digit"),
    ])
    func badInputIsADiagnostic(text: String, line: Int, fragment: String) {
        let diagnostic = failure(text)
        #expect(diagnostic?.line == line, "\(String(describing: diagnostic))")
        #expect(diagnostic?.message.contains(fragment) == true, "\(String(describing: diagnostic))")
        #expect(diagnostic?.file == "environments/staging.yml")
    }

    func chain(_ manifests: [String: String]) -> Diagnostic? {
        do {
            let environments = try manifests.map { try ManifestParser.parse($0.value, path: "environments/\($0.key).yml", project: nil) }
            _ = try EnvironmentChain(validating: environments)
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    @Test func chainIsOrderedRootFirst() throws {
        let environments = try [("production", "promotes_from: staging\nbranch: main\n"), ("development", "branch: main\n"),
                                ("staging", "promotes_from: development\nbranch: main\n")]
            .map { try ManifestParser.parse($0.1, path: "environments/\($0.0).yml", project: nil) }
        #expect(try EnvironmentChain(validating: environments).environments.map(\.name) == ["development", "staging", "production"])
    }

    @Test func chainErrors() {
        let cycle = chain(["development": "branch: main\n", "staging": "promotes_from: production\nbranch: main\n",
                           "production": "promotes_from: staging\nbranch: main\n"])
        #expect(cycle?.message.contains("promotion cycle") == true)
        #expect(cycle?.line == 1)
        let twoRoots = chain(["development": "branch: main\n", "staging": "branch: main\n"])
        #expect(twoRoots?.message.contains("exactly one root") == true)
        let missing = chain(["development": "branch: main\n", "staging": "promotes_from: developmnt\nbranch: main\n"])
        #expect(missing?.message.contains("did you mean \"development\"") == true)
        let fork = chain(["development": "branch: main\n", "staging": "promotes_from: development\nbranch: main\n",
                          "qa": "promotes_from: development\nbranch: main\n"])
        #expect(fork?.message.contains("linear") == true)
        let noRoot = chain(["a": "promotes_from: b\nbranch: main\n", "b": "promotes_from: a\nbranch: main\n"])
        #expect(noRoot?.message.contains("cycle") == true)
    }
}

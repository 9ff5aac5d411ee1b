import Testing
import WorkflowModel
@testable import Lint

/// `lint:` in shipgate.yml: parsing, errors, and the settings reaching the rules.
@Suite struct LintConfigTests {
    static func parse(_ text: String) throws -> LintConfig {
        let root = try #require(try YAMLDocument.parse(text, file: "shipgate.yml"))
        return try LintConfig.parse(root, file: "shipgate.yml")
    }

    @Test func readsAllowUnpinned() throws {
        let config = try Self.parse("lint:\n  disable: [cron]\n  allow_unpinned: [actions, docker/login-action]\n")
        #expect(config.disabled == ["cron"])
        #expect(config.allowUnpinned == ["actions", "docker/login-action"])
        #expect(config.allowsUnpinned("actions/checkout"))
        #expect(config.allowsUnpinned("actions/cache/restore"))
        #expect(config.allowsUnpinned("docker/login-action"))
        #expect(!config.allowsUnpinned("docker/build-push-action"))
        #expect(!config.allowsUnpinned("actions-rs/toolchain"))
    }

    @Test func defaultAllowsNothing() throws {
        let config = try Self.parse("stacks: {}\n")
        #expect(config.allowUnpinned.isEmpty)
        #expect(!config.allowsUnpinned("actions/checkout"))
    }

    @Test(arguments: ["allow_unpinned: [actions/checkout@v4]", "allow_unpinned: [a/b/c]", "allow_unpinned: ['/x']", "allow_unpined: [actions]"])
    func rejectsBadEntries(line: String) throws {
        #expect(throws: Diagnostic.self) { try Self.parse("lint:\n  \(line)\n") }
    }

    @Test func allowListReachesTheRule() throws {
        let text = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n"
        func unpinned(_ config: LintConfig) -> [Int] {
            Linter(config: config).lint(text: text, file: "ci.yml", context: LintContext(relativePath: nil, config: config) { _ in nil })
                .filter { $0.ruleID == "unpinned-action" }.map(\.position.line)
        }
        #expect(unpinned(LintConfig()) == [6, 7])
        #expect(unpinned(LintConfig(allowUnpinned: ["actions"])) == [7])
        #expect(unpinned(LintConfig(allowUnpinned: ["actions", "docker"])) == [])
    }
}

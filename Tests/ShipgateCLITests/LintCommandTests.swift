import Foundation
import Testing

/// `shipgate lint` and `shipgate rules` end to end: the built binary in temporary git repositories.
@Suite struct LintCommandTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/debug/shipgate").standardized.path

    /// A temporary directory, a git repository when `git` is true.
    static func scratch(git: Bool = true, files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shipgate-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if git { try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func shipgate(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build shipgate first: swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "shipgate crashed: \(String(decoding: stderr, as: UTF8.self))")
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let goodWorkflow = """
    on: push
    permissions: {}
    jobs:
      build:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
            with:
              persist-credentials: false
          - uses: ./.github/actions/setup
            with:
              version: 22
    """

    static let setupAction = """
    name: Setup
    description: Set up
    inputs:
      version: { description: Version, required: true }
    runs:
      using: composite
      steps:
        - run: echo setup
          shell: bash
    """

    @Test func cleanRepositoryPassesWithNoPaths() throws {
        let root = try Self.scratch(files: [".github/workflows/ci.yml": Self.goodWorkflow, ".github/actions/setup/action.yml": Self.setupAction])
        let run = try Self.shipgate(["lint"], in: root.appendingPathComponent(".github"))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func findingsExitOneWithCaretAndAreFoundWithoutPaths() throws {
        let bad = Self.goodWorkflow.replacingOccurrences(of: "version: 22", with: "versoin: 22")
        let root = try Self.scratch(files: [".github/workflows/ci.yml": bad, ".github/actions/setup/action.yml": Self.setupAction,
                                            ".github/actions/broken/action.yaml": "name: Broken\nruns:\n  usin: node20\n"])
        let run = try Self.shipgate(["lint"], in: root)
        #expect(run.status == 1)
        #expect(run.stdout.contains(".github/workflows/ci.yml:12:11: action ./.github/actions/setup has no input \"versoin\" (did you mean \"version\"?)"))
        #expect(run.stdout.contains("12 |           versoin: 22\n   |           ^"))
        #expect(run.stdout.contains(".github/actions/broken/action.yaml:3:3: unknown key \"usin\""))
    }

    @Test func shipgateYmlDisablesRulesAndInlineCommentsSuppressLines() throws {
        let workflow = """
        on: push
        permissions: {}
        jobs:
          build:
            runs-on: ubuntu-20.04
            timeout-minutes: 0 # shipgate-disable-line timeout-minutes
            steps:
              - run: make
                shell: bsh
        """
        let files = [".github/workflows/ci.yml": workflow]
        let root = try Self.scratch(files: files)
        let before = try Self.shipgate(["lint", "--format", "json"], in: root)
        #expect(before.status == 1)
        let rules = try Self.rules(inJSON: before.stdout)
        #expect(rules == ["runner-label", "shell"])

        try Data("stacks: {}\nlint:\n  disable: [runner-label, shell]\n".utf8).write(to: root.appendingPathComponent("shipgate.yml"))
        let after = try Self.shipgate(["lint", "--format", "json"], in: root)
        #expect(after.status == 0, "\(after.stdout)")
        #expect(try Self.rules(inJSON: after.stdout).isEmpty)
    }

    @Test func pathsAroundOptionsAreAllLintedInOrder() throws {
        let bad = Self.goodWorkflow.replacingOccurrences(of: "version: 22", with: "versoin: 22")
        let root = try Self.scratch(files: ["a.yml": bad, "b.yml": Self.goodWorkflow, "c.yml": bad, ".github/actions/setup/action.yml": Self.setupAction])
        let split = try Self.shipgate(["lint", "c.yml", "--format", "json", "b.yml", "--color=never", "a.yml"], in: root)
        let parsed = try Self.shipgate(["lint", "--format", "json", "--", "c.yml", "b.yml", "a.yml"], in: root)
        #expect(split.status == 1)
        #expect(split.stdout == parsed.stdout)
        #expect(split.stdout.contains("\"file\" : \"a.yml\"") && split.stdout.contains("\"file\" : \"c.yml\""))
        let missing = try Self.shipgate(["lint", "a.yml", "--format", "json", "nope.yml"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yml: no such file"))
    }
    /// Options the start-up shortcut does not judge (a bad value, a repeat) reach argument-parser.
    @Test func optionsOutsideTheShortcutGoToTheParser() throws {
        let root = try Self.scratch(files: ["a.yml": Self.goodWorkflow, "b.yml": Self.goodWorkflow, ".github/actions/setup/action.yml": Self.setupAction])
        let bad = try Self.shipgate(["lint", "--format", "xml", "a.yml", "b.yml"], in: root)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("The value 'xml' is invalid for '--format <format>'"))
        let repeated = try Self.shipgate(["lint", "--format", "human", "--format", "json", "a.yml", "b.yml"], in: root)
        let parsed = try Self.shipgate(["lint", "--format", "human", "--format", "json", "--", "a.yml", "b.yml"], in: root)
        #expect(repeated.status == parsed.status)
        #expect(repeated.stdout == parsed.stdout)
        #expect(repeated.stdout.hasPrefix("["))
    }

    @Test func unknownRuleInConfigurationIsAUsageError() throws {
        let root = try Self.scratch(files: [".github/workflows/ci.yml": Self.goodWorkflow, "shipgate.yml": "lint:\n  disable: [runner-lable]\n"])
        let run = try Self.shipgate(["lint", ".github/workflows/ci.yml"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("shipgate.yml:2:13: unknown rule \"runner-lable\" in lint.disable (did you mean \"runner-label\"?)"))
    }

    @Test func usageErrorsExitTwo() throws {
        let root = try Self.scratch(git: false, files: ["dir/x.yml": Self.goodWorkflow])
        let missing = try Self.shipgate(["lint", "nope.yml"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yml: no such file"))
        let directory = try Self.shipgate(["lint", "dir"], in: root)
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))
        let noRepository = try Self.shipgate(["lint"], in: root)
        #expect(noRepository.status == 2)
        let format = try Self.shipgate(["lint", "--format", "xml", "dir/x.yml"], in: root)
        #expect(format.status == 64 || format.status == 2, "ArgumentParser rejects an unknown format")
    }

    @Test func githubFormatIsTheDefaultUnderActions() throws {
        let root = try Self.scratch(files: ["w.yml": "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{name: x}]\n"])
        let run = try Self.shipgate(["lint", "w.yml"], in: root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(run.status == 1)
        #expect(run.stdout == "::error file=w.yml,line=6,col=13,title=shipgate step-kind::step \"x\" has neither \"uses\" nor \"run\": add the action to use or the script to run\n")
    }

    /// Hostile inputs: each a clear `syntax` finding (exit 1), never a crash.
    @Test(arguments: [
        ("empty.yml", Data(), "the file is empty"),
        ("list.yml", Data("- on: push\n".utf8), "top level must be a mapping"),
        ("nul.yml", Data("on: push\0\n".utf8), "NUL byte"),
        ("utf8.yml", Data([0x6F, 0x6E, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]), "not valid UTF-8"),
        ("deep.yml", Data(("a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8), "nesting deeper"),
        ("bomb.yml", Data(Self.billionLaughs.utf8), "alias bomb"),
        ("big.yml", Data(("on: push\njobs:\n" + String(repeating: "  j: {runs-on: x, steps: [{run: make}]}\n# padding padding padding padding\n", count: 90_000)).utf8), "more than the 4 MB"),
    ])
    func hostileInputIsADiagnostic(name: String, content: Data, message: String) throws {
        let root = try Self.scratch(git: false, files: [:])
        try content.write(to: root.appendingPathComponent(name))
        let run = try Self.shipgate(["lint", name], in: root)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("\(name):"))
        #expect(run.stdout.contains(message))
        #expect(run.stdout.contains("[syntax]"))
    }

    @Test func rulesListsEveryRule() throws {
        let run = try Self.shipgate(["rules"], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0)
        for id in ["syntax", "unknown-key", "needs", "runner-label", "reusable-workflow"] {
            #expect(run.stdout.contains("\n\(id) "))
        }
    }

    static let billionLaughs: String = {
        var lines = ["on: push", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = "abcdefghij".map(String.init)
        for index in 1..<names.count {
            lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ", ") + "]")
        }
        return (lines + ["jobs: *j"]).joined(separator: "\n")
    }()

    static func rules(inJSON text: String) throws -> [String] {
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return items.compactMap { $0["rule"] as? String }
    }
}

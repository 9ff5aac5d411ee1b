import Foundation
import GitKit
import Testing

/// A temporary git repository built with the git CLI, isolated from the user's configuration,
/// and a way to run the built `shipgate` binary inside it.
final class Fixture {
    let root: URL
    private static let isolation: [String: String] = [
        "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1",
        "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
    ]

    init(environments: [String: String] = Fixture.standardChain) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("shipgate-promo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "alice")
        try git("config", "user.email", "alice@example.com")
        for (name, text) in environments { try write("environments/\(name).yml", text) }
        try commitAll("environments")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    static let standardChain = [
        "development": "branch: main\n",
        "staging": "promotes_from: development\nbranch: main\ngates:\n  soak: 24h\n",
        "production": """
            # Production: people own this part of the file.
            promotes_from: staging
            branch: main          # builds must be on main
            gates:
              approvals: { count: 1, not_author: true }
            secrets: [DB_PASSWORD]

            """,
    ]

    var path: String { root.path }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Commits every change as `author`, returning the new commit id.
    @discardableResult
    func commitAll(_ subject: String, author: String = "alice") throws -> ObjectID {
        try git("add", "-A")
        try git("-c", "user.name=\(author)", "-c", "user.email=\(author)@example.com", "commit", "-q", "--allow-empty", "-m", subject)
        return ObjectID(hex: try git("rev-parse", "HEAD"))!
    }

    func repository() throws -> Repository { try Repository.open(at: path) }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try gitArgs(arguments)
    }

    @discardableResult
    func gitArgs(_ arguments: [String], in directory: URL? = nil) throws -> String {
        let result = try Fixture.run("/usr/bin/git", arguments, in: directory ?? root, environment: Fixture.isolation)
        guard result.status == 0 else {
            throw FixtureError("git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built binary in the repository.
    func shipgate(_ arguments: String..., environment: [String: String] = [:]) throws -> Result {
        try Fixture.run(Fixture.binary(), arguments, in: root, environment: Fixture.isolation.merging(environment) { $1 })
    }

    static func binary() throws -> String {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = packageRoot.appendingPathComponent(".build/debug/shipgate").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw FixtureError("\(path) is missing: run `swift build` before the tests")
        }
        return path
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]) throws -> Result {
        let process = try start(executable, arguments, in: directory, environment: environment)
        let out = process.standardOutput as! Pipe, err = process.standardError as! Pipe
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func start(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for key in ["SHIPGATE_ACTOR", "GITHUB_ACTOR", "GITHUB_ACTIONS", "SHIPGATE_EVIDENCE_KEY"] { env[key] = nil }
        process.environment = env.merging(environment) { $1 }
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

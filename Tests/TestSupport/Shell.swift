import Foundation

/// What a finished child process printed and how it exited.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `executable` with `arguments` in `directory`, feeding `input` on stdin, and waits.
/// Test-only: the product never runs processes through Foundation (see PLATFORM-NOTES).
@discardableResult
public func runProcess(_ executable: String, _ arguments: [String], in directory: String,
                       environment: [String: String] = [:], input: String? = nil) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var env = ProcessInfo.processInfo.environment
    env["GIT_CONFIG_GLOBAL"] = "/dev/null"
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "GITHUB_ACTIONS")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try? inPipe.fileHandleForWriting.close()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutput(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self))
}

/// A temporary directory removed when the value is released.
public final class TemporaryDirectory {
    public let path: String

    public init(_ label: String = "shipgate-test") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func url(_ relative: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(relative) }

    /// Writes `content` to `relative`, creating folders.
    public func write(_ relative: String, _ content: String) throws {
        let url = url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }
}

/// A scratch git repository driven through the git CLI, for building fixtures and expected answers.
public final class GitFixture {
    public let directory: TemporaryDirectory
    public var path: String { directory.path }

    /// A new repository on branch `main` with a test identity; `bare` for a remote.
    public init(bare: Bool = false, label: String = "repo") throws {
        directory = try TemporaryDirectory(label)
        try git(bare ? ["init", "-q", "--bare", "-b", "main", "."] : ["init", "-q", "-b", "main", "."])
        try git(["config", "user.name", "Test Author"])
        try git(["config", "user.email", "author@example.com"])
        try git(["config", "gc.auto", "0"])
        try git(["config", "commit.gpgsign", "false"])
    }

    /// Runs git in the repository and returns its trimmed stdout; throws when git fails.
    @discardableResult
    public func git(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let output = try runProcess("/usr/bin/git", arguments, in: path, environment: environment)
        guard output.status == 0 else {
            throw FixtureError(message: "git \(arguments.joined(separator: " ")) failed: \(output.stderr)")
        }
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func write(_ relative: String, _ content: String) throws { try directory.write(relative, content) }

    /// Writes the files, stages everything and commits; returns the new commit id.
    @discardableResult
    public func commit(_ message: String, files: [String: String] = [:], date: String? = nil) throws -> String {
        for (file, content) in files { try write(file, content) }
        try git(["add", "-A"])
        var env: [String: String] = [:]
        if let date { env["GIT_AUTHOR_DATE"] = date; env["GIT_COMMITTER_DATE"] = date }
        try git(["commit", "-q", "--allow-empty", "-m", message], environment: env)
        return try git(["rev-parse", "HEAD"])
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The `shipgate` executable built beside the tests.
public enum ShipgateBinary {
    public static var path: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("shipgate").path,
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("shipgate").path]
            + ["debug", "release"].map { root.appendingPathComponent(".build/\($0)/shipgate").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// Runs shipgate with `arguments` in `directory`.
    @discardableResult
    public static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                           input: String? = nil) throws -> ProcessOutput {
        try runProcess(path, arguments, in: directory, environment: environment, input: input)
    }
}

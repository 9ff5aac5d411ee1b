import Foundation
import Testing

/// A temporary git repository isolated from the user's configuration, removed by `remove()`.
struct TempRepo {
    let root: String

    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sg-stacks-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Test")
        try git("config", "user.email", "test@example.com")
        try write(files)
    }

    func write(_ files: [String: String]) throws {
        for (path, content) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    func commit(_ message: String = "change") throws {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try TempRepo.run("/usr/bin/git", Array(arguments), in: root)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    static let isolatedEnvironment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        for name in ["GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "SHIPGATE_EVIDENCE_KEY", "CI"] {
            environment.removeValue(forKey: name)
        }
        return environment
    }()

    /// Runs a program to completion; returns its standard output; throws on a non-zero exit.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], in directory: String, environment: [String: String] = isolatedEnvironment) throws -> String {
        let result = try Spawned.start(program, arguments, in: directory, environment: environment).waitBlocking()
        guard result.status == 0 else {
            throw TestFailure("\(program) \(arguments.joined(separator: " ")) exited \(result.status): \(result.output)")
        }
        return result.output
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A child process started with posix_spawn (default signal dispositions, empty mask), its
/// standard output and error going to a temporary file.
struct Spawned {
    let pid: pid_t
    let outputPath: String

    static func start(_ program: String, _ arguments: [String], in directory: String, environment: [String: String],
                      outputPath: String? = nil) throws -> Spawned {
        let outputPath = outputPath ?? FileManager.default.temporaryDirectory.appendingPathComponent("sg-out-\(UUID().uuidString)").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // `env -C` changes directory and then execs the program: the pid stays the program's.
        let argv = (["/usr/bin/env", "-C", directory, program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, envp)
        guard code == 0 else { throw TestFailure("cannot start \(program): \(code)") }
        return Spawned(pid: pid, outputPath: outputPath)
    }

    /// Peak resident memory (kB) of the running process, from /proc; nil once it has exited.
    func peakMemoryKB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }

    /// Waits without blocking a thread of the test runner's pool (in-process runner tests share it).
    func wait() async throws -> (status: Int32, output: String) {
        var status: Int32 = 0
        while true {
            let code = waitpid(pid, &status, WNOHANG)
            if code == pid { break }
            guard code == 0 || errno == EINTR else { throw TestFailure("waitpid failed: \(errno)") }
            try await Task.sleep(for: .milliseconds(5))
        }
        return collect(status)
    }

    /// Blocking wait, for short programs (git).
    func waitBlocking() throws -> (status: Int32, output: String) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw TestFailure("waitpid failed: \(errno)") }
        }
        return collect(status)
    }

    private func collect(_ status: Int32) -> (status: Int32, output: String) {
        let output = outputPath == "/dev/null" ? "" : (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        if outputPath != "/dev/null" { try? FileManager.default.removeItem(atPath: outputPath) }
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }
}

/// The built `shipgate` binary (`swift build` first).
let shipgateBinary: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/shipgate").path
}()

func runShipgate(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) async throws -> (status: Int32, output: String) {
    try await startShipgate(arguments, in: directory, environment: extra).wait()
}

func startShipgate(_ arguments: [String], in directory: String, environment extra: [String: String] = [:], outputPath: String? = nil) throws -> Spawned {
    guard FileManager.default.isExecutableFile(atPath: shipgateBinary) else {
        throw TestFailure("build the binary first: \(shipgateBinary) is missing (run `swift build`)")
    }
    let environment = TempRepo.isolatedEnvironment.merging(extra) { $1 }
    return try Spawned.start(shipgateBinary, arguments, in: directory, environment: environment, outputPath: outputPath)
}

/// True when a process with this id exists and is not a zombie.
func isAlive(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    return stat[stat.index(close, offsetBy: 2)] != "Z"
}

func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

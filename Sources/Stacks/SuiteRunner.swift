import Foundation
import WorkflowModel

/// One suite of one stack, selected to run.
public struct SuiteJob: Sendable, Equatable {
    public var stack: Stack
    public var suite: Suite

    public init(stack: Stack, suite: Suite) {
        self.stack = stack
        self.suite = suite
    }

    /// `stack/suite`, as shown in output.
    public var id: String { "\(stack.name)/\(suite.name)" }
    /// The log file name under `.shipgate/logs/`.
    public var logName: String { "\(stack.name).\(suite.name).log" }
}

/// What happened to one suite.
public struct SuiteResult: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case passed, failed, timedOut = "timed-out", interrupted, error, notRun = "not-run"
    }

    public var stack: String
    public var suite: String
    public var status: Status
    public var exitCode: Int32?
    /// A few words on a non-passing status: `exit 1`, `command not found (exit 127)`, `timed out after 5m`.
    public var detail: String?
    /// Seconds.
    public var duration: Double
    /// The log file, relative to the repository root.
    public var logPath: String
    /// The suite's JUnit report, when it declares one and wrote it during this run.
    public var junit: JUnitReport?
    /// Why the declared JUnit report could not be used.
    public var junitProblem: String?

    public var id: String { "\(stack)/\(suite)" }

    public init(stack: String, suite: String, status: Status, exitCode: Int32? = nil, detail: String? = nil, duration: Double,
                logPath: String, junit: JUnitReport? = nil, junitProblem: String? = nil) {
        self.stack = stack
        self.suite = suite
        self.status = status
        self.exitCode = exitCode
        self.detail = detail
        self.duration = duration
        self.logPath = logPath
        self.junit = junit
        self.junitProblem = junitProblem
    }
}

/// Every suite's result, in selection order.
public struct RunReport: Sendable {
    public var results: [SuiteResult]
    /// True when the run was stopped (Ctrl-C) before every suite finished.
    public var interrupted: Bool
    /// Wall-clock seconds of the whole run.
    public var duration: Double

    public init(results: [SuiteResult], interrupted: Bool, duration: Double) {
        self.results = results
        self.interrupted = interrupted
        self.duration = duration
    }

    /// True when every selected suite ran and passed.
    public var passed: Bool { !interrupted && results.allSatisfy { $0.status == .passed } }
}

/// Progress of a run, for live display.
public enum RunEvent: Sendable {
    case started(SuiteJob)
    /// One line of a suite's output (without its newline), only when the runner is verbose.
    case output(SuiteJob, [UInt8])
    case finished(SuiteJob, SuiteResult)
}

/// `--shard I/N`: the I-th of N deterministic slices of the selected suites (1-based).
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw UsageError("invalid shard \(index)/\(count)", hint: "write I/N with 1 ≤ I ≤ N, e.g. --shard 2/4")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw UsageError("invalid shard \"\(text)\"", hint: "write I/N with 1 ≤ I ≤ N, e.g. --shard 2/4")
        }
        try self.init(index: index, count: count)
    }

    /// The jobs of this shard: jobs sorted by `stack/suite`, dealt round-robin, so every shard's
    /// choice depends only on the names and every job lands in exactly one shard.
    public func slice(_ jobs: [SuiteJob]) -> [SuiteJob] {
        let mine = Set(jobs.map(\.id).sorted().enumerated().filter { $0.offset % count == index - 1 }.map(\.element))
        return jobs.filter { mine.contains($0.id) }
    }
}

/// Runs suites of stacks in parallel, each in its own process group, with logs under
/// `.shipgate/logs/`.
public struct SuiteRunner: Sendable {
    public var repositoryRoot: String
    /// Most suites running at once.
    public var jobs: Int
    /// `SHIPGATE_ENV`, when the run targets an environment.
    public var environmentName: String?
    /// Extra variables for every suite (an environment manifest's `variables:`).
    public var variables: [String: String]
    /// Seconds between SIGTERM and SIGKILL when a suite is stopped.
    public var gracePeriod: Double
    /// Emit `.output` events with each line of every suite's output.
    public var verbose: Bool

    public init(repositoryRoot: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, environmentName: String? = nil,
                variables: [String: String] = [:], gracePeriod: Double = 5, verbose: Bool = false) {
        self.repositoryRoot = repositoryRoot
        self.jobs = max(1, jobs)
        self.environmentName = environmentName
        self.variables = variables
        self.gracePeriod = gracePeriod
        self.verbose = verbose
    }

    /// The `.shipgate/` folder; it carries a `.gitignore` of `*` so it never dirties the work tree.
    public static func stateDirectory(repositoryRoot: String) throws -> String {
        let folder = (repositoryRoot as NSString).appendingPathComponent(".shipgate")
        let ignore = (folder as NSString).appendingPathComponent(".gitignore")
        try FileManager.default.createDirectory(atPath: folder + "/logs", withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: ignore) {
            try AtomicFile.write(Data("*\n".utf8), to: ignore)
        }
        return folder
    }

    /// Selects the suites to run: `stacks` and `suites` filter by name (nil: all); unknown names
    /// are a `UsageError` with a suggestion.
    public static func select(config: ProjectConfig, stacks: [String]? = nil, suites: [String]? = nil, shard: Shard? = nil) throws -> [SuiteJob] {
        let stackNames = config.stacks.map(\.name)
        for name in stacks ?? [] where !stackNames.contains(name) {
            throw UsageError("unknown stack \"\(name)\"\(Suggestion.hint(for: name, in: stackNames))",
                             hint: "stacks in \(config.file): \(stackNames.joined(separator: ", "))")
        }
        for name in suites ?? [] where !config.suiteNames.contains(name) {
            throw UsageError("unknown suite \"\(name)\"\(Suggestion.hint(for: name, in: config.suiteNames))",
                             hint: "suites in \(config.file): \(config.suiteNames.joined(separator: ", "))")
        }
        let jobs = config.stacks.filter { stacks?.contains($0.name) ?? true }.flatMap { stack in
            stack.suites.filter { suites?.contains($0.name) ?? true }.map { SuiteJob(stack: stack, suite: $0) }
        }
        return shard.map { $0.slice(jobs) } ?? jobs
    }

    /// Runs `jobs`, at most `self.jobs` at once. Cancelling the calling task (Ctrl-C) stops every
    /// running suite's process group and marks the suites not yet started `not-run`.
    public func run(_ jobs: [SuiteJob], events: @escaping @Sendable (RunEvent) -> Void = { _ in }) async throws -> RunReport {
        let logs = (try SuiteRunner.stateDirectory(repositoryRoot: repositoryRoot) as NSString).appendingPathComponent("logs")
        let started = ContinuousClock.now
        var results = [SuiteResult?](repeating: nil, count: jobs.count)
        await withTaskGroup(of: (Int, SuiteResult).self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count, !Task.isCancelled else { return }
                let index = next, job = jobs[index]
                next += 1
                events(.started(job))
                group.addTask { (index, await runOne(job, logs: logs, events: events)) }
            }
            for _ in 0..<min(self.jobs, jobs.count) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                events(.finished(jobs[index], result))
                startNext()
            }
        }
        let interrupted = Task.isCancelled || results.contains { $0 == nil || $0?.status == .interrupted }
        let final = results.enumerated().map { index, result in
            result ?? SuiteResult(stack: jobs[index].stack.name, suite: jobs[index].suite.name, status: .notRun, duration: 0,
                                  logPath: ".shipgate/logs/\(jobs[index].logName)")
        }
        return RunReport(results: final, interrupted: interrupted, duration: started.duration(to: .now).seconds)
    }

    /// Runs one suite with its output streamed to its log file.
    func runOne(_ job: SuiteJob, logs: String, events: @escaping @Sendable (RunEvent) -> Void) async -> SuiteResult {
        let logPath = (logs as NSString).appendingPathComponent(job.logName)
        let relativeLog = ".shipgate/logs/\(job.logName)"
        var result = SuiteResult(stack: job.stack.name, suite: job.suite.name, status: .error, duration: 0, logPath: relativeLog)
        let fd = open(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            result.detail = "cannot write \(relativeLog): \(String(cString: strerror(errno)))"
            return result
        }
        defer { close(fd) }
        var environment = variables
        environment["SHIPGATE_STACK"] = job.stack.name
        environment["SHIPGATE_SUITE"] = job.suite.name
        environment["SHIPGATE_ENV"] = environmentName ?? ""
        let directory = (repositoryRoot as NSString).appendingPathComponent(job.stack.directory)
        let command = ShellCommand(job.suite.run, directory: directory, environment: environment,
                                   timeout: Double(job.suite.timeout), gracePeriod: gracePeriod)
        let startTime = Date()
        let outcome: ShellCommand.Outcome
        if verbose {
            let done = DoneFlag()
            async let tail: Void = LogTail.follow(path: logPath, until: done) { events(.output(job, Array($0))) }
            outcome = await command.run(output: fd)
            done.set()
            await tail
        } else {
            outcome = await command.run(output: fd)
        }
        result.duration = outcome.duration
        switch outcome.termination {
        case .exited(let code):
            result.exitCode = code
            result.status = code == 0 ? .passed : .failed
            result.detail = code == 0 ? nil : code == 127 ? "command not found (exit 127)" : code == 126 ? "not executable (exit 126)" : "exit \(code)"
        case .signaled(let signal):
            result.status = .failed
            result.detail = "killed by signal \(signal)"
        case .timedOut:
            result.status = .timedOut
            result.detail = "timed out after \(DurationText.format(job.suite.timeout))"
        case .interrupted:
            result.status = .interrupted
            result.detail = "interrupted"
        case .failedToStart(let reason):
            result.status = .error
            result.detail = "could not start in \(job.stack.directory): \(reason)"
        }
        if let junit = job.suite.junit, outcome.processID != nil {
            readJUnit(junit, job: job, since: startTime, into: &result)
            if result.status == .passed, let failures = result.junit?.failures, failures > 0 {
                result.status = .failed
                result.detail = "exit 0 but \(failures) failed test\(failures == 1 ? "" : "s") in the JUnit report"
            }
        }
        return result
    }

    func readJUnit(_ junit: String, job: SuiteJob, since start: Date, into result: inout SuiteResult) {
        let relative = job.stack.directory == "." ? junit : "\(job.stack.directory)/\(junit)"
        let path = (repositoryRoot as NSString).appendingPathComponent(relative)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let modified = attributes[.modificationDate] as? Date else {
            result.junitProblem = "the suite did not write its JUnit report \(relative)"
            return
        }
        guard modified.timeIntervalSince(start) > -1 else {
            result.junitProblem = "\(relative) is older than this run: the suite did not write it"
            return
        }
        do {
            result.junit = try JUnitReport.load(path: path)
        } catch let error as UsageError {
            result.junitProblem = error.message
        } catch {
            result.junitProblem = "cannot parse \(relative): \(error)"
        }
    }
}

/// Set once when a suite's process has ended, so its log follower drains and stops.
final class DoneFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func set() { lock.withLock { done = true } }
    var isSet: Bool { lock.withLock { done } }
}

/// Follows a growing log file and hands out its lines: bounded memory (64 KB reads; a line longer
/// than that is handed out in pieces), bytes passed as they are (no UTF-8 assumption).
enum LogTail {
    static let chunk = 65_536

    static func follow(path: String, until done: DoneFlag, line: (ArraySlice<UInt8>) -> Void) async {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: chunk)
        var pending: [UInt8] = []
        while true {
            let finished = done.isSet
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if count > 0 {
                var start = 0
                for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                    if pending.isEmpty {
                        line(buffer[start..<index])
                    } else {
                        pending += buffer[start..<index]
                        line(pending[...])
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = index + 1
                }
                pending += buffer[start..<count]
                if pending.count >= chunk {
                    line(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                continue
            }
            if finished { break }
            try? await Task.sleep(for: .milliseconds(50))
        }
        if !pending.isEmpty { line(pending[...]) }
    }
}

/// Whole-file writes that never leave a half-written file: a temporary file, then a rename.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}

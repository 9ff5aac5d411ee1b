import Foundation
import Report

/// Shows a suite run as it happens: a live progress line on a terminal, plain lines in CI, and
/// `::group::` blocks with each suite's log under GitHub Actions.
public final class RunConsole: @unchecked Sendable {
    public enum Mode: Sendable {
        /// A redrawn progress line (running, passed, failed, elapsed).
        case terminal
        /// One line per suite start and end.
        case plain
        /// Plain lines, and each finished suite's log folded in a `::group::`.
        case github
        /// Nothing (machine-readable output follows the run).
        case silent
    }

    private let mode: Mode
    private let terminal: Terminal
    private let verbose: Bool
    private let repositoryRoot: String
    private let lock = NSLock()
    private var running = 0, passed = 0, failed = 0
    private var progressShown = false
    private let started = ContinuousClock.now
    /// Most log bytes shown in a `::group::` (the end of the log).
    static let groupLimit = 1_000_000

    public init(mode: Mode, terminal: Terminal, verbose: Bool, repositoryRoot: String) {
        self.mode = mode
        self.terminal = terminal
        self.verbose = verbose
        self.repositoryRoot = repositoryRoot
    }

    /// The mode for the current process: GitHub under Actions, a progress line on a tty, else plain.
    public static func mode(environment: [String: String] = ProcessInfo.processInfo.environment,
                            isTTY: Bool = isatty(STDOUT_FILENO) == 1) -> Mode {
        if environment["GITHUB_ACTIONS"] == "true" { return .github }
        return isTTY && environment["CI"] == nil && environment["TERM"] != "dumb" ? .terminal : .plain
    }

    public func handle(_ event: RunEvent) {
        guard mode != .silent else { return }
        lock.withLock {
            switch event {
            case .started(let job):
                running += 1
                if mode != .terminal { emit("start   \(job.id)\n") }
            case .output(let job, let bytes):
                emit(terminal.paint(job.id, .dim) + " | ", bytes: bytes)
            case .finished(let job, let result):
                running -= 1
                if result.status == .passed { passed += 1 } else { failed += 1 }
                finished(job, result)
            }
            redraw()
        }
    }

    /// Redraws the progress line (call it periodically so the elapsed time moves).
    public func tick() {
        lock.withLock { redraw() }
    }

    /// Clears the progress line before the summary is printed.
    public func finish() {
        lock.withLock {
            if progressShown { write("\r\u{1B}[2K") }
            progressShown = false
        }
    }

    private func finished(_ job: SuiteJob, _ result: SuiteResult) {
        let line = "\(RunSummary.mark(result.status, terminal)) \(job.id)  \(RunSummary.label(result, terminal))  \(RunSummary.seconds(result.duration))"
        guard mode == .github, !verbose else {
            emit(line + "\n")
            return
        }
        emit("::group::\(line)\n")
        let path = (repositoryRoot as NSString).appendingPathComponent(result.logPath)
        if let handle = FileHandle(forReadingAtPath: path) {
            let size = (try? handle.seekToEnd()) ?? 0
            if size > UInt64(RunConsole.groupLimit) {
                emit("… (showing the last \(RunConsole.groupLimit / 1000) kB; the whole log is \(result.logPath))\n")
            }
            try? handle.seek(toOffset: size > UInt64(RunConsole.groupLimit) ? size - UInt64(RunConsole.groupLimit) : 0)
            while let data = try? handle.read(upToCount: 65_536), !data.isEmpty { write(data) }
            try? handle.close()
        }
        emit("\n::endgroup::\n")
    }

    private func redraw() {
        guard mode == .terminal else { return }
        let elapsed = started.duration(to: .now).seconds
        let text = "running \(running) · " + terminal.paint("passed \(passed)", .green) + " · "
            + (failed > 0 ? terminal.paint("failed \(failed)", .red) : "failed 0") + " · " + RunSummary.seconds(elapsed)
        write("\r\u{1B}[2K" + text)
        progressShown = true
    }

    private func emit(_ text: String, bytes: [UInt8]? = nil) {
        if progressShown { write("\r\u{1B}[2K") }
        progressShown = false
        guard let bytes else { return write(text) }
        var data = Data(text.utf8)
        data.append(contentsOf: bytes)
        data.append(UInt8(ascii: "\n"))
        write(data)
    }

    private func write(_ text: String) { write(Data(text.utf8)) }

    private func write(_ data: Data) {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { if errno == EINTR { continue }; return }
                offset += count
            }
        }
    }
}

/// The end-of-run summary: a table (stack, suite, result, tests, time), failed tests, logs.
public enum RunSummary {
    public static func text(_ report: RunReport, terminal: Terminal) -> String {
        var table = TextTable(header: ["STACK", "SUITE", "RESULT", "TESTS", "TIME"])
        for result in report.results {
            table.rows.append([result.stack, result.suite, label(result, terminal), tests(result), seconds(result.duration)])
        }
        var lines = [table.render()]
        for result in report.results where result.status != .passed && result.status != .notRun {
            let failedTests = result.junit?.failedNames ?? []
            for name in failedTests.prefix(20) { lines.append("  \(result.id): failed test \(name)") }
            if failedTests.count > 20 { lines.append("  \(result.id): … and \(failedTests.count - 20) more failed tests") }
            lines.append("  \(result.id): log \(result.logPath)")
        }
        for result in report.results {
            if let problem = result.junitProblem { lines.append("  \(result.id): warning: \(problem)") }
        }
        let counts = Dictionary(grouping: report.results, by: \.status).mapValues(\.count)
        var verdict = "\(report.results.count) suites: \(counts[.passed] ?? 0) passed"
        for status in [SuiteResult.Status.failed, .timedOut, .error, .interrupted, .notRun] {
            if let count = counts[status] { verdict += ", \(count) \(status.rawValue)" }
        }
        verdict += " in \(seconds(report.duration))"
        if report.interrupted { verdict += " (interrupted)" }
        lines.append(report.passed ? terminal.paint(verdict, .green) : terminal.paint(verdict, .red))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The markdown version, for `$GITHUB_STEP_SUMMARY`.
    public static func markdown(_ report: RunReport) -> String {
        let plain = Terminal(useColor: false)
        var table = TextTable(header: ["Stack", "Suite", "Result", "Tests", "Time"])
        for result in report.results {
            table.rows.append([result.stack, result.suite, "\(mark(result.status, plain)) \(label(result, plain))", tests(result), seconds(result.duration)])
        }
        var text = "### shipgate test\n\n" + table.markdown() + "\n"
        let failed = report.results.flatMap { result in (result.junit?.failedNames ?? []).prefix(20).map { "- `\(result.id)`: \($0)" } }
        if !failed.isEmpty { text += "\nFailed tests:\n" + failed.joined(separator: "\n") + "\n" }
        return text + "\n"
    }

    static func tests(_ result: SuiteResult) -> String {
        guard let junit = result.junit else { return "-" }
        var text = "\(junit.tests - junit.failures - junit.skipped) passed"
        if junit.failures > 0 { text += ", \(junit.failures) failed" }
        if junit.skipped > 0 { text += ", \(junit.skipped) skipped" }
        return text
    }

    static func label(_ result: SuiteResult, _ terminal: Terminal) -> String {
        switch result.status {
        case .passed: return terminal.paint("passed", .green)
        case .notRun: return terminal.paint("not run", .dim)
        case .interrupted: return terminal.paint("interrupted", .yellow)
        case .timedOut: return terminal.paint(result.detail ?? "timed out", .red)
        case .failed, .error: return terminal.paint("\(result.status == .failed ? "failed" : "error") (\(result.detail ?? "?"))", .red)
        }
    }

    static func mark(_ status: SuiteResult.Status, _ terminal: Terminal) -> String {
        switch status {
        case .passed: return terminal.paint("✔", .green)
        case .notRun, .interrupted: return terminal.paint("-", .yellow)
        default: return terminal.paint("✘", .red)
        }
    }

    static func seconds(_ value: Double) -> String {
        value < 60 ? String(format: "%.1fs", value) : "\(Int(value) / 60)m\(String(format: "%02d", Int(value) % 60))s"
    }
}

import Foundation
import GitKit
import Report
import WorkflowModel

/// Everything `shipgate test` does, from flags to exit status: selection, the run, the live
/// display, summaries, the merged JUnit file and evidence.
public struct TestSession: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case human, json
    }

    public var stacks: [String]?
    public var suites: [String]?
    /// Run only the suites of stacks affected since this revision (`--affected --base REV`).
    public var affectedBase: String?
    /// Affected-ness from the history is unavailable (shallow clone): run every stack.
    public var fallbackAll = false
    public var environment: String?
    public var jobs: Int?
    public var shard: Shard?
    public var record = false
    public var format: Format = .human
    public var junitOut: String?
    public var verbose = false
    public var gracePeriod: Double = 5

    public init() {}

    /// Runs the session in the repository containing `directory`. Returns true when every suite
    /// passed; throws for usage and configuration errors.
    public func run(from directory: String = FileManager.default.currentDirectoryPath,
                    processEnvironment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Bool {
        let (root, jobs, build, dirty) = try prepare(from: directory)
        let variables = try environment.map { try EnvironmentVariables.load(environment: $0, repositoryRoot: root) } ?? [:]
        let runner = SuiteRunner(repositoryRoot: root, jobs: self.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                 environmentName: environment, variables: variables, gracePeriod: gracePeriod,
                                 verbose: verbose && format == .human)
        let terminal = Terminal.detect(environment: processEnvironment)
        let console = RunConsole(mode: format == .json ? .silent : RunConsole.mode(environment: processEnvironment),
                                 terminal: terminal, verbose: verbose, repositoryRoot: root)
        if jobs.isEmpty, format == .human { print("no suites selected") }
        let report = try await Interrupts.cancellingOnSignal {
            try await withThrowingTaskGroup(of: RunReport?.self) { group in
                group.addTask { try await runner.run(jobs, events: console.handle) }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(250))
                        console.tick()
                    }
                    return nil
                }
                while let item = try await group.next() {
                    guard let report = item else { continue }
                    group.cancelAll()
                    return report
                }
                throw CancellationError()
            }
        }
        console.finish()
        switch format {
        case .human: print(RunSummary.text(report, terminal: terminal), terminator: "")
        case .json: print(StacksJSON.text(report.jsonObject))
        }
        if let junitOut {
            let groups = report.results.map { ($0.id, $0.junit ?? JUnitReport(cases: [Self.wholeSuiteCase($0)]), $0.duration) }
            try AtomicFile.write(Data(JUnitReport.merged(groups).utf8), to: junitOut)
        }
        GitHubFiles.append(RunSummary.markdown(report), to: "GITHUB_STEP_SUMMARY", environment: processEnvironment)
        if record, let build {
            if dirty {
                printToStandardError("warning: the work tree has uncommitted changes: the evidence is recorded for commit \(build.short), not for your edits")
            }
            let lines = EvidenceStore.lines(for: report, build: build, environment: environment, runner: ProcessInfo.processInfo.hostName,
                                            time: Date(), signingKey: processEnvironment["SHIPGATE_EVIDENCE_KEY"].flatMap { $0.isEmpty ? nil : $0 })
            if !lines.isEmpty {
                try EvidenceStore.append(lines: lines, to: build, in: try Repository.discover(from: root))
                if format == .human { print("recorded \(lines.count) evidence line(s) on \(build.short) in \(EvidenceStore.notesRef)") }
            }
        }
        return report.passed
    }

    private func prepare(from directory: String) throws -> (String, [SuiteJob], ObjectID?, Bool) {
        let repository = try Repository.discover(from: directory)
        guard let root = repository.workTree else {
            throw UsageError("\(repository.gitDirectory) is a bare repository", hint: "run shipgate test in a work tree")
        }
        let config = try ProjectConfig.load(repositoryRoot: root)
        var stackFilter = stacks
        if let base = affectedBase {
            let affected = try AffectedStacks.compute(in: repository, config: config, base: base, fallbackAll: fallbackAll)
            stackFilter = (stacks ?? affected.stacks).filter { affected.stacks.contains($0) }
            if let stacks { _ = try SuiteRunner.select(config: config, stacks: stacks) }
        }
        let jobs = try SuiteRunner.select(config: config, stacks: stackFilter, suites: suites, shard: shard)
        guard record else { return (root, jobs, nil, false) }
        guard let head = try repository.head().id else {
            throw UsageError("--record needs a commit to record evidence on", hint: "commit first")
        }
        // On a promotion (or hold) commit the tested code is the build below it.
        let build = try RecordCommits.build(at: head, in: repository)
        return (root, jobs, build, !(try repository.status().isClean))
    }

    static func wholeSuiteCase(_ result: SuiteResult) -> JUnitReport.TestCase {
        JUnitReport.TestCase(className: result.stack, name: result.suite, time: result.duration,
                             outcome: result.status == .passed ? .passed : result.status == .notRun ? .skipped : .failed,
                             message: result.detail)
    }
}

/// Ctrl-C and SIGTERM handling for long runs: the first signal cancels the work (which stops every
/// child process group) and the work still returns, so a summary can be printed.
public enum Interrupts {
    public static func cancellingOnSignal<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
        }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}

func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// JSON renderings of the Stacks results (sorted keys, stable for scripts).
enum StacksJSON {
    static func text(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension RunReport {
    var jsonObject: [String: Any] {
        [
            "passed": passed,
            "interrupted": interrupted,
            "duration": (duration * 1000).rounded() / 1000,
            "results": results.map { result -> [String: Any] in
                var object: [String: Any] = ["stack": result.stack, "suite": result.suite, "result": result.status.rawValue,
                                             "duration": (result.duration * 1000).rounded() / 1000, "log": result.logPath]
                object["exit_code"] = result.exitCode.map { Int($0) }
                object["detail"] = result.detail
                object["junit_problem"] = result.junitProblem
                if let junit = result.junit {
                    object["tests"] = junit.tests
                    object["failures"] = junit.failures
                    object["skipped"] = junit.skipped
                    object["failed_tests"] = junit.failedNames
                }
                return object
            },
        ]
    }
}

extension AffectedStacks {
    /// `{"any": …, "changed": …, "reasons": {…}, "stacks": […]}`.
    public func json() -> String {
        StacksJSON.text(["stacks": stacks, "any": any, "changed": changedCount,
                         "reasons": reasons.mapValues(\.description)] as [String: Any])
    }

    /// The `stacks=<JSON array>` and `any=<bool>` lines for `$GITHUB_OUTPUT`.
    public func githubOutput() -> String {
        "stacks=\(StacksJSON.text(stacks))\nany=\(any)\n"
    }

    /// The human listing: one stack per line with its reason.
    public func humanText() -> String {
        if stacks.isEmpty { return "no stack affected (\(changedCount) changed path\(changedCount == 1 ? "" : "s"))\n" }
        let table = TextTable(header: ["STACK", "WHY"], rows: stacks.map { [$0, reasons[$0]?.description ?? ""] })
        return table.render() + "\n"
    }
}

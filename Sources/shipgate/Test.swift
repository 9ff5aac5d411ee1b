import ArgumentParser
import Foundation
import Stacks

struct Test: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Run the unit and integration suites of stacks, in parallel, with logs under .shipgate/logs/.")

    @Option(name: .customLong("stack"), help: "Run only this stack (repeatable).") var stacks: [String] = []
    @Option(name: .customLong("suite"), help: "Run only this suite, e.g. unit or integration (repeatable).") var suites: [String] = []
    @Flag(help: "Run only the stacks affected since --base.") var affected = false
    @Option(help: "With --affected: compare from the merge base of this revision and HEAD.") var base: String?
    @Option(help: "With --affected on a shallow clone missing the history: 'all' runs every stack.") var fallback: Affected.Fallback?
    @Option(help: "Environment name: sets SHIPGATE_ENV and the variables of environments/NAME.yml.") var env: String?
    @Option(name: .short, help: "Most suites at once (default: number of cores).") var jobs: Int?
    @Option(help: "Run the I-th of N slices of the selected suites, e.g. 2/4.") var shard: String?
    @Flag(help: "Record each suite's result as evidence in the git note of HEAD (refs/notes/shipgate).") var record = false
    @Option(help: "Output format: human or json.") var format: TestSession.Format = .human
    @Option(help: "Write one merged JUnit XML file for the whole run.") var junitOut: String?
    @Flag(name: .shortAndLong, help: "Show every suite's output live, prefixed by stack/suite.") var verbose = false
    @Option(help: "Seconds between SIGTERM and SIGKILL when a suite is stopped.") var grace: Double = 5

    func validate() throws {
        if affected != (base != nil) { throw ValidationError("--affected and --base go together: --affected --base origin/main") }
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1") }
        if grace < 0 { throw ValidationError("--grace must not be negative") }
    }

    func run() async throws {
        try await runReportingAsync {
            var session = TestSession()
            session.stacks = stacks.isEmpty ? nil : stacks
            session.suites = suites.isEmpty ? nil : suites
            session.affectedBase = base
            session.fallbackAll = fallback == .all
            session.environment = env
            session.jobs = jobs
            session.shard = try shard.map { try Shard(parsing: $0) }
            session.record = record
            session.format = format
            session.junitOut = junitOut
            session.verbose = verbose
            session.gracePeriod = grace
            if try await !session.run() { throw Exit.findings }
        }
    }
}

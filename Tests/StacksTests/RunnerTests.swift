import Foundation
import Stacks
import Testing

@Suite struct RunnerTests {
    static func project(_ suites: [String: String], timeout: String = "1s") throws -> (TempRepo, ProjectConfig) {
        var yaml = "stacks:\n  app:\n    path: app\n    suites:\n"
        for (name, run) in suites.sorted(by: { $0.key < $1.key }) {
            yaml += "      \(name): { run: '\(run.replacingOccurrences(of: "'", with: "''"))', timeout: \(timeout) }\n"
        }
        let repo = try TempRepo(["shipgate.yml": yaml, "app/README": "app"])
        try repo.commit("init")
        return (repo, try ProjectConfig.load(repositoryRoot: repo.root))
    }

    func run(_ repo: TempRepo, _ config: ProjectConfig, jobs: Int = 4, verbose: Bool = false) async throws -> RunReport {
        let runner = SuiteRunner(repositoryRoot: repo.root, jobs: jobs, gracePeriod: 0.3, verbose: verbose)
        return try await runner.run(try SuiteRunner.select(config: config))
    }

    @Test func passFailMissingCommandAndBytes() async throws {
        let (repo, config) = try Self.project([
            "ok": "echo ok from $SHIPGATE_STACK/$SHIPGATE_SUITE in $(basename $PWD)",
            "bad": "echo failing >&2; exit 3",
            "missing": "no-such-command-xyz",
            "binary": "printf 'caf\\351 \\377\\376\\n'",
        ])
        defer { repo.remove() }
        let report = try await run(repo, config)
        let byName = Dictionary(uniqueKeysWithValues: report.results.map { ($0.suite, $0) })
        #expect(byName["ok"]?.status == .passed)
        #expect(byName["bad"]?.status == .failed)
        #expect(byName["bad"]?.exitCode == 3)
        #expect(byName["missing"]?.status == .failed)
        #expect(byName["missing"]?.detail == "command not found (exit 127)")
        #expect(byName["binary"]?.status == .passed)
        #expect(!report.passed)
        let log = { (name: String) in FileManager.default.contents(atPath: repo.root + "/.shipgate/logs/app.\(name).log") ?? Data() }
        #expect(String(decoding: log("ok"), as: UTF8.self) == "ok from app/ok in app\n")
        #expect(String(decoding: log("bad"), as: UTF8.self) == "failing\n")
        #expect(log("binary") == Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0xFE, 0x0A]))
        #expect(try String(contentsOfFile: repo.root + "/.shipgate/.gitignore", encoding: .utf8) == "*\n")
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }

    @Test func timeoutStopsTheWholeProcessGroup() async throws {
        let (repo, config) = try Self.project([
            "sleeps": "echo $$ > ../sleeps.pid; sleep 30",
            "background": "sleep 30 & echo $! > ../child.pid; echo $$ > ../background.pid; wait",
            "stubborn": "trap '' TERM; echo $$ > ../stubborn.pid; sleep 30",
        ])
        defer { repo.remove() }
        let started = ContinuousClock.now
        let report = try await run(repo, config)
        let elapsed = started.duration(to: .now)
        #expect(report.results.allSatisfy { $0.status == .timedOut })
        #expect(report.results.first?.detail == "timed out after 1s")
        #expect(elapsed < .seconds(25), "the suites sleep 30 s: the timeout must stop them before (the bound is loose because parallel blocking tests can starve the test pool)")
        for name in ["sleeps", "child", "background", "stubborn"] {
            let text = try String(contentsOfFile: repo.root + "/\(name).pid", encoding: .utf8)
            let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(!isAlive(pid), "process \(name) (\(pid)) outlived the timeout")
        }
    }

    @Test func parallelismIsBoundedByJobs() async throws {
        let suite = "mkdir -p ../running && touch ../running/$SHIPGATE_SUITE && ls ../running | wc -l >> ../counts && sleep 0.3 && rm ../running/$SHIPGATE_SUITE"
        let (repo, config) = try Self.project(Dictionary(uniqueKeysWithValues: (1...6).map { ("s\($0)", suite) }), timeout: "10s")
        defer { repo.remove() }
        let report = try await run(repo, config, jobs: 2)
        #expect(report.passed)
        let counts = try String(contentsOfFile: repo.root + "/counts", encoding: .utf8).split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        #expect(counts.count == 6)
        #expect(counts.max() == 2)
        #expect(report.duration > 0.85)
    }

    @Test func verboseFollowsTheLog() async throws {
        let (repo, config) = try Self.project(["talk": "echo one; printf 'two\\nthree'"])
        defer { repo.remove() }
        let lines = LinesBox()
        let runner = SuiteRunner(repositoryRoot: repo.root, jobs: 1, verbose: true)
        _ = try await runner.run(try SuiteRunner.select(config: config)) { event in
            if case .output(let job, let bytes) = event { lines.append("\(job.id): \(String(decoding: bytes, as: UTF8.self))") }
        }
        #expect(lines.all == ["app/talk: one", "app/talk: two", "app/talk: three"])
    }

    @Test func shardsPartitionTheSelection() throws {
        let (repo, config) = try Self.project(Dictionary(uniqueKeysWithValues: (1...7).map { ("s\($0)", "true") }))
        defer { repo.remove() }
        let all = try SuiteRunner.select(config: config).map(\.id)
        let shards = try (1...3).map { try SuiteRunner.select(config: config, shard: Shard(index: $0, count: 3)).map(\.id) }
        #expect(shards.map(\.count) == [3, 2, 2])
        #expect(Set(shards.joined()) == Set(all))
        #expect(shards.joined().count == all.count)
        #expect(try SuiteRunner.select(config: config, shard: Shard(parsing: "2/3")).map(\.id) == shards[1])
        #expect(throws: (any Error).self) { try Shard(parsing: "4/3") }
        #expect(throws: (any Error).self) { try SuiteRunner.select(config: config, suites: ["unti"]) }
    }

    @Test func commandCoreRunsInAFolderWithEnvironment() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sg-cmd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fd = open(folder + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(fd) }
        let outcome = await ShellCommand("echo $GREETING from $(pwd)", directory: folder, environment: ["GREETING": "hi"], timeout: 5).run(output: fd)
        #expect(outcome.termination == .exited(0))
        #expect(try String(contentsOfFile: folder + "/out", encoding: .utf8) == "hi from \(folder)\n")
        let openBefore = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        let missing = await ShellCommand("true", directory: folder + "/nope").run(output: fd)
        if case .failedToStart = missing.termination {} else { Issue.record("expected failedToStart, got \(missing.termination)") }
        // A failed start hands the descriptor back closed exactly once: nothing leaks (other tests
        // run in parallel, so allow their descriptors to come and go).
        let openAfter = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        #expect(openAfter <= openBefore + 8)
        #expect(fcntl(fd, F_GETFD) != -1, "the caller's descriptor stays open")
    }
}

final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

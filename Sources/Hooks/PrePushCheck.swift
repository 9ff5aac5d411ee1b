import Foundation
import GitKit
import Lint
import Report
import Stacks
import WorkflowModel

/// `shipgate hook pre-push`: plans the push, refuses protected refs, lints changed workflows and
/// runs the affected stacks' suites. Messages go to standard error, where git shows them.
public struct PrePushCheck {
    public var remote: String
    public var verbose = false

    public init(remote: String, verbose: Bool = false) {
        self.remote = remote
        self.verbose = verbose
    }

    /// Returns true when the push may go ahead.
    public func run(input: String, from directory: String = FileManager.default.currentDirectoryPath,
                    environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Bool {
        if environment["SHIPGATE_SKIP"] == "1" { return true }
        let refs = try PushedRef.parse(input)
        let repository = try Repository.discover(from: directory)
        guard let root = repository.workTree else { return true }
        let config = try ProjectConfig.loadIfPresent(repositoryRoot: root)
        let plan = try PrePushPlanner(repository: repository, config: config, remote: remote).plan(refs)
        if verbose { plan.notes.forEach { say($0) } }
        for refusal in plan.refusals { say("shipgate: refusing to push \(refusal.ref): \(refusal.message)") }
        var passed = plan.refusals.isEmpty
        if !plan.workflowFiles.isEmpty {
            passed = try lintWorkflows(plan.workflowFiles, root: root) && passed
        }
        if let config, !plan.stacks.isEmpty {
            let suites = plan.suites.filter(config.suiteNames.contains)
            if !suites.isEmpty {
                say("shipgate: running \(suites.joined(separator: ", ")) of \(plan.stacks.joined(separator: ", "))")
                var session = TestSession()
                session.stacks = plan.stacks
                session.suites = suites
                session.verbose = verbose
                if try await !session.run(from: root, processEnvironment: environment) {
                    say("shipgate: suites failed: fix them, or push with `git push --no-verify` to skip the hook once")
                    passed = false
                }
            }
        }
        if !plan.hasWork, plan.refusals.isEmpty, verbose { say("shipgate: nothing to check") }
        return passed
    }

    /// Lints the changed workflow files as they are in the work tree (deleted ones are skipped).
    private func lintWorkflows(_ files: [String], root: String) throws -> Bool {
        let present = files.filter { FileManager.default.fileExists(atPath: root + "/" + $0) }
        guard !present.isEmpty else { return true }
        let result = try LintRun.run(paths: present, format: .human, terminal: Terminal(useColor: false), currentDirectory: root)
        if !result.output.isEmpty { FileHandle.standardError.write(Data(result.output.utf8)) }
        if result.exitCode != 0 {
            say("shipgate: workflow lint failed: fix the findings above, or push with `git push --no-verify` to skip the hook once")
            return false
        }
        if verbose { say("shipgate: linted \(present.count) workflow file(s): clean") }
        return true
    }

    private func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

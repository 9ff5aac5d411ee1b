import Foundation
import GitKit
import Promotion
import Stacks
import WorkflowModel

/// `shipgate deploy`: runs the `deploy:` commands of the stacks an environment runs, only when the
/// checked-out commit is the build the environment has deployed.
public struct Deployer {
    public var repository: Repository
    public var project: ProjectConfig
    /// Most deploys running at once.
    public var jobs: Int

    public init(repository: Repository, project: ProjectConfig, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.repository = repository
        self.project = project
        self.jobs = max(1, jobs)
    }

    /// What will be deployed, or why not.
    public struct Plan: Sendable {
        public var environment: String
        /// The build HEAD stands for (HEAD, or below shipgate's record commits).
        public var build: ObjectID
        /// Stacks to deploy, in dependency order.
        public var stacks: [Stack]
        /// Stacks left out, with the reason (`runs 1a2b3c4 in staging`, `never promoted`).
        public var skipped: [(stack: String, reason: String)]
        /// Reasons the deployment is refused (the checked-out build is not what the environment runs).
        public var refusals: [String]
        /// `SHIPGATE_ENV`, `SHIPGATE_BUILD` and the manifest's `variables:`.
        public var variables: [String: String]
    }

    /// Checks the request against the environment's `deployed:` block. `stacks` (nil: every stack
    /// with a `deploy:` the environment runs at this build) must name stacks that declare `deploy:`.
    public func plan(environment name: String, stacks requested: [String]?) throws -> Plan {
        let workspace = try Workspace.open(repository, project: project, environment: name)
        let environment = try workspace.chain.environment(named: name)
        guard let headID = try repository.head().id else {
            throw UsageError("the repository has no commits to deploy", hint: "check out the build the environment runs")
        }
        let build = try PromotionHistory.build(at: headID, in: repository)
        let deployable = project.stacks.filter { $0.deploy != nil }.map(\.name)
        for stack in requested ?? [] where !deployable.contains(stack) {
            let declared = project.stack(named: stack) != nil
            throw UsageError(declared ? "stack \"\(stack)\" declares no deploy: command in \(project.file)"
                                      : "unknown stack \"\(stack)\"\(Suggestion.hint(for: stack, in: project.stacks.map(\.name)))",
                             hint: deployable.isEmpty ? "add `deploy: <command>` to the stacks in \(project.file)"
                                                      : "stacks with a deploy command: \(deployable.joined(separator: ", "))")
        }
        guard environment.deployed != nil else {
            throw UsageError("nothing is deployed to \(name) yet", hint: "promote a build first: shipgate promote --to \(name)")
        }
        var selected: [String] = [], skipped: [(String, String)] = [], refusals: [String] = []
        for stack in requested ?? deployable {
            guard let runs = environment.deployedBuild(of: stack) else {
                if requested != nil { refusals.append("\(stack) was never promoted to \(name)") } else { skipped.append((stack, "never promoted to \(name)")) }
                continue
            }
            if runs == build {
                selected.append(stack)
            } else if requested != nil {
                refusals.append("\(name) runs \(runs.short) for \(stack), but the checked-out build is \(build.short): check out \(runs.short) (git checkout --detach \(runs))")
            } else {
                skipped.append((stack, "\(name) runs \(runs.short)"))
            }
        }
        if selected.isEmpty, refusals.isEmpty {
            let running = environment.deployed.map { $0.build.short } ?? "-"
            refusals.append(deployable.isEmpty ? "no stack in \(project.file) declares a deploy: command"
                : "\(name) runs none of its stacks at the checked-out build \(build.short) (it runs \(running)): check out the build it runs")
        }
        var variables = Dictionary(environment.variables.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        variables["SHIPGATE_ENV"] = name
        variables["SHIPGATE_BUILD"] = build.description
        return Plan(environment: name, build: build, stacks: project.dependencyOrder(selected), skipped: skipped,
                    refusals: refusals, variables: variables)
    }
}

/// The result of one stack's deploy.
public struct DeployResult: Sendable, Equatable {
    public enum Status: String, Sendable { case deployed, failed, notRun = "not-run" }
    public var stack: String
    public var status: Status
    /// `exit 1`, `not run: database failed`, …
    public var detail: String?
    public var duration: Double
    public var logPath: String
}

extension Deployer {
    /// Runs the plan's deploy commands from each stack's folder: a stack starts once every stack it
    /// depends on (directly or through stacks outside the plan) has deployed; independent stacks run
    /// in parallel; when one fails, the stacks depending on it do not run.
    public static func run(_ plan: Plan, project: ProjectConfig, repositoryRoot: String, jobs: Int,
                           finished: @escaping @Sendable (DeployResult) -> Void = { _ in }) async throws -> [DeployResult] {
        let logs = (try SuiteRunner.stateDirectory(repositoryRoot: repositoryRoot) as NSString).appendingPathComponent("logs")
        let names = plan.stacks.map(\.name)
        let waitsFor = Dictionary(uniqueKeysWithValues: plan.stacks.map { stack in
            (stack.name, Set(dependencies(of: stack.name, in: project)).intersection(names))
        })
        var results: [String: DeployResult] = [:]
        var started: Set<String> = []
        await withTaskGroup(of: DeployResult.self) { group in
            var running = 0
            /// Starts every stack whose dependencies deployed, and marks not-run those behind a failure,
            /// until nothing changes.
            func startReady() {
                var changed = true
                while changed, !Task.isCancelled {
                    changed = false
                    for stack in plan.stacks where !started.contains(stack.name) && running < jobs {
                        let waits = waitsFor[stack.name] ?? []
                        if let blocker = waits.first(where: { results[$0].map { $0.status != .deployed } ?? false }) {
                            started.insert(stack.name)
                            let result = DeployResult(stack: stack.name, status: .notRun, detail: "not run: \(blocker) did not deploy",
                                                      duration: 0, logPath: logPath(plan, stack.name))
                            results[stack.name] = result
                            finished(result)
                            changed = true
                        } else if waits.allSatisfy({ results[$0]?.status == .deployed }) {
                            started.insert(stack.name)
                            running += 1
                            group.addTask { await deployOne(stack, plan: plan, repositoryRoot: repositoryRoot, logs: logs) }
                        }
                    }
                }
            }
            startReady()
            while let result = await group.next() {
                running -= 1
                results[result.stack] = result
                finished(result)
                startReady()
            }
        }
        return plan.stacks.map { stack in
            results[stack.name] ?? DeployResult(stack: stack.name, status: .notRun, detail: "not run: interrupted", duration: 0,
                                                logPath: logPath(plan, stack.name))
        }
    }

    /// Every stack `name` depends on, directly or transitively.
    static func dependencies(of name: String, in project: ProjectConfig) -> [String] {
        var result: [String] = []
        var queue = project.stack(named: name)?.dependsOn ?? []
        while let next = queue.popLast() {
            guard !result.contains(next) else { continue }
            result.append(next)
            queue += project.stack(named: next)?.dependsOn ?? []
        }
        return result
    }

    static func logPath(_ plan: Plan, _ stack: String) -> String {
        ".shipgate/logs/deploy.\(plan.environment).\(stack).log"
    }

    static func deployOne(_ stack: Stack, plan: Plan, repositoryRoot: String, logs: String) async -> DeployResult {
        let relative = logPath(plan, stack.name)
        var result = DeployResult(stack: stack.name, status: .failed, duration: 0, logPath: relative)
        let fd = open((repositoryRoot as NSString).appendingPathComponent(relative), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            result.detail = "cannot write \(relative): \(String(cString: strerror(errno)))"
            return result
        }
        defer { close(fd) }
        var environment = plan.variables
        environment["SHIPGATE_STACK"] = stack.name
        let command = ShellCommand(stack.deploy ?? "", directory: (repositoryRoot as NSString).appendingPathComponent(stack.directory),
                                   environment: environment)
        let outcome = await command.run(output: fd)
        result.duration = outcome.duration
        switch outcome.termination {
        case .exited(0): result.status = .deployed
        case .exited(let code): result.detail = "exit \(code)"
        case .signaled(let signal): result.detail = "killed by signal \(signal)"
        case .timedOut: result.detail = "timed out"
        case .interrupted:
            result.status = .notRun
            result.detail = "interrupted"
        case .failedToStart(let reason): result.detail = "could not start in \(stack.directory): \(reason)"
        }
        return result
    }
}

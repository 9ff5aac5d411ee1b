import ArgumentParser
import Deploy
import Foundation
import GitKit
import Stacks
import WorkflowModel

struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Run the stacks' deploy: commands for an environment, when HEAD is the build it runs.",
        discussion: "Stacks deploy in dependency order, independent ones in parallel, with SHIPGATE_ENV, SHIPGATE_STACK, SHIPGATE_BUILD and the manifest's variables; a failure stops the stacks that depend on it.")

    @Option(help: "The environment to deploy.") var env: String
    @Option(name: .customLong("stack"), help: "Deploy only this stack (repeatable).") var stacks: [String] = []
    @Option(name: .short, help: "Most deploys at once (default: number of cores).") var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1") }
    }

    func run() async throws {
        try await runReportingAsync {
            let repository = try Repository.discover()
            guard let root = repository.workTree else { throw UsageError("shipgate deploy needs a work tree, not a bare repository") }
            let project = try ProjectConfig.load(repositoryRoot: root)
            let deployer = Deployer(repository: repository, project: project, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            let plan = try deployer.plan(environment: env, stacks: stacks.isEmpty ? nil : stacks)
            for (stack, reason) in plan.skipped { print("skip    \(stack): \(reason)") }
            guard plan.refusals.isEmpty else {
                plan.refusals.forEach { printError("refused: \($0)") }
                throw Exit.findings
            }
            let results = try await Interrupts.cancellingOnSignal { [jobs = deployer.jobs] in
                try await Deployer.run(plan, project: project, repositoryRoot: root, jobs: jobs) { result in
                    print(DeployText.line(result, root: root), terminator: "")
                }
            }
            let deployed = results.filter { $0.status == .deployed }.count
            print("\(deployed) of \(results.count) stack(s) deployed to \(env) at \(plan.build.short)")
            if deployed < results.count { throw Exit.findings }
        }
    }
}

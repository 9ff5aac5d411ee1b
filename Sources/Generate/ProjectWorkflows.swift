import Promotion
import Stacks

/// The workflows a project gets from its `shipgate.yml` and `environments/`: `ci.yml` (lint, plan,
/// unit per affected stack, promotion into the root environment) and, when the chain has more
/// than one environment, `promote.yml` (one gated job per target).
public struct ProjectWorkflows: Sendable {
    public var project: ProjectConfig
    /// Root first; empty when the repository has no `environments/`.
    public var environments: [Environment]

    public init(project: ProjectConfig, environments: [Environment]) {
        self.project = project
        self.environments = environments
    }

    /// How the jobs run shipgate (`generate.action` in shipgate.yml, else the local `./` action).
    var shipgateAction: PinnedAction { PinnedAction.shipgate(for: project) }

    /// The branch CI runs on and promotions are committed to: the root environment's, else `main`.
    public var mainBranch: String { environments.first?.branchPolicy.branch ?? "main" }

    /// `(file name, workflow)` in a fixed order.
    public var workflows: [(file: String, workflow: Workflow)] {
        var result = [("ci.yml", ci)]
        if environments.count > 1 { result.append(("promote.yml", promote)) }
        return result
    }

    static let unitSuite = "unit"
    /// Minutes added to suite timeouts for checkout, installing shipgate and the records.
    static let overheadMinutes = 15

    // MARK: ci.yml

    public var ci: Workflow {
        var jobs = [lintJob, planJob]
        if project.stacks.contains(where: { $0.suite(named: Self.unitSuite) != nil }) { jobs.append(unitJob) }
        if let root = environments.first { jobs.append(promoteRootJob(root, afterUnit: jobs.contains { $0.id == "unit" })) }
        return Workflow(
            name: "ci",
            triggers: [.pullRequest(branches: [mainBranch]), .push(branches: [mainBranch])],
            concurrency: Concurrency(group: "ci-${{ github.ref }}", cancelInProgress: .string("${{ github.event_name == 'pull_request' }}")),
            jobs: jobs)
    }

    var lintJob: Job {
        Job(id: "lint", name: "lint", permissions: [Self.readContents], timeoutMinutes: Self.overheadMinutes, steps: [
            Tooling.checkout(fullHistory: false),
            Tooling.shipgate("Lint workflows", "lint", action: shipgateAction),
            Tooling.shipgate("Generated workflows are up to date", "generate", "--check", action: shipgateAction),
        ])
    }

    /// Base of the comparison: the pull request's target branch, or what the push replaced.
    static let affectedBase = "${{ github.event_name == 'pull_request' && format('origin/{0}', github.base_ref) || github.event.before }}"

    var planJob: Job {
        Job(id: "plan", name: "affected stacks", permissions: [Self.readContents], timeoutMinutes: Self.overheadMinutes,
            outputs: [YAMLEntry("stacks", .string("${{ steps.affected.outputs.stacks }}")),
                      YAMLEntry("any", .string("${{ steps.affected.outputs.any }}"))],
            steps: [
                Tooling.checkout(fullHistory: true),
                Tooling.shipgate("Affected stacks", "affected", "--base \(Self.affectedBase) --github-output", id: "affected", action: shipgateAction),
            ])
    }

    var unitJob: Job {
        let minutes = project.stacks.compactMap { $0.suite(named: Self.unitSuite)?.timeout }.max().map(Self.minutes) ?? 10
        return Job(id: "unit", name: "unit (${{ matrix.stack }})", needs: ["plan"], condition: "needs.plan.outputs.any == 'true'",
                   permissions: [Permission("contents", .write, reason: "push the evidence notes")], timeoutMinutes: minutes + Self.overheadMinutes,
                   strategy: Strategy(matrix: [YAMLEntry("stack", .string("${{ fromJSON(needs.plan.outputs.stacks) }}"))]),
                   steps: [
                       Tooling.checkout(fullHistory: false),
                       Tooling.fetchEvidence(),
                       Tooling.shipgate("Unit suite", "test", "--suite \(Self.unitSuite) --stack ${{ matrix.stack }} --record", action: shipgateAction),
                       Tooling.pushRecords(condition: "${{ !cancelled() && github.event_name == 'push' }}"),
                   ])
    }

    /// On a push to the main branch, promotes the affected stacks of this commit into the root
    /// environment once their unit suites passed, then deploys them.
    func promoteRootJob(_ root: Environment, afterUnit: Bool) -> Job {
        let stackFlags = "${{ format('--stack {0}', join(fromJSON(needs.plan.outputs.stacks), ' --stack ')) }}"
        var condition = "github.event_name == 'push' && github.ref == 'refs/heads/\(mainBranch)' && needs.plan.outputs.any == 'true'"
        if afterUnit { condition += " && needs.unit.result == 'success'" }
        var steps = [
            Tooling.checkout(fullHistory: true),
            Tooling.fetchEvidence(),
            Tooling.shipgate("Promote to \(root.name)", "promote", "--to \(root.name) --build ${{ github.sha }} \(stackFlags)", action: shipgateAction),
            Tooling.pushRecords(branch: root.branchPolicy.branch),
        ]
        if hasDeploys { steps.append(Tooling.shipgate("Deploy to \(root.name)", "deploy", "--env \(root.name) \(stackFlags)", action: shipgateAction)) }
        return Job(id: "promote-\(root.name)", name: "promote to \(root.name)", needs: afterUnit ? ["plan", "unit"] : ["plan"],
                   condition: condition, environment: root.name, permissions: [Self.writeRecords],
                   concurrency: Self.environmentConcurrency(root.name),
                   timeoutMinutes: Self.overheadMinutes + (hasDeploys ? Self.deployMinutes : 0), steps: steps)
    }

    // MARK: promote.yml

    public var promote: Workflow {
        let targets = Array(environments.dropFirst())
        return Workflow(
            name: "promote",
            triggers: [.workflowDispatch(inputs: [
                DispatchInput(name: "target", description: "Environment to promote into", required: true,
                              kind: .choice(targets.map(\.name)), defaultValue: targets.first?.name),
                DispatchInput(name: "build", description: "Full commit id of the build (`shipgate env list` shows what each environment runs)",
                              required: true, kind: .string),
            ])],
            jobs: targets.map(promoteJob))
    }

    /// One target: check out the build, run the suites the target's gates require against the source
    /// environment (recording evidence), promote, push the records, deploy.
    func promoteJob(_ target: Environment) -> Job {
        let source = target.promotesFrom ?? environments[0].name
        let suites = requiredSuites(of: target)
        var steps = [
            Tooling.checkout(fullHistory: true),
            Step(name: "Check out the build", env: [YAMLEntry("BUILD", .string("${{ inputs.build }}"))], .run("""
                case "$BUILD" in
                  "" | *[!0-9a-f]*) echo "::error::build must be a commit id in lowercase hex, got: $BUILD"; exit 1 ;;
                esac
                git checkout --detach "$BUILD"

                """)),
            Tooling.fetchEvidence(),
        ]
        if !suites.isEmpty {
            let flags = suites.map { "--suite \($0)" }.joined(separator: " ")
            steps.append(Tooling.shipgate("Suites against \(source)", "test", "\(flags) --env \(source) --record", action: shipgateAction))
        }
        steps.append(Tooling.shipgate("Promote to \(target.name)", "promote", "--to \(target.name) --build ${{ inputs.build }}", action: shipgateAction))
        steps.append(Tooling.pushRecords(branch: target.branchPolicy.branch, condition: "${{ !cancelled() }}"))
        if hasDeploys { steps.append(Tooling.shipgate("Deploy to \(target.name)", "deploy", "--env \(target.name)", action: shipgateAction)) }
        let timeouts = project.stacks.flatMap { stack in suites.compactMap { stack.suite(named: $0)?.timeout } }
        // Suites run two at a time on a hosted runner; none can take longer than its own timeout.
        let suiteMinutes = Self.minutes(max(timeouts.max() ?? 0, (timeouts.reduce(0, +) + 1) / 2))
        return Job(id: target.name, name: "promote to \(target.name)", condition: "inputs.target == '\(target.name)'",
                   environment: target.name, permissions: [Self.writeRecords],
                   concurrency: Self.environmentConcurrency(target.name),
                   timeoutMinutes: Self.overheadMinutes + suiteMinutes + (hasDeploys ? Self.deployMinutes : 0), steps: steps)
    }

    /// Suites the target's gates require that some stack declares, in the project's order.
    func requiredSuites(of target: Environment) -> [String] {
        let wanted = Set(target.gates.suites + target.gates.suitesByStack.values.flatMap { $0 })
        return project.suiteNames.filter(wanted.contains)
    }

    static let readContents = Permission("contents", .read, reason: "check out the repository")
    static let writeRecords = Permission("contents", .write, reason: "push the promotion commit and the evidence notes")

    var hasDeploys: Bool { project.stacks.contains { $0.deploy != nil } }
    static let deployMinutes = 30

    /// One promotion or deployment per environment at a time; a second waits instead of cancelling the first.
    static func environmentConcurrency(_ name: String) -> Concurrency {
        Concurrency(group: "shipgate-environment-\(name)", cancelInProgress: .bool(false))
    }

    static func minutes(_ seconds: Int) -> Int { (seconds + 59) / 60 }
}

import Foundation
import GitKit
import Stacks
import WorkflowModel

/// What `shipgate promote` was asked to do.
public struct PromotionRequest: Sendable {
    public var target: String
    /// A revision; nil: what the source environment runs (the branch tip for the root; the previous
    /// build for a rollback).
    public var build: String?
    /// Stacks to promote; empty: every stack.
    public var stacks: [String]
    public var dryRun: Bool
    public var rollback: Bool
    public var actor: String
    public var now: Date
    public var evidenceKey: String?

    public init(target: String, build: String? = nil, stacks: [String] = [], dryRun: Bool = false, rollback: Bool = false,
                actor: String, now: Date = Date(), evidenceKey: String? = ProcessInfo.processInfo.environment["SHIPGATE_EVIDENCE_KEY"]) {
        self.target = target
        self.build = build
        self.stacks = stacks
        self.dryRun = dryRun
        self.rollback = rollback
        self.actor = actor
        self.now = now
        self.evidenceKey = evidenceKey
    }
}

/// What a promotion did, with every gate's verdict.
public struct PromotionOutcome: Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        case promoted
        case alreadyDeployed = "already-deployed"
        case blocked
        /// `--dry-run` and every gate passed.
        case ready
    }

    public var status: Status
    public var target: String
    /// The source environment, or the branch for the root.
    public var from: String
    public var build: ObjectID
    public var stacks: [String]
    public var rollback: Bool
    public var gates: [GateResult]
    /// The promotion commit, when one was written.
    public var commit: ObjectID?
    public var branch: String

    public var failedGates: [GateResult] { gates.filter { $0.status == .fail } }
}

/// Gates a build into an environment and records it: the target manifest's `deployed:` block,
/// rewritten in one commit that changes only that file, moved onto the branch compare-and-swap.
public struct Promoter {
    public var repository: Repository
    public var project: ProjectConfig?

    public init(repository: Repository, project: ProjectConfig?) {
        self.repository = repository
        self.project = project
    }

    public func promote(_ request: PromotionRequest) throws -> PromotionOutcome {
        let workspace = try Workspace.open(repository, project: project, environment: request.target)
        let target = try workspace.chain.environment(named: request.target)
        let source = workspace.chain.source(of: target)
        let stacks = try selectedStacks(request.stacks)
        let targetHistory = try workspace.history(of: target.name)
        let build = try chooseBuild(request, target: target, source: source, stacks: stacks, history: targetHistory)
        let stackKeys: [String?] = stacks.isEmpty ? [nil] : stacks.map { Optional($0) }
        var outcome = PromotionOutcome(status: .blocked, target: target.name, from: source?.name ?? target.branchPolicy.branch,
                                       build: build, stacks: request.stacks, rollback: request.rollback, gates: [],
                                       commit: nil, branch: workspace.branch)
        if target.deployed != nil, stackKeys.allSatisfy({ target.deployedBuild(of: $0) == build }) {
            outcome.status = .alreadyDeployed
            if !request.dryRun { try finishInterrupted(workspace, target: target, build: build, history: targetHistory, actor: request.actor, now: request.now) }
            return outcome
        }
        let context = GateContext(
            repository: repository, chain: workspace.chain, target: target, source: source, build: build,
            buildCommit: try repository.commit(build), stacks: stacks, project: project,
            ledger: try BuildLedger.read(build, in: repository), targetHistory: targetHistory,
            sourceHistory: try source.map { try workspace.history(of: $0.name) } ?? [],
            rollback: request.rollback, now: request.now, evidenceKey: request.evidenceKey)
        outcome.gates = try Gates.all.map { try $0.evaluate(context) }
        guard outcome.failedGates.isEmpty else { return outcome }
        if request.dryRun {
            outcome.status = .ready
            return outcome
        }
        let previous = Set(stackKeys.compactMap { target.deployedBuild(of: $0) }).subtracting([build]).sorted()
        var deployment = Deployment(build: build, at: Timestamp.recordable(request.now), by: request.actor, stacks: target.deployed?.stacks ?? [:])
        for stack in (stacks.isEmpty ? Array(deployment.stacks.keys) : stacks) { deployment.stacks[stack] = build }
        let text = try ManifestWriter.replacingBlock("deployed", in: try workspace.manifestText(target),
                                                     with: ManifestWriter.deployedBlock(deployment), file: target.path)
        guard try workspace.reparse(text, target).deployed == deployment else {
            throw UsageError("internal: the rewritten \(target.path) does not read back as written; nothing was written")
        }
        let message = PromotionHistory.message(from: outcome.from, to: target.name, build: build, stacks: request.stacks,
                                               rollbackFrom: request.rollback ? previous.first : nil)
        Promoter.testDelay()
        outcome.commit = try workspace.commit(target, text: text, message: message, author: request.actor)
        outcome.status = .promoted
        if request.rollback {
            try markBad(previous, env: target.name, rolledBackTo: build, actor: request.actor, now: request.now)
        }
        return outcome
    }

    /// Test hook: `SHIPGATE_TEST_DELAY_BEFORE_WRITE=<milliseconds>` widens the window between reading
    /// the branch and moving it, so tests can race two promotions deterministically.
    static func testDelay() {
        guard let text = ProcessInfo.processInfo.environment["SHIPGATE_TEST_DELAY_BEFORE_WRITE"], let ms = UInt32(text) else { return }
        usleep(ms * 1000)
    }

    /// The requested stacks checked against the project, or every stack of the project.
    private func selectedStacks(_ requested: [String]) throws -> [String] {
        guard let project else {
            if requested.isEmpty { return [] }
            throw UsageError("--stack needs stacks declared in shipgate.yml", hint: "declare the stacks, or promote the whole environment")
        }
        for name in requested where project.stack(named: name) == nil {
            let names = project.stacks.map(\.name)
            throw UsageError("unknown stack \"\(name)\"\(Suggestion.hint(for: name, in: names))",
                             hint: "\(project.file) declares \(names.joined(separator: ", "))")
        }
        return requested.isEmpty ? project.stacks.map(\.name) : requested
    }

    private func chooseBuild(_ request: PromotionRequest, target: Environment, source: Environment?, stacks: [String],
                             history: [PromotionEntry]) throws -> ObjectID {
        if let spec = request.build { return try repository.resolve(spec) }
        if request.rollback {
            let current = target.deployed?.build
            guard let earlier = history.first(where: { $0.build != current }) else {
                throw UsageError("\(target.name) has no earlier build to roll back to", hint: "see `shipgate env history \(target.name)`")
            }
            return earlier.build
        }
        guard let source else {
            guard let tip = try BranchRef.latestBuild(of: target.branchPolicy.branch, in: repository) else {
                throw UsageError("branch \(target.branchPolicy.branch) does not exist", hint: "fetch it, or pass --build REV")
            }
            return tip
        }
        let builds = Set((stacks.isEmpty ? [nil] : stacks.map { Optional($0) }).compactMap { source.deployedBuild(of: $0) })
        guard let build = builds.first else {
            throw UsageError("\(source.name) has nothing deployed, so there is nothing to promote into \(target.name)",
                             hint: "promote into \(source.name) first: shipgate promote --to \(source.name)")
        }
        guard builds.count == 1 else {
            throw UsageError("the stacks run different builds in \(source.name)", hint: "promote them one by one with --stack, or pass --build REV")
        }
        return build
    }

    /// Completes what a killed run may have left undone after its commit landed: the work-tree copy
    /// of the manifest and, for a rollback, the bad mark on the build rolled back from.
    private func finishInterrupted(_ workspace: Workspace, target: Environment, build: ObjectID, history: [PromotionEntry],
                                   actor: String, now: Date) throws {
        try workspace.repairCheckedOutFile(target.path)
        if let last = history.first, last.build == build, let from = last.rollbackFrom,
           try BuildLedger.read(from, in: repository).marks.isEmpty {
            try markBad([from], env: target.name, rolledBackTo: build, actor: actor, now: now)
        }
    }

    private func markBad(_ builds: [ObjectID], env: String, rolledBackTo: ObjectID, actor: String, now: Date) throws {
        for bad in builds {
            let mark = BadMark(cleared: false, by: actor, env: env, time: now, build: bad,
                               reason: "\(env) rolled back from it to \(rolledBackTo.short)")
            try repository.appendNote(on: bad, notesRef: EvidenceStore.notesRef, lines: [mark.line], author: actor)
        }
    }
}

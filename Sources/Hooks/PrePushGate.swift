import Foundation
import GitKit
import Promotion
import Stacks
import WorkflowModel

/// What `shipgate hook pre-push` decides for one push: refused refs, workflow files to lint, and
/// the suites of the affected stacks to run.
public struct PrePushPlan: Sendable {
    /// A ref this push may not update, with what to do instead.
    public struct Refusal: Equatable, Sendable {
        public var ref: String
        public var message: String
    }

    public var refusals: [Refusal] = []
    /// Workflow and action files changed by the pushed commits (repository-relative).
    public var workflowFiles: [String] = []
    public var stacks: [String] = []
    public var suites: [String] = []
    /// Lines describing what was compared, for `--verbose` and for the quiet "nothing to do" case.
    public var notes: [String] = []

    public var hasWork: Bool { !workflowFiles.isEmpty || (!stacks.isEmpty && !suites.isEmpty) }
}

/// Plans the checks of a push from git's pre-push input.
public struct PrePushPlanner {
    /// Suites run for the affected stacks when shipgate.yml says nothing else.
    public static let defaultSuites = ["unit"]

    public let repository: Repository
    public let config: ProjectConfig?
    public let remote: String

    public init(repository: Repository, config: ProjectConfig?, remote: String) {
        self.repository = repository
        self.config = config
        self.remote = remote
    }

    public func plan(_ refs: [PushedRef]) throws -> PrePushPlan {
        var plan = PrePushPlan()
        plan.suites = config?.hookSuites ?? Self.defaultSuites
        var changed: Set<String> = []
        var everything = false
        for ref in refs {
            if ref.isDeletion {
                plan.notes.append("\(ref.remoteRef): deletion, nothing to check")
                continue
            }
            let base = try baseCommit(for: ref)
            if let refusal = try refusal(for: ref, base: base) { plan.refusals.append(refusal) }
            if let base {
                changed.formUnion(try repository.changedPathNames(from: base, to: ref.localID))
                plan.notes.append("\(ref.remoteRef): \(ref.localID.short) compared with \(base.short)")
            } else {
                everything = true
                plan.notes.append("\(ref.remoteRef): no common history with \(remote) found, checking everything")
            }
        }
        if everything {
            changed.formUnion(try trackedWorkflowFiles())
        }
        plan.workflowFiles = changed.filter(Self.isWorkflowFile).sorted()
        if let config {
            let affected = everything ? AffectedStacks.all(config) : AffectedStacks.resolve(changedPaths: Array(changed), config: config)
            plan.stacks = affected.stacks
        }
        return plan
    }

    /// `.github/workflows/*.yml|yaml` and `action.yml|yaml` files anywhere.
    public static func isWorkflowFile(_ path: String) -> Bool {
        let isYAML = path.hasSuffix(".yml") || path.hasSuffix(".yaml")
        guard isYAML else { return false }
        if path.hasPrefix(".github/workflows/"), !path.dropFirst(".github/workflows/".count).contains("/") { return true }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name == "action.yml" || name == "action.yaml"
    }

    /// Where the pushed commits start: the remote's current id when we have it, else the merge
    /// base with the remote's default branch; nil when neither exists (a first push).
    private func baseCommit(for ref: PushedRef) throws -> ObjectID? {
        if !ref.isNewRemoteRef, repository.contains(ref.remoteID) {
            return try repository.mergeBase(ref.remoteID, ref.localID)
        }
        let candidates = [try repository.defaultBranch(remote: remote).map { "refs/remotes/\(remote)/\($0)" }]
            + ["main", "master"].map { "refs/remotes/\(remote)/\($0)" }
        for case let name? in candidates {
            if let tip = try repository.referenceTarget(name) {
                return try repository.mergeBase(tip, ref.localID)
            }
        }
        return nil
    }

    /// Direct pushes to a branch an environment deploys from are refused, unless every pushed
    /// commit is one of shipgate's own promotion records or shipgate.yml allows it.
    private func refusal(for ref: PushedRef, base: ObjectID?) throws -> PrePushPlan.Refusal? {
        guard let branch = ref.remoteBranch, config?.hookAllowsProtectedPush != true else { return nil }
        let protected = try protectedBranches(at: ref.localID)
        guard let environment = protected[branch] else { return nil }
        let pushed = try repository.log(from: ref.localID, hiding: base.map { [$0] } ?? [], limit: 500)
        if !pushed.isEmpty, pushed.allSatisfy(PromotionHistory.isRecord) { return nil }
        return PrePushPlan.Refusal(
            ref: ref.remoteRef,
            message: "\(branch) is the branch environment '\(environment)' deploys from (environments/\(environment).yml): push a feature branch and open a pull request; to override once, `SHIPGATE_SKIP=1 git push` or `git push --no-verify`")
    }

    /// Branch name → the first environment that deploys from it, read from the pushed commit.
    private func protectedBranches(at id: ObjectID) throws -> [String: String] {
        guard try !repository.fileNames(at: id, directory: EnvironmentChain.directory).isEmpty else { return [:] }
        let chain = try EnvironmentChain.load(from: repository, at: id, project: config)
        var result: [String: String] = [:]
        for environment in chain.environments where result[environment.branchPolicy.branch] == nil {
            result[environment.branchPolicy.branch] = environment.name
        }
        return result
    }

    private func trackedWorkflowFiles() throws -> [String] {
        guard let head = try repository.head().id else { return [] }
        return try repository.fileNames(at: head, directory: ".github/workflows").map { ".github/workflows/\($0)" }
    }
}

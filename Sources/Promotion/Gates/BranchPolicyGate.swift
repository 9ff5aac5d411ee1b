import Foundation
import GitKit

/// The build is reachable from the environment's branch, or carries a tag matching its patterns.
struct BranchPolicyGate: Gate {
    let name = "branch"

    func evaluate(_ context: GateContext) throws -> GateResult {
        let policy = context.target.branchPolicy
        let repository = context.repository
        let tip = try BranchRef.tip(of: policy.branch, in: repository)
        if let tip, try repository.isAncestor(context.build, of: tip) {
            return pass("\(context.build.short) is on \(policy.branch)")
        }
        if !policy.tags.isEmpty {
            for tag in try repository.tags() where tag.target == context.build {
                if policy.tags.contains(where: { fnmatch($0, tag.name, 0) == 0 }) {
                    return pass("\(context.build.short) is tagged \(tag.name)")
                }
            }
        }
        guard let tip else {
            return fail("branch \(policy.branch) exists neither locally nor at origin: fetch it (`git fetch origin \(policy.branch)`)")
        }
        try Ancestry.requireFullHistory(repository, from: tip, missing: "whether \(context.build.short) is on \(policy.branch)")
        let tags = policy.tags.isEmpty ? "" : " nor tagged \(policy.tags.joined(separator: " or "))"
        return fail("\(context.build.short) is not on \(policy.branch)\(tags): merge it into \(policy.branch) first")
    }
}

/// Finding branch tips locally or at `origin`.
enum BranchRef {
    /// `refs/heads/NAME`, else `refs/remotes/origin/NAME`, else nil.
    static func tip(of branch: String, in repository: Repository) throws -> ObjectID? {
        try repository.referenceTarget("refs/heads/\(branch)") ?? repository.referenceTarget("refs/remotes/origin/\(branch)")
    }

    /// The newest commit of `branch` that is not one of shipgate's own record commits (promotions,
    /// holds, releases change only a manifest, not the build): what the root environment takes.
    static func latestBuild(of branch: String, in repository: Repository) throws -> ObjectID? {
        guard let tip = try tip(of: branch, in: repository) else { return nil }
        let recent = try repository.log(from: tip, limit: 1000)
        return recent.first { !PromotionHistory.isRecord($0) }?.id ?? tip
    }
}

/// Ancestry questions a shallow clone cannot answer become errors that say what to fetch.
enum Ancestry {
    /// Throws when the repository is shallow: a "no" about ancestry may only mean missing history.
    static func requireFullHistory(_ repository: Repository, from tip: ObjectID, missing question: String) throws {
        guard repository.isShallow else { return }
        throw GitError(.shallowHistory, "this is a shallow clone: cannot tell \(question) — fetch the history with `git fetch --unshallow` (or `fetch-depth: 0` in actions/checkout)")
    }
}

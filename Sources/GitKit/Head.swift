import CLibgit2
import Foundation

/// Where HEAD points.
public enum Head: Equatable, Sendable {
    /// On a branch with at least one commit.
    case branch(name: String, id: ObjectID)
    /// On a branch that has no commits yet (a new repository).
    case unborn(name: String)
    /// Detached at a commit.
    case detached(id: ObjectID)

    /// The commit HEAD points at, nil when unborn.
    public var id: ObjectID? {
        switch self {
        case .branch(_, let id), .detached(let id): return id
        case .unborn: return nil
        }
    }

    /// The short branch name, nil when detached.
    public var branchName: String? {
        switch self {
        case .branch(let name, _), .unborn(let name): return name
        case .detached: return nil
        }
    }
}

/// A branch's upstream and how far the two have diverged.
public struct Upstream: Equatable, Sendable {
    /// The short name, e.g. `origin/main`.
    public var name: String
    public var id: ObjectID?
    public var ahead: Int
    public var behind: Int
}

extension Repository {
    /// HEAD's state; an empty repository is `.unborn`, not an error.
    public func head() throws -> Head {
        var reference: OpaquePointer?
        let code = git_repository_head(&reference, pointer)
        if code == GIT_EUNBORNBRANCH.rawValue || code == GIT_ENOTFOUND.rawValue {
            var symbolic: OpaquePointer?
            try check(git_reference_lookup(&symbolic, pointer, "HEAD"), "cannot read HEAD")
            defer { git_reference_free(symbolic) }
            let target = git_reference_symbolic_target(symbolic).map { String(cString: $0) } ?? "refs/heads/main"
            return .unborn(name: Repository.shortBranchName(target))
        }
        try check(code, "cannot read HEAD")
        defer { git_reference_free(reference) }
        guard let target = git_reference_target(reference) else {
            throw GitError(.corrupt, "HEAD does not point at a commit")
        }
        let id = ObjectID(target)
        if git_repository_head_detached(pointer) == 1 {
            return .detached(id: id)
        }
        return .branch(name: String(cString: git_reference_shorthand(reference)), id: id)
    }

    static func shortBranchName(_ refName: String) -> String {
        refName.hasPrefix("refs/heads/") ? String(refName.dropFirst("refs/heads/".count)) : refName
    }

    /// The upstream of local branch `branch` with ahead/behind counts, nil when none is configured.
    public func upstream(of branch: String) throws -> Upstream? {
        var buffer = git_buf()
        let code = git_branch_upstream_name(&buffer, pointer, "refs/heads/\(branch)")
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot read the upstream of \(branch)")
        defer { git_buf_dispose(&buffer) }
        let fullName = String(cString: buffer.ptr)
        var shortName = fullName
        for prefix in ["refs/remotes/", "refs/heads/"] where fullName.hasPrefix(prefix) {
            shortName = String(fullName.dropFirst(prefix.count))
        }
        guard let upstreamID = try referenceTarget(fullName) else {
            return Upstream(name: shortName, id: nil, ahead: 0, behind: 0)
        }
        guard let localID = try referenceTarget("refs/heads/\(branch)") else {
            return Upstream(name: shortName, id: upstreamID, ahead: 0, behind: 0)
        }
        let (ahead, behind) = try aheadBehind(local: localID, upstream: upstreamID)
        return Upstream(name: shortName, id: upstreamID, ahead: ahead, behind: behind)
    }

    /// Commits on `local` not on `upstream` (ahead), and the reverse (behind).
    public func aheadBehind(local: ObjectID, upstream: ObjectID) throws -> (ahead: Int, behind: Int) {
        var ahead = 0, behind = 0
        var localOID = local.oid, upstreamOID = upstream.oid
        try check(git_graph_ahead_behind(&ahead, &behind, pointer, &localOID, &upstreamOID),
                  "cannot count commits between \(local.short) and \(upstream.short)")
        return (ahead, behind)
    }

    /// The best common ancestor of two commits, nil when their histories are unrelated.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        var out = git_oid()
        var first = a.oid, second = b.oid
        let code = git_merge_base(&out, pointer, &first, &second)
        if code == GIT_ENOTFOUND.rawValue {
            if isShallow {
                throw GitError(.shallowHistory, "no common ancestor of \(a.short) and \(b.short) in this shallow clone: fetch more history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)")
            }
            return nil
        }
        try check(code, "cannot compute the merge base of \(a.short) and \(b.short)")
        return ObjectID(out)
    }

    /// True when `ancestor` is `descendant` or one of its ancestors.
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        if ancestor == descendant { return true }
        var commit = descendant.oid, candidate = ancestor.oid
        let code = git_graph_descendant_of(pointer, &commit, &candidate)
        try check(code, "cannot walk history from \(descendant.short)")
        return code == 1
    }

    /// The id a reference (full name, e.g. `refs/heads/main`) points at, peeled to a commit; nil when absent.
    public func referenceTarget(_ name: String) throws -> ObjectID? {
        var reference: OpaquePointer?
        let code = git_reference_lookup(&reference, pointer, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue { return nil }
        try check(code, "cannot read \(name)")
        defer { git_reference_free(reference) }
        var resolved: OpaquePointer?
        try check(git_reference_resolve(&resolved, reference), "cannot resolve \(name)")
        defer { git_reference_free(resolved) }
        guard let target = git_reference_target(resolved) else { return nil }
        return ObjectID(target)
    }

    /// Short names of local branches, sorted.
    public func localBranches() throws -> [String] {
        try referenceNames(matching: "refs/heads/*").map { String($0.dropFirst("refs/heads/".count)) }.sorted()
    }

    /// Full names of references matching a glob such as `refs/tags/*`.
    public func referenceNames(matching glob: String) throws -> [String] {
        var names = git_strarray()
        try check(git_reference_list(&names, pointer), "cannot list references")
        defer { git_strarray_dispose(&names) }
        var result: [String] = []
        for index in 0..<names.count {
            guard let raw = names.strings[index] else { continue }
            let name = String(cString: raw)
            if fnmatch(glob, name, 0) == 0 { result.append(name) }
        }
        return result
    }

    /// The remote's default branch as `origin/HEAD` says, else the first of `main`, `master` that exists.
    public func defaultBranch(remote: String = "origin") throws -> String? {
        var reference: OpaquePointer?
        if git_reference_lookup(&reference, pointer, "refs/remotes/\(remote)/HEAD") == 0 {
            defer { git_reference_free(reference) }
            if let target = git_reference_symbolic_target(reference) {
                let full = String(cString: target)
                let prefix = "refs/remotes/\(remote)/"
                if full.hasPrefix(prefix) { return String(full.dropFirst(prefix.count)) }
            }
        }
        for candidate in ["main", "master"] where try referenceTarget("refs/heads/\(candidate)") != nil {
            return candidate
        }
        return nil
    }
}

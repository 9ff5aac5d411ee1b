import CLibgit2

extension Repository {
    /// Commits reachable from `head` but not from any of `hidden`, newest first (topological and by
    /// time, like `git log`), at most `limit`.
    public func log(from head: ObjectID, hiding hidden: [ObjectID] = [], limit: Int = .max) throws -> [Commit] {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot walk history")
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "cannot sort history")
        var start = head.oid
        try check(git_revwalk_push(walk, &start), "cannot walk from \(head.short)")
        for id in hidden {
            var oid = id.oid
            try check(git_revwalk_hide(walk, &oid), "cannot hide \(id.short)")
        }
        var result: [Commit] = []
        var next = git_oid()
        while result.count < limit {
            let code = git_revwalk_next(&next, walk)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "history walk from \(head.short) failed")
            result.append(try commit(ObjectID(next)))
        }
        return result
    }

    /// Number of commits reachable from `head` but not from `hidden` (`git rev-list --count`).
    public func countCommits(from head: ObjectID, hiding hidden: [ObjectID] = []) throws -> Int {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot walk history")
        defer { git_revwalk_free(walk) }
        var start = head.oid
        try check(git_revwalk_push(walk, &start), "cannot walk from \(head.short)")
        for id in hidden {
            var oid = id.oid
            try check(git_revwalk_hide(walk, &oid), "cannot hide \(id.short)")
        }
        var count = 0
        var next = git_oid()
        while true {
            let code = git_revwalk_next(&next, walk)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "history walk from \(head.short) failed")
            count += 1
        }
        return count
    }
}

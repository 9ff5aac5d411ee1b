import CLibgit2

extension Repository {
    /// Paths that differ between the trees of commits `old` and `new` (added, deleted, modified or
    /// changed in type; a rename is both of its paths), sorted.
    ///
    /// Walks both trees side by side and skips every subtree whose id is equal, like git does —
    /// several times faster than libgit2's diff, which builds a delta object for every change.
    public func changedPathNames(from old: ObjectID, to new: ObjectID) throws -> [String] {
        let oldTree: ObjectID = try withCommit(old) { ObjectID(git_commit_tree_id($0)) }
        let newTree: ObjectID = try withCommit(new) { ObjectID(git_commit_tree_id($0)) }
        var paths: [String] = []
        try compareTrees(oldTree, newTree, prefix: "", into: &paths)
        return paths.sorted()
    }

    private func compareTrees(_ old: ObjectID?, _ new: ObjectID?, prefix: String, into paths: inout [String]) throws {
        if old == new { return }
        let oldTree = try old.map(lookupTree)
        let newTree = try new.map(lookupTree)
        defer {
            git_tree_free(oldTree)
            git_tree_free(newTree)
        }
        let oldCount = oldTree.map { git_tree_entrycount($0) } ?? 0
        let newCount = newTree.map { git_tree_entrycount($0) } ?? 0
        var i = 0, j = 0
        while i < oldCount || j < newCount {
            let a = i < oldCount ? git_tree_entry_byindex(oldTree, i) : nil
            let b = j < newCount ? git_tree_entry_byindex(newTree, j) : nil
            let order: Int32 = a == nil ? 1 : b == nil ? -1 : git_tree_entry_cmp(a, b)
            if order < 0 {
                try record(a, nil, prefix: prefix, into: &paths)
                i += 1
            } else if order > 0 {
                try record(nil, b, prefix: prefix, into: &paths)
                j += 1
            } else {
                try record(a, b, prefix: prefix, into: &paths)
                i += 1
                j += 1
            }
        }
    }

    /// One name on either side: subtrees are compared further, files reported when they differ.
    private func record(_ old: OpaquePointer?, _ new: OpaquePointer?, prefix: String, into paths: inout [String]) throws {
        let name = String(cString: git_tree_entry_name(old ?? new))
        let path = prefix + name
        let oldIsTree = old.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
        let newIsTree = new.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
        if let old, let new, !oldIsTree, !newIsTree {
            var oldID = git_tree_entry_id(old)!.pointee, newID = git_tree_entry_id(new)!.pointee
            if git_oid_equal(&oldID, &newID) == 0 || git_tree_entry_filemode(old) != git_tree_entry_filemode(new) {
                paths.append(path)
            }
            return
        }
        if (old != nil && !oldIsTree) || (new != nil && !newIsTree) { paths.append(path) }
        let oldSubtree = oldIsTree ? old.flatMap { git_tree_entry_id($0) }.map { ObjectID($0) } : nil
        let newSubtree = newIsTree ? new.flatMap { git_tree_entry_id($0) }.map { ObjectID($0) } : nil
        if oldSubtree != nil || newSubtree != nil {
            try compareTrees(oldSubtree, newSubtree, prefix: path + "/", into: &paths)
        }
    }

    private func lookupTree(_ id: ObjectID) throws -> OpaquePointer {
        var oid = id.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "cannot read tree \(id.short)")
        return tree!
    }
}

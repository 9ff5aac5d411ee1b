import CLibgit2

extension Repository {
    /// Names of the files (blobs) directly inside `directory` in the tree of commit `id`, sorted;
    /// empty when the directory does not exist there.
    public func fileNames(at id: ObjectID, directory: String) throws -> [String] {
        try withCommit(id) { commit in
            var root: OpaquePointer?
            try check(git_commit_tree(&root, commit), "cannot read the tree of \(id.short)")
            defer { git_tree_free(root) }
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, root, directory)
            if code == GIT_ENOTFOUND.rawValue { return [] }
            try check(code, "cannot look up \(directory) in \(id.short)")
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return [] }
            var tree: OpaquePointer?
            try check(git_tree_lookup(&tree, pointer, git_tree_entry_id(entry)), "cannot read \(directory) in \(id.short)")
            defer { git_tree_free(tree) }
            var names: [String] = []
            for index in 0..<git_tree_entrycount(tree) {
                guard let child = git_tree_entry_byindex(tree, index), git_tree_entry_type(child) == GIT_OBJECT_BLOB else { continue }
                names.append(String(cString: git_tree_entry_name(child)))
            }
            return names.sorted()
        }
    }
}

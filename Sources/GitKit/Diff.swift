import CLibgit2

/// A path that differs between two trees.
public struct ChangedPath: Equatable, Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        case added, modified, deleted, renamed, copied, typeChanged = "typechange"
    }

    public var kind: Kind
    public var path: String
    /// The path on the old side when it differs (renames and copies).
    public var oldPath: String?

    public init(kind: Kind, path: String, oldPath: String? = nil) {
        self.kind = kind
        self.path = path
        self.oldPath = oldPath
    }

    /// Every path this change touches: both sides of a rename.
    public var touchedPaths: [String] { oldPath.map { [$0, path] } ?? [path] }
}

extension Repository {
    /// Paths that differ from commit `old` to commit `new`, sorted by path.
    ///
    /// With `detectRenames` a rename is one entry naming both paths (libgit2's rename detection is
    /// several times slower than git's); without it a rename is a deletion plus an addition.
    public func changedPaths(from old: ObjectID, to new: ObjectID, detectRenames: Bool = false) throws -> [ChangedPath] {
        try withTree(of: old) { oldTree in
            try withTree(of: new) { newTree in
                var options = try diffOptions()
                var diff: OpaquePointer?
                try check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &options),
                          "cannot diff \(old.short) against \(new.short)")
                defer { git_diff_free(diff) }
                return try collect(diff!, detectRenames: detectRenames)
            }
        }
    }

    /// Paths that differ from commit `old` to the work tree (staged and unstaged edits, and
    /// untracked files that are not ignored).
    public func changedPathsToWorkTree(from old: ObjectID, detectRenames: Bool = false) throws -> [ChangedPath] {
        try withTree(of: old) { oldTree in
            var options = try diffOptions()
            options.flags |= GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
            var diff: OpaquePointer?
            try check(git_diff_tree_to_workdir_with_index(&diff, pointer, oldTree, &options),
                      "cannot diff \(old.short) against the work tree")
            defer { git_diff_free(diff) }
            return try collect(diff!, detectRenames: detectRenames)
        }
    }

    private func diffOptions() throws -> git_diff_options {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "cannot set up a diff")
        options.flags = GIT_DIFF_SKIP_BINARY_CHECK.rawValue
        return options
    }

    private func collect(_ diff: OpaquePointer, detectRenames: Bool) throws -> [ChangedPath] {
        if detectRenames {
            var find = git_diff_find_options()
            try check(git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "cannot set up rename detection")
            find.flags = GIT_DIFF_FIND_RENAMES.rawValue
            try check(git_diff_find_similar(diff, &find), "rename detection failed")
        }
        let count = git_diff_num_deltas(diff)
        var result: [ChangedPath] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let newPath = delta.new_file.path.map { String(cString: $0) } ?? ""
            let oldPath = delta.old_file.path.map { String(cString: $0) } ?? newPath
            switch delta.status {
            case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED: result.append(ChangedPath(kind: .added, path: newPath))
            case GIT_DELTA_DELETED: result.append(ChangedPath(kind: .deleted, path: oldPath))
            case GIT_DELTA_MODIFIED: result.append(ChangedPath(kind: .modified, path: newPath))
            case GIT_DELTA_RENAMED: result.append(ChangedPath(kind: .renamed, path: newPath, oldPath: oldPath))
            case GIT_DELTA_COPIED: result.append(ChangedPath(kind: .copied, path: newPath, oldPath: oldPath))
            case GIT_DELTA_TYPECHANGE: result.append(ChangedPath(kind: .typeChanged, path: newPath))
            default: continue
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    func withTree<T>(of id: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        try withCommit(id) { commit in
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), "cannot read the tree of \(id.short)")
            defer { git_tree_free(tree) }
            return try body(tree!)
        }
    }
}

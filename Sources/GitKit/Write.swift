import CLibgit2
import Foundation

extension Repository {
    /// Points reference `name` at `id` if it still points at `expected` (nil: the reference must not
    /// exist yet). Throws `.refMoved` when another writer got there first; nothing changes then.
    ///
    /// A lock file another writer holds is waited for (a ref update takes milliseconds); one left
    /// behind by a killed process (older than `staleLockAge`) is removed, so a re-run completes.
    public func updateReference(_ name: String, to id: ObjectID, expected: ObjectID?, message: String) throws {
        var newOID = id.oid
        var reference: OpaquePointer?
        var code: Int32 = 0
        for _ in 0..<100 {
            if let expected {
                var old = expected.oid
                code = git_reference_create_matching(&reference, pointer, name, &newOID, 1, &old, message)
            } else {
                code = git_reference_create(&reference, pointer, name, &newOID, 0, message)
            }
            guard code == GIT_ELOCKED.rawValue else { break }
            waitForLock(gitDirectory + "/" + name + ".lock")
        }
        if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ELOCKED.rawValue
            || (code == GIT_ENOTFOUND.rawValue && expected != nil) {
            let now = (try? referenceTarget(name)).flatMap { $0?.short } ?? "nothing"
            throw GitError(.refMoved, "\(name) moved while this command ran (expected \(expected?.short ?? "no ref"), found \(now)): re-run it", code: code)
        }
        try check(code, "cannot update \(name)")
        git_reference_free(reference)
    }

    /// Creates a commit on `branch` whose tree is the tip's with `path` replaced by `content`, and
    /// moves the branch to it compare-and-swap: it must still point at `expectedTip`.
    ///
    /// When `branch` is checked out in this work tree, the file and its index entry are updated too,
    /// so the work tree stays clean. Returns the new commit's id.
    @discardableResult
    public func commitReplacingFile(branch: String, path: String, content: Data, message: String,
                                    expectedTip: ObjectID, author: String? = nil) throws -> ObjectID {
        let refName = "refs/heads/\(branch)"
        var blob = git_oid()
        _ = try content.withUnsafeBytes { bytes in
            try check(git_blob_create_from_buffer(&blob, pointer, bytes.baseAddress, bytes.count), "cannot store \(path)")
        }
        let newCommit: ObjectID = try withCommit(expectedTip) { parent in
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, parent), "cannot read the tree of \(expectedTip.short)")
            defer { git_tree_free(tree) }
            var newTreeID = git_oid()
            try path.withCString { cPath in
                var update = git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: blob, filemode: GIT_FILEMODE_BLOB, path: cPath)
                try check(git_tree_create_updated(&newTreeID, pointer, tree, 1, &update), "cannot build a tree with \(path)")
            }
            var newTree: OpaquePointer?
            try check(git_tree_lookup(&newTree, pointer, &newTreeID), "cannot read the new tree")
            defer { git_tree_free(newTree) }
            let signature = try defaultSignature(name: author)
            defer { git_signature_free(signature) }
            var out = git_oid()
            var parents: [OpaquePointer?] = [parent]
            try check(git_commit_create(&out, pointer, nil, signature, signature, "UTF-8", message, newTree, 1, &parents),
                      "cannot create the commit")
            return ObjectID(out)
        }
        try updateReference(refName, to: newCommit, expected: expectedTip, message: "shipgate: \(message.split(separator: "\n").first ?? "")")
        if case .branch(let name, _) = try head(), name == branch {
            try syncCheckedOutFile(path, content: content)
        }
        return newCommit
    }

    /// Writes `content` to `path` in the work tree (temp file + rename) and stages it, so a file a
    /// commit just changed on the checked-out branch does not show as modified.
    public func syncCheckedOutFile(_ path: String, content: Data) throws {
        guard let workTree else { return }
        let url = URL(fileURLWithPath: workTree).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try replaceAtomically(url.path, with: content)
        waitForLock(gitDirectory + "/index.lock")
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "cannot open the index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 0), "cannot read the index")
        try check(git_index_add_bypath(index, path), "cannot stage \(path)")
        try check(git_index_write(index), "cannot write the index")
    }

    /// Writes a temporary file inside the git directory (where a crash leaves nothing `git status`
    /// would show) and renames it over `path`; next to `path` when the two are on different devices.
    func replaceAtomically(_ path: String, with content: Data) throws {
        let name = "shipgate-write-\(getpid()).tmp"
        for folder in [gitDirectory, (path as NSString).deletingLastPathComponent] {
            let temporary = folder + "/" + name
            try content.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) == 0 { return }
            let failure = errno
            try? FileManager.default.removeItem(atPath: temporary)
            if failure != EXDEV {
                throw GitError(.other, "cannot replace \(path): \(String(cString: strerror(failure)))")
            }
        }
        throw GitError(.other, "cannot replace \(path): no folder to stage the new content in")
    }

    /// Seconds after which a lock file is taken to be left behind by a process that died.
    static let staleLockAge: TimeInterval = 2

    /// Waits for the lock at `path` to go away (a writer holds one for milliseconds); removes it
    /// once it is older than `staleLockAge`, as only a killed process leaves one that long.
    func waitForLock(_ path: String) {
        for _ in 0..<100 {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let modified = attributes[.modificationDate] as? Date else { return }
            if Date().timeIntervalSince(modified) >= Repository.staleLockAge {
                try? FileManager.default.removeItem(atPath: path)
                return
            }
            usleep(50_000)
        }
    }
}

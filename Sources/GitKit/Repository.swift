import CLibgit2
import Foundation

/// An open git repository. Owns its libgit2 handle and frees it exactly once.
///
/// Not `Sendable`: open one per task or thread.
public final class Repository {
    let pointer: OpaquePointer

    /// The `.git` directory (or the bare repository's directory), with a trailing slash removed.
    public let gitDirectory: String
    /// The work tree root, nil for a bare repository.
    public let workTree: String?

    /// Opens the repository that contains `path`, searching parent directories like git does.
    public static func discover(from path: String = FileManager.default.currentDirectoryPath) throws -> Repository {
        LibGit2.ensure()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue {
            throw GitError(.notARepository, "not a git repository (or any parent up to /): \(path)", code: code)
        }
        try check(code, "cannot open the repository at \(path)")
        guard let handle else { throw GitError(.other, "libgit2 returned no repository for \(path)") }
        return Repository(handle)
    }

    /// Opens exactly the repository at `path` (a work tree root, a `.git` directory or a bare repository).
    public static func open(at path: String) throws -> Repository {
        LibGit2.ensure()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        if code == GIT_ENOTFOUND.rawValue {
            throw GitError(.notARepository, "not a git repository: \(path)", code: code)
        }
        try check(code, "cannot open the repository at \(path)")
        guard let handle else { throw GitError(.other, "libgit2 returned no repository for \(path)") }
        return Repository(handle)
    }

    private init(_ handle: OpaquePointer) {
        pointer = handle
        gitDirectory = Repository.trimSlash(String(cString: git_repository_path(handle)))
        if let workdir = git_repository_workdir(handle) {
            workTree = Repository.trimSlash(String(cString: workdir))
        } else {
            workTree = nil
        }
    }

    deinit { git_repository_free(pointer) }

    private static func trimSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }
    /// True in a shallow clone (Actions' default `fetch-depth: 1`): history beyond the boundary is missing.
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }
    /// True when the repository has no commits yet on HEAD's branch.
    public var isHeadUnborn: Bool { git_repository_head_unborn(pointer) == 1 }

    // MARK: - Objects

    /// Resolves a revision spec (`main`, `HEAD~3`, `v1.2.0`, an abbreviated id, `origin/main`) to a commit id.
    public func resolve(_ spec: String) throws -> ObjectID {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, spec)
        if code < 0 {
            let detail = LibGit2.lastMessage()
            let kind = LibGit2.kind(for: code)
            var message = "unknown revision '\(spec)': \(detail)"
            if kind == .ambiguous {
                message = "ambiguous revision '\(spec)': give more digits of the id"
            } else if isShallow, kind == .notFound || detail.contains("object not found") {
                message += " (this is a shallow clone: fetch the history with `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)"
            } else if kind == .notFound {
                message += " (check the name with `git rev-parse \(spec)`; fetch it if it lives on a remote)"
            }
            throw GitError(kind == .other ? .notFound : kind, message, code: code)
        }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        let peeled = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        try check(peeled, "'\(spec)' does not name a commit")
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// Resolves `spec`, returning nil when it names nothing (other failures still throw).
    public func resolveIfPresent(_ spec: String) throws -> ObjectID? {
        do { return try resolve(spec) } catch let error as GitError where error.kind == .notFound || error.kind == .invalidSpec {
            return nil
        }
    }

    /// True when `id` is an object present in the object database.
    public func contains(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, pointer) == 0 else { return false }
        defer { git_odb_free(odb) }
        var oid = id.oid
        return git_odb_exists(odb, &oid) == 1
    }

    /// Reads a commit's metadata.
    public func commit(_ id: ObjectID) throws -> Commit {
        try withCommit(id) { Commit(pointer: $0) }
    }

    @discardableResult
    func withCommit<T>(_ id: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        var oid = id.oid
        var handle: OpaquePointer?
        let code = git_commit_lookup(&handle, pointer, &oid)
        if code < 0 {
            var message = "cannot read commit \(id.short): \(LibGit2.lastMessage())"
            var kind = LibGit2.kind(for: code)
            if isShallow, kind == .notFound {
                kind = .shallowHistory
                message += " (this is a shallow clone: run `git fetch --unshallow`, or use `fetch-depth: 0` in actions/checkout)"
            }
            throw GitError(kind == .other ? .corrupt : kind, message, code: code)
        }
        defer { git_commit_free(handle) }
        return try body(handle!)
    }

    /// The content of `path` in the tree of commit `id`, or nil when the path does not exist there.
    public func fileContent(at id: ObjectID, path: String) throws -> Data? {
        try withCommit(id) { commit in
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), "cannot read the tree of \(id.short)")
            defer { git_tree_free(tree) }
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, tree, path)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try check(code, "cannot look up \(path) in \(id.short)")
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
            var blob: OpaquePointer?
            try check(git_blob_lookup(&blob, pointer, git_tree_entry_id(entry)), "cannot read \(path) in \(id.short)")
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            guard size > 0, let raw = git_blob_rawcontent(blob) else { return Data() }
            return Data(bytes: raw, count: size)
        }
    }

    // MARK: - Config

    /// A string value of the repository's configuration (with global and system levels), or nil.
    public func configString(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0 else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, key) == 0, let value else { return nil }
        return String(cString: value)
    }

    /// The signature git would use for a new commit (`user.name`/`user.email`), or a fallback.
    func defaultSignature(name: String? = nil) throws -> UnsafeMutablePointer<git_signature> {
        var signature: UnsafeMutablePointer<git_signature>?
        if let name {
            let email = configString("user.email") ?? "\(name)@shipgate.invalid"
            try check(git_signature_now(&signature, name, email), "cannot create a signature for \(name)")
        } else if git_signature_default(&signature, pointer) < 0 {
            try check(git_signature_now(&signature, "shipgate", "shipgate@shipgate.invalid"), "cannot create a signature")
        }
        return signature!
    }
}

/// A commit's metadata, copied out of libgit2.
public struct Commit: Equatable, Sendable {
    public var id: ObjectID
    public var parents: [ObjectID]
    public var subject: String
    public var message: String
    public var authorName: String
    public var authorEmail: String
    public var authorTime: Date
    public var committerName: String
    public var committerTime: Date

    init(pointer: OpaquePointer) {
        id = ObjectID(git_commit_id(pointer))
        parents = (0..<git_commit_parentcount(pointer)).compactMap { index in
            git_commit_parent_id(pointer, index).map { ObjectID($0) }
        }
        message = git_commit_message(pointer).map { String(cString: $0) } ?? ""
        subject = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let author = git_commit_author(pointer)!.pointee
        authorName = String(cString: author.name)
        authorEmail = String(cString: author.email)
        authorTime = Date(timeIntervalSince1970: TimeInterval(author.when.time))
        let committer = git_commit_committer(pointer)!.pointee
        committerName = String(cString: committer.name)
        committerTime = Date(timeIntervalSince1970: TimeInterval(committer.when.time))
    }

    /// The value of a `Key: value` trailer in the message, the last one when repeated.
    public func trailer(_ key: String) -> String? {
        var found: String?
        for line in message.split(separator: "\n") where line.hasPrefix(key + ":") {
            found = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return found
    }
}

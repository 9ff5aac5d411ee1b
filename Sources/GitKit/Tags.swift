import CLibgit2

/// A tag and the commit it points at.
public struct Tag: Equatable, Sendable {
    public var name: String
    /// The commit the tag points at (peeled through annotated tag objects).
    public var target: ObjectID
    public var isAnnotated: Bool
    /// The annotation's message, nil for lightweight tags.
    public var message: String?
}

/// The nearest tag reachable from a commit and how many commits lie between.
public struct Description: Equatable, Sendable {
    public var tag: String
    public var distance: Int
}

extension Repository {
    /// Every tag, sorted by name.
    public func tags() throws -> [Tag] {
        var result: [Tag] = []
        for fullName in try referenceNames(matching: "refs/tags/*") {
            var object: OpaquePointer?
            guard git_revparse_single(&object, pointer, fullName) == 0 else { continue }
            defer { git_object_free(object) }
            var annotated = false
            var message: String?
            if git_object_type(object) == GIT_OBJECT_TAG {
                annotated = true
                message = git_tag_message(object).map { String(cString: $0) }
            }
            var commit: OpaquePointer?
            guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0 else { continue }
            defer { git_object_free(commit) }
            result.append(Tag(name: String(fullName.dropFirst("refs/tags/".count)), target: ObjectID(git_object_id(commit)),
                              isAnnotated: annotated, message: message))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The nearest tag (annotated or lightweight) reachable from `id`, nil when none is.
    public func describe(_ id: ObjectID) throws -> Description? {
        try withCommit(id) { commit in
            var options = git_describe_options()
            try check(git_describe_options_init(&options, UInt32(GIT_DESCRIBE_OPTIONS_VERSION)), "cannot set up describe")
            options.describe_strategy = GIT_DESCRIBE_TAGS.rawValue
            var result: OpaquePointer?
            let code = git_describe_commit(&result, commit, &options)
            // libgit2 reports "no tag reachable" as a describe-class error, whatever the code.
            if code < 0, let last = git_error_last(), last.pointee.klass == Int32(GIT_ERROR_DESCRIBE.rawValue) { return nil }
            try check(code, "cannot describe \(id.short)")
            defer { git_describe_result_free(result) }
            var format = git_describe_format_options()
            try check(git_describe_format_options_init(&format, UInt32(GIT_DESCRIBE_FORMAT_OPTIONS_VERSION)), "cannot set up describe")
            format.always_use_long_format = 1
            var buffer = git_buf()
            try check(git_describe_format(&buffer, result, &format), "cannot format the description of \(id.short)")
            defer { git_buf_dispose(&buffer) }
            return Repository.parseLongDescription(String(cString: buffer.ptr))
        }
    }

    /// Splits `TAG-N-gHASH` (tag names may contain dashes) into the tag and N.
    static func parseLongDescription(_ text: String) -> Description? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let distance = Int(parts[parts.count - 2]) else { return nil }
        return Description(tag: parts.dropLast(2).joined(separator: "-"), distance: distance)
    }

    /// Creates an annotated tag `name` on `target`; fails if the tag exists unless `force`.
    @discardableResult
    public func createAnnotatedTag(_ name: String, at target: ObjectID, message: String, tagger: String? = nil, force: Bool = false) throws -> ObjectID {
        var oid = target.oid
        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_COMMIT), "cannot find commit \(target.short)")
        defer { git_object_free(object) }
        let signature = try defaultSignature(name: tagger)
        defer { git_signature_free(signature) }
        var out = git_oid()
        let code = git_tag_create(&out, pointer, name, object, signature, message, force ? 1 : 0)
        if code == GIT_EEXISTS.rawValue {
            throw GitError(.other, "tag '\(name)' already exists: choose another name or delete it first", code: code)
        }
        try check(code, "cannot create tag \(name)")
        return ObjectID(out)
    }
}

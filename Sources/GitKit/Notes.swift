import CLibgit2

extension Repository {
    /// The note attached to `id` under `notesRef` (e.g. `refs/notes/shipgate`), nil when none.
    public func note(on id: ObjectID, notesRef: String) throws -> String? {
        guard let tip = try referenceTarget(notesRef) else { return nil }
        return try note(on: id, inNotesCommit: tip)
    }

    private func note(on id: ObjectID, inNotesCommit tip: ObjectID) throws -> String? {
        try withCommit(tip) { notesCommit in
            var oid = id.oid
            var note: OpaquePointer?
            let code = git_note_commit_read(&note, pointer, notesCommit, &oid)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try check(code, "cannot read the note on \(id.short)")
            defer { git_note_free(note) }
            return git_note_message(note).map { String(cString: $0) }
        }
    }

    /// Every annotated object id under `notesRef` with its note text.
    public func notes(in notesRef: String) throws -> [(target: ObjectID, text: String)] {
        guard try referenceTarget(notesRef) != nil else { return [] }
        var iterator: OpaquePointer?
        try check(git_note_iterator_new(&iterator, pointer, notesRef), "cannot list notes in \(notesRef)")
        defer { git_note_iterator_free(iterator) }
        var result: [(ObjectID, String)] = []
        var blobID = git_oid(), annotated = git_oid()
        while true {
            let code = git_note_next(&blobID, &annotated, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "cannot list notes in \(notesRef)")
            let target = ObjectID(annotated)
            if let text = try note(on: target, notesRef: notesRef) { result.append((target, text)) }
        }
        return result
    }

    /// Replaces the note on `id` with `text`.
    public func writeNote(on id: ObjectID, notesRef: String, text: String, author: String? = nil) throws {
        try updateNote(on: id, notesRef: notesRef, author: author) { _ in text }
    }

    /// Appends `lines` to the note on `id`, keeping every line already there (lines already present
    /// are not repeated). Safe against concurrent writers: the notes ref moves compare-and-swap and a
    /// lost race re-reads and retries.
    public func appendNote(on id: ObjectID, notesRef: String, lines: [String], author: String? = nil) throws {
        try updateNote(on: id, notesRef: notesRef, author: author) { existing in
            Repository.mergeNoteLines(existing, lines)
        }
    }

    /// `existing`'s lines followed by those of `added` not yet present, newline-terminated.
    public static func mergeNoteLines(_ existing: String?, _ added: [String]) -> String {
        var lines = (existing ?? "").split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        var seen = Set(lines)
        for line in added where !line.isEmpty && seen.insert(line).inserted { lines.append(line) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func updateNote(on id: ObjectID, notesRef: String, author: String?, transform: (String?) -> String) throws {
        let signature = try defaultSignature(name: author)
        defer { git_signature_free(signature) }
        for _ in 0..<20 {
            let tip = try referenceTarget(notesRef)
            let existing = try tip.flatMap { try note(on: id, inNotesCommit: $0) }
            let text = transform(existing)
            var newCommit = git_oid(), blob = git_oid()
            var target = id.oid
            if let tip {
                try withCommit(tip) { parent in
                    try check(git_note_commit_create(&newCommit, &blob, pointer, parent, signature, signature, &target, text, 1),
                              "cannot write the note on \(id.short)")
                }
            } else {
                try check(git_note_commit_create(&newCommit, &blob, pointer, nil, signature, signature, &target, text, 1),
                          "cannot write the note on \(id.short)")
            }
            do {
                try updateReference(notesRef, to: ObjectID(newCommit), expected: tip, message: "notes: update \(id.short)")
                return
            } catch let error as GitError where error.kind == .refMoved {
                continue
            }
        }
        throw GitError(.refMoved, "\(notesRef) kept moving while writing the note on \(id.short): try again")
    }
}

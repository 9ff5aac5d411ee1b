import CLibgit2
import Foundation

/// One path's state in the index and the work tree, as `git status` reports it.
public struct StatusEntry: Equatable, Sendable {
    public enum Change: String, Sendable, Codable {
        case added, modified, deleted, renamed, typeChanged = "typechange"
    }

    public var path: String
    /// The path before a staged rename, when there was one.
    public var originalPath: String?
    /// The change staged in the index, nil when none.
    public var staged: Change?
    /// The change in the work tree relative to the index, nil when none.
    public var unstaged: Change?
    public var isUntracked: Bool
    public var isConflicted: Bool
}

/// A work tree's state summarised by category.
public struct StatusSummary: Equatable, Sendable {
    public var entries: [StatusEntry]

    public var staged: [StatusEntry] { entries.filter { $0.staged != nil && !$0.isConflicted } }
    public var unstaged: [StatusEntry] { entries.filter { $0.unstaged != nil && !$0.isConflicted } }
    public var untracked: [StatusEntry] { entries.filter(\.isUntracked) }
    public var conflicted: [StatusEntry] { entries.filter(\.isConflicted) }
    public var isClean: Bool { entries.isEmpty }
}

extension Repository {
    /// The work tree's status, honouring `.gitignore` (ignored files are left out), with untracked
    /// directories listed file by file and staged renames detected.
    ///
    /// The common case takes a fast path (parallel `lstat` against the index, a walk for unknown
    /// names, hashing only the files whose stat data changed); staged changes, conflicts and other
    /// unusual states use libgit2's full status. Tests hold the two to the same answers.
    public func status() throws -> StatusSummary {
        guard workTree != nil else { return StatusSummary(entries: []) }
        return try fastStatus() ?? exhaustiveStatus()
    }

    /// libgit2's full status, optionally restricted to exact paths.
    public func exhaustiveStatus(limitedTo paths: [String]? = nil) throws -> StatusSummary {
        guard workTree != nil else { return StatusSummary(entries: []) }
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "cannot set up status")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
            | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue
            | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY.rawValue
        var list: OpaquePointer?
        var refreshedIndex = false
        if let paths {
            options.flags |= GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue
            var cStrings = paths.map { strdup($0) }
            defer { cStrings.forEach { free($0) } }
            let code = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
                options.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
                return git_status_list_new(&list, pointer, &options)
            }
            try check(code, "cannot read the work tree status")
        } else {
            // Like `git status`, write refreshed stat data back to the index when it can, so the
            // next status takes the fast path; a read-only or locked index just skips that.
            var refreshing = options
            refreshing.flags |= GIT_STATUS_OPT_UPDATE_INDEX.rawValue
            refreshedIndex = git_status_list_new(&list, pointer, &refreshing) == 0
            if !refreshedIndex {
                try check(git_status_list_new(&list, pointer, &options), "cannot read the work tree status")
            }
        }
        defer { git_status_list_free(list) }
        var entries: [StatusEntry] = []
        let count = git_status_list_entrycount(list)
        entries.reserveCapacity(count)
        for index in 0..<count {
            guard let raw = git_status_byindex(list, index)?.pointee else { continue }
            let flags = raw.status.rawValue
            if flags & GIT_STATUS_IGNORED.rawValue != 0 { continue }
            let indexDelta = raw.head_to_index?.pointee
            let workDelta = raw.index_to_workdir?.pointee
            let newPath = (indexDelta?.new_file.path ?? workDelta?.new_file.path).map { String(cString: $0) } ?? ""
            var entry = StatusEntry(path: newPath, originalPath: nil, staged: nil, unstaged: nil,
                                    isUntracked: flags & GIT_STATUS_WT_NEW.rawValue != 0,
                                    isConflicted: flags & GIT_STATUS_CONFLICTED.rawValue != 0)
            if flags & GIT_STATUS_INDEX_NEW.rawValue != 0 { entry.staged = .added }
            if flags & GIT_STATUS_INDEX_MODIFIED.rawValue != 0 { entry.staged = .modified }
            if flags & GIT_STATUS_INDEX_DELETED.rawValue != 0 { entry.staged = .deleted }
            if flags & GIT_STATUS_INDEX_TYPECHANGE.rawValue != 0 { entry.staged = .typeChanged }
            if flags & GIT_STATUS_INDEX_RENAMED.rawValue != 0 {
                entry.staged = .renamed
                entry.originalPath = indexDelta.flatMap { $0.old_file.path.map { String(cString: $0) } }
            }
            if flags & GIT_STATUS_WT_MODIFIED.rawValue != 0 { entry.unstaged = .modified }
            if flags & GIT_STATUS_WT_DELETED.rawValue != 0 { entry.unstaged = .deleted }
            if flags & GIT_STATUS_WT_TYPECHANGE.rawValue != 0 { entry.unstaged = .typeChanged }
            entries.append(entry)
        }
        let summary = StatusSummary(entries: entries)
        if refreshedIndex, summary.staged.isEmpty, summary.conflicted.isEmpty { restoreCacheTree() }
        return summary
    }

    /// Refreshing stat data invalidates the index's cache tree, which the fast path needs. With
    /// nothing staged the index's tree is HEAD's, every tree object exists already, and rebuilding
    /// the cache writes nothing but the index. Failures (a locked index) only cost speed later.
    private func restoreCacheTree() {
        var index: OpaquePointer?
        guard git_repository_index(&index, pointer) == 0 else { return }
        defer { git_index_free(index) }
        var tree = git_oid()
        guard git_index_write_tree(&tree, index) == 0 else { return }
        _ = git_index_write(index)
    }
}

/// Everything `shipgate status` shows about a repository, gathered in one pass.
public struct WorkingCopyReport: Equatable, Sendable {
    /// The changes since a base revision's merge-base with HEAD (`status --base`).
    public struct BaseComparison: Equatable, Sendable {
        public var spec: String
        public var id: ObjectID
        public var mergeBase: ObjectID
        public var changes: [ChangedPath]
    }

    /// The work tree root, or the git directory of a bare repository.
    public var root: String
    public var isBare: Bool
    public var head: Head
    /// HEAD commit's subject line, nil when unborn.
    public var subject: String?
    public var upstream: Upstream?
    public var status: StatusSummary
    public var description: Description?
    public var isShallow: Bool
    public var base: BaseComparison?

    /// Reads the report from `repository`; with `base`, also the paths changed since the merge-base.
    public static func gather(from repository: Repository, base: String? = nil) throws -> WorkingCopyReport {
        let head = try repository.head()
        var subject: String?
        var description: Description?
        if let id = head.id {
            subject = try repository.commit(id).subject
            description = try repository.describe(id)
        }
        var upstream: Upstream?
        if case .branch(let name, _) = head {
            upstream = try repository.upstream(of: name)
        }
        var comparison: BaseComparison?
        if let base {
            guard let headID = head.id else {
                throw GitError(.unbornBranch, "HEAD has no commits yet, so there is nothing to compare with \(base): commit first")
            }
            let baseID = try repository.resolve(base)
            guard let mergeBase = try repository.mergeBase(baseID, headID) else {
                throw GitError(.notFound, "\(base) and HEAD share no history: give a --base on the same history")
            }
            comparison = BaseComparison(spec: base, id: baseID, mergeBase: mergeBase,
                                        changes: try repository.changedPaths(from: mergeBase, to: headID, detectRenames: true))
        }
        return WorkingCopyReport(root: repository.workTree ?? repository.gitDirectory, isBare: repository.isBare, head: head,
                                 subject: subject, upstream: upstream, status: try repository.status(),
                                 description: description, isShallow: repository.isShallow, base: comparison)
    }
}

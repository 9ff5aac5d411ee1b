import GitKit

extension PromotionHistory {
    /// The build a checked-out commit stands for: the commit itself, or — when it is one of
    /// shipgate's record commits (a promotion, hold or release changes only a manifest) — the
    /// nearest first-parent ancestor that is not a record.
    public static func build(at id: ObjectID, in repository: Repository) throws -> ObjectID {
        var current = id
        for _ in 0..<1000 {
            let commit = try repository.commit(current)
            guard isRecord(commit), let parent = commit.parents.first else { return current }
            current = parent
        }
        return current
    }
}

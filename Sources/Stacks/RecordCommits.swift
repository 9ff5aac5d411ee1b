import GitKit

/// shipgate's own record commits — a promotion, a hold or a release changes only a manifest — and
/// the build a commit stands for. Evidence belongs to builds, never to record commits.
public enum RecordCommits {
    public static let promoteTrailer = "Shipgate-Promote"
    public static let holdTrailer = "Shipgate-Hold"
    public static let releaseTrailer = "Shipgate-Release"
    /// Trailers that mark a commit as one of shipgate's records rather than a build.
    public static let trailers = [promoteTrailer, holdTrailer, releaseTrailer]

    public static func isRecord(_ commit: Commit) -> Bool {
        trailers.contains { commit.trailer($0) != nil }
    }

    /// The commit itself, or — for a record commit — its nearest first-parent ancestor that is not one.
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

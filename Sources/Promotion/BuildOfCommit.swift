import GitKit
import Stacks

extension PromotionHistory {
    /// The build a checked-out commit stands for (see `RecordCommits.build`).
    public static func build(at id: ObjectID, in repository: Repository) throws -> ObjectID {
        try RecordCommits.build(at: id, in: repository)
    }
}

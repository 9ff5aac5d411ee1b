import Foundation
import GitKit
import Stacks

/// One promotion recorded in git: a commit with `Shipgate-Promote` and `Shipgate-Build` trailers.
public struct PromotionEntry: Sendable, Equatable, Codable {
    public var commit: ObjectID
    public var time: Date
    /// The author of the promotion commit: who promoted.
    public var by: String
    /// The source environment, or the branch for the root.
    public var from: String
    public var to: String
    public var build: ObjectID
    /// Stacks promoted one by one; empty for the whole environment.
    public var stacks: [String]
    /// The build a rollback returned from, nil for ordinary promotions.
    public var rollbackFrom: ObjectID?
}

/// Trailers of promotion commits, and reading them back from history.
public enum PromotionHistory {
    static let promoteTrailer = RecordCommits.promoteTrailer
    static let buildTrailer = "Shipgate-Build"
    static let stacksTrailer = "Shipgate-Stacks"
    static let rollbackTrailer = "Shipgate-Rollback-From"
    static let holdTrailer = RecordCommits.holdTrailer
    static let releaseTrailer = RecordCommits.releaseTrailer

    /// Whether `commit` is one of shipgate's record commits (it changes a manifest, not the build).
    public static func isRecord(_ commit: Commit) -> Bool {
        RecordCommits.isRecord(commit)
    }

    /// Every promotion in the history of `tip`, newest first; only those into `environment` when given.
    public static func entries(from tip: ObjectID, in repository: Repository, environment: String? = nil) throws -> [PromotionEntry] {
        try repository.log(from: tip).compactMap { commit in
            guard let entry = entry(commit), environment == nil || entry.to == environment else { return nil }
            return entry
        }
    }

    static func entry(_ commit: Commit) -> PromotionEntry? {
        guard let promote = commit.trailer(promoteTrailer), let buildText = commit.trailer(buildTrailer),
              let build = ObjectID(hex: buildText) else { return nil }
        let sides = promote.components(separatedBy: " -> ")
        guard sides.count == 2 else { return nil }
        let stacks = commit.trailer(stacksTrailer).map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        return PromotionEntry(commit: commit.id, time: commit.committerTime, by: commit.authorName, from: sides[0], to: sides[1],
                              build: build, stacks: stacks, rollbackFrom: commit.trailer(rollbackTrailer).flatMap { ObjectID(hex: $0) })
    }

    /// The commit message of a promotion.
    static func message(from: String, to: String, build: ObjectID, stacks: [String], rollbackFrom: ObjectID?) -> String {
        let verb = rollbackFrom == nil ? "Promote" : "Roll back"
        let scope = stacks.isEmpty ? "" : " (\(stacks.joined(separator: ", ")))"
        var lines = ["\(verb) \(to) to \(build.short)\(scope)", "", "\(promoteTrailer): \(from) -> \(to)", "\(buildTrailer): \(build.hex)"]
        if !stacks.isEmpty { lines.append("\(stacksTrailer): \(stacks.joined(separator: ", "))") }
        if let rollbackFrom { lines.append("\(rollbackTrailer): \(rollbackFrom.hex)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

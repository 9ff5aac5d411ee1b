import Foundation
import GitKit
import Stacks

/// Everything shipgate recorded about one build in its note: suite evidence, approvals, bad marks.
public struct BuildLedger: Sendable {
    public var build: ObjectID
    public var evidence: [EvidenceRecord]
    public var approvals: [ApprovalRecord]
    /// Bad marks and their clearings, in the order they were written.
    public var marks: [BadMark]

    public init(build: ObjectID, evidence: [EvidenceRecord] = [], approvals: [ApprovalRecord] = [], marks: [BadMark] = []) {
        self.build = build
        self.evidence = evidence
        self.approvals = approvals
        self.marks = marks
    }

    /// Reads the note of `build` under `refs/notes/shipgate`.
    public static func read(_ build: ObjectID, in repository: Repository) throws -> BuildLedger {
        let text = try repository.note(on: build, notesRef: EvidenceStore.notesRef) ?? ""
        var ledger = BuildLedger(build: build)
        for line in text.split(separator: "\n").map(String.init) {
            if let record = EvidenceRecord.parse(line: line), record.build == build.hex {
                ledger.evidence.append(record)
            } else if let approval = ApprovalRecord.parse(line: line), approval.build == build.hex {
                ledger.approvals.append(approval)
            } else if let mark = BadMark.parse(line: line), mark.build == build.hex {
                ledger.marks.append(mark)
            }
        }
        return ledger
    }

    /// The mark in force: the last `bad` line when no `bad-cleared` line follows it.
    public var badMark: BadMark? {
        guard let last = marks.last, !last.isCleared else { return nil }
        return last
    }
}

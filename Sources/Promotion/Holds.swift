import Foundation
import GitKit
import Stacks
import WorkflowModel

/// Stop the line: `env hold` writes a `hold:` block into a manifest (a gate then refuses every
/// promotion into it), `env release` removes it or clears a build's bad mark.
public struct Holds {
    public var repository: Repository
    public var project: ProjectConfig?

    public init(repository: Repository, project: ProjectConfig?) {
        self.repository = repository
        self.project = project
    }

    public enum Change: Equatable, Sendable {
        case held(commit: ObjectID)
        case released(commit: ObjectID)
        case notHeld
        case markCleared(ObjectID)
        case notMarked(ObjectID)
    }

    public func hold(_ name: String, reason: String, by actor: String, now: Date = Date()) throws -> Change {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw UsageError("a hold needs a reason", hint: "pass --reason \"what is wrong\"") }
        let workspace = try Workspace.open(repository, project: project, environment: name)
        let target = try workspace.chain.environment(named: name)
        if let hold = target.hold {
            throw UsageError("\(name) is already on hold (by \(hold.by) since \(Timestamp.format(hold.at)): \"\(hold.reason)\")",
                             hint: "release it first to change the reason: shipgate env release \(name)")
        }
        let newHold = Hold(reason: reason, by: actor, at: Timestamp.recordable(now))
        let text = try ManifestWriter.replacingBlock("hold", in: try workspace.manifestText(target), with: ManifestWriter.holdBlock(newHold),
                                                     before: "deployed", file: target.path)
        guard try workspace.reparse(text, target).hold == newHold else {
            throw UsageError("internal: the rewritten \(target.path) does not read back as written; nothing was written")
        }
        let message = "Hold \(name): \(reason.split(separator: "\n").first ?? "")\n\n\(PromotionHistory.holdTrailer): \(name)\n"
        return .held(commit: try workspace.commit(target, text: text, message: message, author: actor))
    }

    public func release(_ name: String, by actor: String) throws -> Change {
        let workspace = try Workspace.open(repository, project: project, environment: name)
        let target = try workspace.chain.environment(named: name)
        guard target.hold != nil else { return .notHeld }
        let text = try ManifestWriter.replacingBlock("hold", in: try workspace.manifestText(target), with: nil, file: target.path)
        guard try workspace.reparse(text, target).hold == nil else {
            throw UsageError("internal: the hold block of \(target.path) could not be removed; nothing was written")
        }
        return .released(commit: try workspace.commit(target, text: text, message: "Release \(name)\n\n\(PromotionHistory.releaseTrailer): \(name)\n", author: actor))
    }

    /// Clears the bad mark of `build` (a `bad-cleared` line in its note), so gates accept it again.
    public func clearBadMark(_ spec: String, environment name: String, by actor: String, now: Date = Date()) throws -> Change {
        let workspace = try Workspace.open(repository, project: project, environment: name)
        _ = try workspace.chain.environment(named: name)
        let build = try repository.resolve(spec)
        guard try BuildLedger.read(build, in: repository).badMark != nil else { return .notMarked(build) }
        let clear = BadMark(cleared: true, by: actor, env: name, time: now, build: build, reason: nil)
        try repository.appendNote(on: build, notesRef: EvidenceStore.notesRef, lines: [clear.line], author: actor)
        return .markCleared(build)
    }
}

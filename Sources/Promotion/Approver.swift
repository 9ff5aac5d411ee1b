import Foundation
import GitKit
import Stacks
import WorkflowModel

/// A policy said no (an author approving their own build, an approver not on the list): the
/// command exits 1 and writes nothing.
public struct PolicyRefusal: UserFacingError, Equatable {
    public var message: String
    public var hint: String?
}

/// Records approvals: a line of kind `approval` in the build's note.
public struct Approver {
    public var repository: Repository
    public var project: ProjectConfig?

    public init(repository: Repository, project: ProjectConfig?) {
        self.repository = repository
        self.project = project
    }

    public enum Result: Equatable, Sendable {
        case recorded(ApprovalRecord)
        case alreadyApproved(ApprovalRecord)
    }

    /// Approves `build` (default: what the environment would be promoted to next) into `environment`.
    public func approve(environment name: String, build spec: String?, by actor: String, now: Date = Date()) throws -> Result {
        let workspace = try Workspace.open(repository, project: project, environment: name)
        let target = try workspace.chain.environment(named: name)
        let build = try spec.map { try repository.resolve($0) } ?? nextBuild(into: target, workspace: workspace)
        if let policy = target.gates.approvals,
           let why = ApprovalsGate.refusal(of: actor, policy: policy, author: try repository.commit(build)) {
            throw PolicyRefusal(message: "\(actor)'s approval of \(build.short) for \(name) does not count: \(why)",
                                hint: policy.from.isEmpty ? "another person must approve" : "ask one of: \(policy.from.joined(separator: ", "))")
        }
        let ledger = try BuildLedger.read(build, in: repository)
        if let existing = ledger.approvals.first(where: { $0.env == name && $0.by.caseInsensitiveCompare(actor) == .orderedSame }) {
            return .alreadyApproved(existing)
        }
        let record = ApprovalRecord(by: actor, env: name, time: now, build: build)
        try repository.appendNote(on: build, notesRef: EvidenceStore.notesRef, lines: [record.line], author: actor)
        return .recorded(record)
    }

    private func nextBuild(into target: Environment, workspace: Workspace) throws -> ObjectID {
        if let source = workspace.chain.source(of: target) {
            guard let build = source.deployed?.build else {
                throw UsageError("\(source.name) has nothing deployed, so nothing can be approved into \(target.name) yet",
                                 hint: "pass --build REV to approve a specific build")
            }
            return build
        }
        guard let tip = try BranchRef.latestBuild(of: target.branchPolicy.branch, in: repository) else {
            throw UsageError("branch \(target.branchPolicy.branch) does not exist", hint: "pass --build REV")
        }
        return tip
    }
}

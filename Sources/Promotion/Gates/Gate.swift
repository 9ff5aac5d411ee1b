import Foundation
import GitKit
import Stacks

/// One check a promotion must pass. Each gate lives in its own file and says, in its reason, what
/// a release manager can do about a failure.
public protocol Gate: Sendable {
    /// Short kebab-case name shown in the gate table (`soak`, `same-build`).
    var name: String { get }
    func evaluate(_ context: GateContext) throws -> GateResult
}

/// The verdict of one gate.
public struct GateResult: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case pass, fail, skipped
    }

    public var gate: String
    public var status: Status
    public var reason: String

    public init(gate: String, status: Status, reason: String) {
        self.gate = gate
        self.status = status
        self.reason = reason
    }
}

extension Gate {
    func pass(_ reason: String) -> GateResult { GateResult(gate: name, status: .pass, reason: reason) }
    func fail(_ reason: String) -> GateResult { GateResult(gate: name, status: .fail, reason: reason) }
    func skipped(_ reason: String) -> GateResult { GateResult(gate: name, status: .skipped, reason: reason) }
}

/// Everything a gate may look at: the environments, the build, its records and the clock.
public struct GateContext {
    public var repository: Repository
    public var chain: EnvironmentChain
    public var target: Environment
    /// The environment the build comes from; nil when the target is the root.
    public var source: Environment?
    public var build: ObjectID
    public var buildCommit: Commit
    /// Stacks being promoted; empty when the project declares none (the environment moves as a whole).
    public var stacks: [String]
    public var project: ProjectConfig?
    public var ledger: BuildLedger
    /// Promotions into the target, newest first (from the branch's history).
    public var targetHistory: [PromotionEntry]
    /// Promotions into the source, newest first.
    public var sourceHistory: [PromotionEntry]
    public var rollback: Bool
    public var now: Date
    /// `SHIPGATE_EVIDENCE_KEY`, to verify signed evidence.
    public var evidenceKey: String?

    /// The deployed-build lookups a gate runs per stack: each promoted stack, or the environment as a whole.
    var stackKeys: [String?] { stacks.isEmpty ? [nil] : stacks.map { Optional($0) } }

    /// `datalake: ` before a per-stack detail, nothing for a whole-environment promotion.
    static func label(_ stack: String?) -> String { stack.map { "\($0): " } ?? "" }
}

/// Every gate, in the order the table shows them.
public enum Gates {
    public static let all: [any Gate] = [
        HoldGate(), OrderGate(), SameBuildGate(), BranchPolicyGate(), NoDowngradeGate(), BadBuildGate(),
        SuitesGate(), SoakGate(), ApprovalsGate(), FreezeGate(), CleanWorkTreeGate(),
    ]
}

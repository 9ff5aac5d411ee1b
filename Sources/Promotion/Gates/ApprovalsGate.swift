import GitKit

/// Enough distinct people approved the build for the target: from the allowed list, and not the
/// build's author when `not_author` is set.
struct ApprovalsGate: Gate {
    let name = "approvals"

    func evaluate(_ context: GateContext) throws -> GateResult {
        guard let policy = context.target.gates.approvals else { return skipped("no approvals required") }
        let target = context.target.name
        var counted: [String] = [], refused: [String] = []
        for approval in context.ledger.approvals where approval.env == target {
            let who = approval.by
            if counted.contains(where: { $0.caseInsensitiveCompare(who) == .orderedSame }) { continue }
            if let why = ApprovalsGate.refusal(of: who, policy: policy, author: context.buildCommit) {
                refused.append("\(who) (\(why))")
            } else {
                counted.append(who)
            }
        }
        let refusedText = refused.isEmpty ? "" : "; not counted: \(refused.joined(separator: ", "))"
        if counted.count >= policy.count {
            return pass("approved by \(counted.joined(separator: ", "))\(refusedText)")
        }
        let allowed = policy.from.isEmpty ? "" : " (allowed: \(policy.from.joined(separator: ", ")))"
        let have = counted.isEmpty ? "none" : counted.joined(separator: ", ")
        return fail("\(counted.count) of \(policy.count) approvals (\(have))\(refusedText): ask for `shipgate approve --env \(target) --build \(context.build.short)`\(allowed)")
    }

    /// Why `who`'s approval does not count, nil when it does.
    static func refusal(of who: String, policy: ApprovalPolicy, author: Commit) -> String? {
        if !policy.allows(who) { return "not an allowed approver" }
        if policy.notAuthor, Identity.isAuthor(who, of: author) { return "authored the build" }
        return nil
    }
}

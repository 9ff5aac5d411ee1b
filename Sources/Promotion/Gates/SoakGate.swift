import Foundation
import GitKit
import WorkflowModel

/// The build has spent at least `soak` in the source environment (measured from when it entered,
/// to the second, against `--now` when given).
struct SoakGate: Gate {
    let name = "soak"

    func evaluate(_ context: GateContext) throws -> GateResult {
        guard let required = context.target.gates.soak else { return skipped("no soak time set") }
        guard let source = context.source else { return skipped("\(context.target.name) is the root: nothing to soak in") }
        if context.rollback { return skipped("rollbacks do not wait for soak time") }
        guard let entered = SoakGate.entryTime(of: context.build, into: source, context: context) else {
            return fail("\(context.build.short) is not in \(source.name): promote it there and wait \(DurationText.format(required))")
        }
        let elapsed = Int(context.now.timeIntervalSince(entered).rounded(.down))
        if elapsed >= required {
            return pass("in \(source.name) for \(DurationText.format(elapsed)) (needs \(DurationText.format(required)))")
        }
        let ready = entered.addingTimeInterval(TimeInterval(required))
        return fail("in \(source.name) for \(DurationText.format(max(elapsed, 0))) of \(DurationText.format(required)): wait until \(Timestamp.format(ready))")
    }

    /// When `build` entered `source`: its deployment time when it runs there now, else its last promotion there.
    static func entryTime(of build: ObjectID, into source: Environment, context: GateContext) -> Date? {
        if let deployed = source.deployed, context.stackKeys.allSatisfy({ source.deployedBuild(of: $0) == build }) {
            return deployed.at
        }
        return context.sourceHistory.first { $0.build == build }?.time
    }
}

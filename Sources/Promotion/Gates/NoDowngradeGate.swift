/// The build descends from what the target runs now, so a promotion never silently undoes commits;
/// `--rollback` instead allows only a build the target ran before.
struct NoDowngradeGate: Gate {
    let name = "no-downgrade"

    func evaluate(_ context: GateContext) throws -> GateResult {
        let target = context.target
        guard target.deployed != nil else { return pass("first deployment to \(target.name)") }
        let build = context.build
        if context.rollback {
            guard let earlier = context.targetHistory.first(where: { $0.build == build }) else {
                return fail("\(target.name) never ran \(build.short): --rollback only returns to a build it had before (see `shipgate env history \(target.name)`)")
            }
            return pass("rollback to \(build.short), which \(target.name) ran from \(Timestamp.format(earlier.time))")
        }
        var problems: [String] = []
        for stack in context.stackKeys {
            guard let current = target.deployedBuild(of: stack), current != build else { continue }
            if try context.repository.isAncestor(current, of: build) { continue }
            try Ancestry.requireFullHistory(context.repository, from: build, missing: "whether \(build.short) descends from \(current.short)")
            problems.append("\(GateContext.label(stack))\(build.short) does not descend from \(current.short), which \(target.name) runs")
        }
        if problems.isEmpty { return pass("\(build.short) descends from what \(target.name) runs") }
        return fail("\(problems.joined(separator: "; ")): promoting it would undo commits — to return to an earlier build on purpose, use --rollback")
    }
}

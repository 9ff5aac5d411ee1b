/// The build comes through the chain: it has been deployed in the environment the target
/// promotes from, so no stage is skipped.
struct OrderGate: Gate {
    let name = "order"

    func evaluate(_ context: GateContext) throws -> GateResult {
        guard let source = context.source else {
            return skipped("\(context.target.name) is the root: builds come from branch \(context.target.branchPolicy.branch)")
        }
        if context.rollback { return skipped("rollback: the build comes from \(context.target.name)'s own history") }
        let build = context.build
        let current = context.stackKeys.contains { source.deployedBuild(of: $0) == build }
        if current || context.sourceHistory.contains(where: { $0.build == build }) {
            return pass("\(build.short) went through \(source.name)")
        }
        return fail("\(build.short) was never deployed to \(source.name): promote it there first (`shipgate promote --to \(source.name) --build \(build.short)`)")
    }
}

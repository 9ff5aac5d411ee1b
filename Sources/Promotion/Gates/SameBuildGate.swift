/// The build is exactly what the source environment runs: the artifact moves, it is not rebuilt.
struct SameBuildGate: Gate {
    let name = "same-build"

    func evaluate(_ context: GateContext) throws -> GateResult {
        guard let source = context.source else {
            return skipped("\(context.target.name) takes builds from branch \(context.target.branchPolicy.branch), not from an environment")
        }
        if context.rollback { return skipped("rollback: the build is one \(context.target.name) ran before") }
        var mismatches: [String] = []
        for stack in context.stackKeys {
            let running = source.deployedBuild(of: stack)
            if running != context.build {
                mismatches.append("\(GateContext.label(stack))\(source.name) runs \(running?.short ?? "nothing")")
            }
        }
        if mismatches.isEmpty { return pass("\(source.name) runs \(context.build.short)") }
        return fail("\(mismatches.joined(separator: "; ")), not \(context.build.short): promote what \(source.name) runs (drop --build) or promote \(context.build.short) into \(source.name) first")
    }
}

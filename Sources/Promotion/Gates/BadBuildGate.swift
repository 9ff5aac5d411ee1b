/// A build marked bad (an environment was rolled back from it) is refused until the mark is cleared.
struct BadBuildGate: Gate {
    let name = "bad-build"

    func evaluate(_ context: GateContext) throws -> GateResult {
        guard let mark = context.ledger.badMark else { return pass("\(context.build.short) is not marked bad") }
        let why = mark.reason.map { ": \($0)" } ?? ""
        return fail("\(context.build.short) was marked bad by \(mark.by) at \(mark.time) (\(mark.env))\(why) — fix forward, or clear the mark with `shipgate env release \(mark.env) --build \(context.build.short)`")
    }
}

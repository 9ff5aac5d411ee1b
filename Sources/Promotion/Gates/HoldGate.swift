/// A held environment (`shipgate env hold`) refuses every promotion until it is released.
struct HoldGate: Gate {
    let name = "hold"

    func evaluate(_ context: GateContext) throws -> GateResult {
        guard let hold = context.target.hold else { return pass("\(context.target.name) is not on hold") }
        return fail("\(context.target.name) is on hold since \(Timestamp.format(hold.at)) by \(hold.by): \"\(hold.reason)\" — when it is safe, run `shipgate env release \(context.target.name)`")
    }
}

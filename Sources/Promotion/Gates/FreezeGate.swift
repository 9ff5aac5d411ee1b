/// No promotion enters during a freeze window (rollbacks excepted: they undo, not ship).
struct FreezeGate: Gate {
    let name = "freeze"

    func evaluate(_ context: GateContext) throws -> GateResult {
        let windows = context.target.gates.freeze
        if windows.isEmpty { return skipped("no freeze windows") }
        if context.rollback { return skipped("rollbacks may enter during a freeze") }
        let active = windows.filter { $0.contains(context.now) }
        if active.isEmpty {
            return pass("\(Timestamp.format(context.now)) is outside \(windows.count) freeze window\(windows.count == 1 ? "" : "s")")
        }
        let list = active.map { window in window.text + (window.reason.map { " (\($0))" } ?? "") }
        return fail("\(context.target.name) is frozen at \(Timestamp.format(context.now)): \(list.joined(separator: "; ")) — promote after the window ends")
    }
}

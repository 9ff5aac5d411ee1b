import Stacks

/// The required suites passed for this build, for every stack being promoted, in the source
/// environment (for the root: on the build itself); signed evidence when the manifest requires it.
struct SuitesGate: Gate {
    let name = "suites"

    func evaluate(_ context: GateContext) throws -> GateResult {
        let gates = context.target.gates
        let where_ = context.source.map { "in \($0.name)" } ?? "on the build"
        let required: [(stack: String?, suite: String)] = context.stackKeys.flatMap { stack in
            let declared = stack.flatMap { context.project?.stack(named: $0) }.map { $0.suites.map(\.name) }
            let suites = stack.map { gates.requiredSuites(of: $0, declared: declared) } ?? gates.suites
            return suites.map { (stack, $0) }
        }
        if required.isEmpty { return skipped("\(context.target.name) requires no suites") }
        if gates.requireSigned, context.evidenceKey == nil {
            return fail("\(context.target.name) requires signed evidence but SHIPGATE_EVIDENCE_KEY is not set: run where the key is available")
        }
        var problems: [String] = []
        for (stack, suite) in required {
            let label = "\(stack.map { "\($0)/" } ?? "")\(suite)"
            let candidates = context.ledger.evidence.filter { record in
                record.suite == suite && (stack == nil || record.stack == stack)
                    && (context.source == nil || record.env == context.source?.name)
            }
            let trusted = gates.requireSigned ? candidates.filter { $0.hasValidSignature(key: context.evidenceKey ?? "") } : candidates
            guard let latest = trusted.max(by: { $0.time < $1.time }) else {
                problems.append(candidates.isEmpty ? "\(label) has no evidence" : "\(label) has no validly signed evidence")
                continue
            }
            if latest.result != .passed {
                let counts = latest.failures.map { failures in " (\(failures) of \(latest.tests ?? failures) failed)" } ?? ""
                problems.append("\(label) \(latest.result.rawValue) at \(latest.time)\(counts)")
            }
        }
        if problems.isEmpty {
            return pass("\(required.count) suite run\(required.count == 1 ? "" : "s") passed \(where_)\(gates.requireSigned ? ", signed" : "")")
        }
        let env = context.source.map { " --env \($0.name)" } ?? ""
        return fail("\(problems.joined(separator: "; ")) \(where_): run `shipgate test\(env) --record` on \(context.build.short)")
    }
}

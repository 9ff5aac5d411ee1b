/// Run from a working copy, the work tree has no uncommitted changes to tracked files: what is
/// promoted is what is committed, and no local edit of a manifest is overwritten.
struct CleanWorkTreeGate: Gate {
    let name = "clean-tree"

    func evaluate(_ context: GateContext) throws -> GateResult {
        guard context.repository.workTree != nil else { return skipped("bare repository: no work tree") }
        let dirty = try context.repository.status().entries.filter { !$0.isUntracked }.map(\.path)
        if dirty.isEmpty { return pass("no uncommitted changes") }
        let shown = dirty.prefix(5).joined(separator: ", ") + (dirty.count > 5 ? ", …" : "")
        return fail("uncommitted changes in \(dirty.count) file\(dirty.count == 1 ? "" : "s") (\(shown)): commit or stash them first")
    }
}

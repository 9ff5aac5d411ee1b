import GitKit
import WorkflowModel

/// Which stacks a change touches, and why.
public struct AffectedStacks: Sendable, Equatable {
    /// Why a stack is affected.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// A file under the stack's path changed (the first such path).
        case changed(String)
        /// A stack it depends on (directly or not) is affected.
        case dependsOn(String)
        /// A shared path changed: every stack is affected.
        case shared(String)
        /// The history needed to compute the change is missing and `--fallback all` was given.
        case fallback
        /// The base is the all-zero id (the first push of a branch): there is nothing to compare with.
        case noBase

        public var description: String {
            switch self {
            case .changed(let path): return "changed: \(path)"
            case .dependsOn(let stack): return "depends on \(stack)"
            case .shared(let path): return "shared path changed: \(path)"
            case .fallback: return "fallback: history unavailable"
            case .noBase: return "no base: first push, every stack"
            }
        }
    }

    /// Affected stack names, in the order `shipgate.yml` declares them.
    public var stacks: [String]
    public var reasons: [String: Reason]
    /// How many paths changed.
    public var changedCount: Int

    public var any: Bool { !stacks.isEmpty }

    /// Resolution as a pure function: `changedPaths` (relative to the repository root) mapped to the
    /// stacks whose path prefix or glob covers them, plus every stack depending on one of those,
    /// or every stack when a shared path changed.
    public static func resolve(changedPaths: [String], config: ProjectConfig) -> AffectedStacks {
        var reasons: [String: Reason] = [:]
        let shared = config.sharedPaths.map(PathPattern.init)
        let patterns = config.stacks.map { PathPattern($0.path) }
        var firstHit = [String?](repeating: nil, count: patterns.count)
        var unmatched = patterns.count
        var sharedHit: String?
        for path in changedPaths {
            if sharedHit == nil, shared.contains(where: { $0.matches(path) }) { sharedHit = path }
            if unmatched > 0 {
                for index in patterns.indices where firstHit[index] == nil && patterns[index].matches(path) {
                    firstHit[index] = path
                    unmatched -= 1
                }
            }
            if unmatched == 0 && (sharedHit != nil || shared.isEmpty) { break }
        }
        for (index, stack) in config.stacks.enumerated() {
            if let path = firstHit[index] { reasons[stack.name] = .changed(path) }
        }
        if let sharedHit {
            for stack in config.stacks where reasons[stack.name] == nil { reasons[stack.name] = .shared(sharedHit) }
        }
        for stack in config.stacks {
            guard case .changed = reasons[stack.name] else { continue }
            for dependent in config.dependents(of: stack.name) where reasons[dependent] == nil {
                reasons[dependent] = .dependsOn(stack.name)
            }
        }
        return AffectedStacks(stacks: config.stacks.map(\.name).filter { reasons[$0] != nil }, reasons: reasons,
                              changedCount: changedPaths.count)
    }

    /// Every stack, for when the change cannot be computed.
    public static func all(_ config: ProjectConfig) -> AffectedStacks {
        let names = config.stacks.map(\.name)
        return AffectedStacks(stacks: names, reasons: Dictionary(uniqueKeysWithValues: names.map { ($0, .fallback) }), changedCount: 0)
    }

    /// The git-driven entry point: paths changed between merge-base(`base`, `head`) and `head`
    /// (`head` defaults to HEAD; with `includeWorkTree`, to the work tree with uncommitted edits).
    ///
    /// On a shallow clone missing the history this throws a `UsageError` naming `fetch-depth: 0`,
    /// unless `fallbackAll`, which affects every stack instead.
    public static func compute(in repository: Repository, config: ProjectConfig, base: String, head: String? = nil,
                               includeWorkTree: Bool = false, fallbackAll: Bool = false) throws -> AffectedStacks {
        if includeWorkTree, head != nil {
            throw UsageError("--work-tree compares against the work tree: it cannot be combined with --head")
        }
        if ObjectID(hex: base)?.isZero == true {
            var everything = all(config)
            everything.reasons = everything.reasons.mapValues { _ in .noBase }
            return everything
        }
        do {
            let headID = try repository.resolve(head ?? "HEAD")
            let baseID = try repository.resolve(base)
            guard let mergeBase = try repository.mergeBase(baseID, headID) else {
                throw UsageError("\(base) and \(head ?? "HEAD") have no common history", hint: "give a --base on the same history as the head")
            }
            let paths = includeWorkTree
                ? try repository.changedPathsToWorkTree(from: mergeBase).flatMap(\.touchedPaths)
                : try repository.changedPathNames(from: mergeBase, to: headID)
            return resolve(changedPaths: paths, config: config)
        } catch let error as GitError where repository.isShallow && error.kind != .notARepository {
            if fallbackAll { return all(config) }
            throw UsageError("cannot compare with \(base): this is a shallow clone and the history is missing (\(error.message))",
                             hint: "use `fetch-depth: 0` in actions/checkout (or run `git fetch --unshallow`), or pass `--fallback all` to select every stack")
        }
    }
}

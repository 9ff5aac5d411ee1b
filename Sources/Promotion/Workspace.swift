import Foundation
import GitKit
import Stacks
import WorkflowModel

/// The environments as committed on the branch that records promotions, and that branch's tip:
/// manifests are read from the tip (never from the work tree) so a write can move it compare-and-swap.
public struct Workspace {
    public var repository: Repository
    public var project: ProjectConfig?
    public var chain: EnvironmentChain
    /// The branch promotions into the environment in question are committed on (its `branch:`).
    public var branch: String
    public var tip: ObjectID
    /// True when `branch` is a local branch (writable); false when read from `origin/<branch>`.
    public var isLocal: Bool

    /// Reads the chain from HEAD, then from the tip of the `branch:` of `environment` (of the root when nil).
    public static func open(_ repository: Repository, project: ProjectConfig?, environment: String?) throws -> Workspace {
        let head = try repository.head()
        guard let headID = head.id else {
            throw UsageError("the repository has no commits yet", hint: "commit environments/*.yml first")
        }
        let first = try EnvironmentChain.load(from: repository, at: headID, project: project)
        let branch = try environment.map { try first.environment(named: $0) }?.branchPolicy.branch ?? first.root.branchPolicy.branch
        if head.branchName == branch {
            return Workspace(repository: repository, project: project, chain: first, branch: branch, tip: headID, isLocal: true)
        }
        if let local = try repository.referenceTarget("refs/heads/\(branch)") {
            return Workspace(repository: repository, project: project,
                             chain: try EnvironmentChain.load(from: repository, at: local, project: project),
                             branch: branch, tip: local, isLocal: true)
        }
        if let remote = try repository.referenceTarget("refs/remotes/origin/\(branch)") {
            return Workspace(repository: repository, project: project,
                             chain: try EnvironmentChain.load(from: repository, at: remote, project: project),
                             branch: branch, tip: remote, isLocal: false)
        }
        throw UsageError("environments are recorded on branch \(branch), which exists neither locally nor at origin",
                         hint: "fetch it: git fetch origin \(branch):\(branch)")
    }

    /// Fails unless `branch` is local: writes move a local branch, then get pushed.
    func requireWritable() throws {
        guard isLocal else {
            throw UsageError("promotions are committed on branch \(branch), which only exists as origin/\(branch)",
                             hint: "create it locally first: git fetch origin \(branch):\(branch)")
        }
    }

    /// Promotions into `environment` on the branch, newest first.
    public func history(of environment: String) throws -> [PromotionEntry] {
        do {
            return try PromotionHistory.entries(from: tip, in: repository, environment: environment)
        } catch let error as GitError where repository.isShallow {
            throw GitError(.shallowHistory, "this is a shallow clone: the promotion history on \(branch) reaches past it (\(error.message)) — fetch it with `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout")
        }
    }

    /// Commits a new version of `environment`'s manifest (only that file), compare-and-swap on the
    /// branch; a lost race is a clear "re-run" error and changes nothing.
    func commit(_ environment: Environment, text: String, message: String, author: String) throws -> ObjectID {
        try requireWritable()
        do {
            return try repository.commitReplacingFile(branch: branch, path: environment.path, content: Data(text.utf8),
                                                      message: message, expectedTip: tip, author: author)
        } catch let error as GitError where error.kind == .refMoved {
            throw UsageError("\(branch) moved while this command ran (another promotion or push landed first): nothing was written",
                             hint: "re-run the command; it reads the new state")
        }
    }

    /// The manifest text of `environment` at the tip.
    func manifestText(_ environment: Environment) throws -> String {
        let data = try repository.fileContent(at: tip, path: environment.path) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// `text` parsed again: a rewrite that does not read back as intended is never committed.
    func reparse(_ text: String, _ environment: Environment) throws -> Environment {
        do {
            return try ManifestParser.parse(text, path: environment.path, project: project)
        } catch {
            throw UsageError("internal: the rewritten \(environment.path) does not parse (\(error)); nothing was written",
                             hint: "report this with the manifest attached")
        }
    }

    /// When the branch is checked out and a killed run left `path` stale in the work tree or index
    /// (the commit landed, the sync did not), brings them up to the tip.
    func repairCheckedOutFile(_ path: String) throws {
        guard case .branch(let name, let id) = try repository.head(), name == branch, id == tip,
              let workTree = repository.workTree else { return }
        guard try repository.status().entries.contains(where: { $0.path == path }) else { return }
        guard let committed = try repository.fileContent(at: tip, path: path) else { return }
        let onDisk = FileManager.default.contents(atPath: "\(workTree)/\(path)")
        let parent = try repository.commit(tip).parents.first.flatMap { try repository.fileContent(at: $0, path: path) }
        if onDisk == committed || onDisk == parent {
            try repository.syncCheckedOutFile(path, content: committed)
        }
    }
}

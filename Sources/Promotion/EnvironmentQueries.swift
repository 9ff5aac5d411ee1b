import Foundation
import GitKit
import Stacks
import WorkflowModel

/// Read-only views of the environments: `env list`, `env show`, `env diff`, `env history`.
public struct EnvironmentQueries {
    public var repository: Repository
    public var project: ProjectConfig?

    public init(repository: Repository, project: ProjectConfig?) {
        self.repository = repository
        self.project = project
    }

    /// One row of `env list`.
    public struct Summary: Sendable, Codable {
        public var name: String
        public var promotesFrom: String?
        public var build: ObjectID?
        public var deployedAt: Date?
        public var by: String?
        public var held: Bool
        /// `up to date`, `ready`, `blocked: soak, approvals`, or why it cannot be evaluated.
        public var next: String
    }

    /// The chain, root first, each with its deployment and whether the next promotion would pass now.
    public func list(now: Date) throws -> [Summary] {
        let workspace = try Workspace.open(repository, project: project, environment: nil)
        let promoter = Promoter(repository: repository, project: project)
        return workspace.chain.environments.map { environment in
            let next: String
            do {
                let outcome = try promoter.promote(PromotionRequest(target: environment.name, dryRun: true, actor: "shipgate", now: now))
                switch outcome.status {
                case .alreadyDeployed: next = "up to date"
                case .ready: next = "ready: \(outcome.build.short)"
                default: next = "blocked: " + outcome.failedGates.map(\.gate).joined(separator: ", ")
                }
            } catch let error as any UserFacingError {
                next = error.message
            } catch {
                next = "\(error)"
            }
            return Summary(name: environment.name, promotesFrom: environment.promotesFrom, build: environment.deployed?.build,
                           deployedAt: environment.deployed?.at, by: environment.deployed?.by, held: environment.hold != nil, next: next)
        }
    }

    public func show(_ name: String) throws -> Environment {
        try Workspace.open(repository, project: project, environment: name).chain.environment(named: name)
    }

    /// `env diff A B`: the commits between the two deployed builds and the stacks that differ.
    public struct Difference: Sendable {
        public var a: String
        public var b: String
        public var buildA: ObjectID
        public var buildB: ObjectID
        /// Commits in A's build and not in B's (what promoting A into B would ship), newest first,
        /// without shipgate's own record commits.
        public var onlyInA: [Commit]
        /// Commits in B's build and not in A's.
        public var onlyInB: [Commit]
        /// Stacks whose deployed build differs: name, A's build, B's build.
        public var stacks: [(stack: String, a: ObjectID?, b: ObjectID?)]
    }

    public func diff(_ nameA: String, _ nameB: String) throws -> Difference {
        let workspace = try Workspace.open(repository, project: project, environment: nameA)
        let a = try workspace.chain.environment(named: nameA), b = try workspace.chain.environment(named: nameB)
        guard let deployedA = a.deployed, let deployedB = b.deployed else {
            let empty = a.deployed == nil ? a.name : b.name
            throw UsageError("\(empty) has nothing deployed: nothing to compare", hint: "promote into \(empty) first")
        }
        for build in [deployedA.build, deployedB.build] where !repository.contains(build) {
            throw GitError(.shallowHistory, "build \(build.short) is not in this clone: fetch it (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)")
        }
        let names = Set(deployedA.stacks.keys).union(deployedB.stacks.keys).union(project?.stacks.map(\.name) ?? []).sorted()
        let stacks = names.compactMap { stack -> (stack: String, a: ObjectID?, b: ObjectID?)? in
            let buildA = a.deployedBuild(of: stack), buildB = b.deployedBuild(of: stack)
            return buildA == buildB ? nil : (stack, buildA, buildB)
        }
        return Difference(a: a.name, b: b.name, buildA: deployedA.build, buildB: deployedB.build,
                          onlyInA: try changes(from: deployedA.build, hiding: deployedB.build),
                          onlyInB: try changes(from: deployedB.build, hiding: deployedA.build), stacks: stacks)
    }

    /// Commits of `build` not in `other`, leaving out shipgate's own record commits.
    private func changes(from build: ObjectID, hiding other: ObjectID) throws -> [Commit] {
        try repository.log(from: build, hiding: [other]).filter { !PromotionHistory.isRecord($0) }
    }

    /// Every promotion into `name`, newest first.
    public func history(_ name: String) throws -> [PromotionEntry] {
        let workspace = try Workspace.open(repository, project: project, environment: name)
        _ = try workspace.chain.environment(named: name)
        return try workspace.history(of: name)
    }
}

import Foundation
import GitKit
import WorkflowModel

/// One environment read from `environments/<name>.yml`: policy written by people, plus the
/// `deployed:` and `hold:` blocks written only by shipgate.
public struct Environment: Sendable {
    public var name: String
    /// Path of the manifest relative to the repository root (`environments/staging.yml`).
    public var path: String
    /// The environment builds come from; nil for the root of the chain.
    public var promotesFrom: String?
    public var branchPolicy: BranchPolicy
    public var gates: GatePolicy
    /// Secret names workflows may reference in jobs that use this environment.
    public var secrets: [String]
    /// Variables exported to suites and deploys run against this environment, in file order.
    public var variables: [(name: String, value: String)]
    public var hold: Hold?
    public var deployed: Deployment?
    /// Where each top-level key starts, for messages (`promotes_from` → 2:1).
    public var keyPositions: [String: SourcePosition]

    public init(name: String, path: String, promotesFrom: String? = nil, branchPolicy: BranchPolicy,
                gates: GatePolicy = GatePolicy(), secrets: [String] = [], variables: [(name: String, value: String)] = [],
                hold: Hold? = nil, deployed: Deployment? = nil, keyPositions: [String: SourcePosition] = [:]) {
        self.name = name
        self.path = path
        self.promotesFrom = promotesFrom
        self.branchPolicy = branchPolicy
        self.gates = gates
        self.secrets = secrets
        self.variables = variables
        self.hold = hold
        self.deployed = deployed
        self.keyPositions = keyPositions
    }

    public var isRoot: Bool { promotesFrom == nil }

    /// The build deployed for `stack`: its own entry when the environment records stacks (nil when
    /// that stack was never promoted), else the environment's build.
    public func deployedBuild(of stack: String?) -> ObjectID? {
        guard let deployed else { return nil }
        guard let stack, !deployed.stacks.isEmpty else { return deployed.build }
        return deployed.stacks[stack]
    }

    func position(of key: String) -> SourcePosition {
        keyPositions[key] ?? SourcePosition(line: 1, column: 1)
    }
}

/// Which builds may enter an environment: those reachable from `branch`, or pointed at by a tag
/// matching one of `tags`.
public struct BranchPolicy: Sendable, Equatable {
    public var branch: String
    /// Glob patterns (`v*`, `release-*`) of tags whose commits are also accepted.
    public var tags: [String]

    public init(branch: String, tags: [String] = []) {
        self.branch = branch
        self.tags = tags
    }
}

/// The `gates:` section of a manifest.
public struct GatePolicy: Sendable, Equatable {
    /// Suites that must have passed, for every stack promoted that declares them.
    public var suites: [String]
    /// Suites required per stack (`suites: { datalake: [unit] }`), in addition to `suites`.
    public var suitesByStack: [String: [String]]
    /// Evidence must carry a valid HMAC under `SHIPGATE_EVIDENCE_KEY`.
    public var requireSigned: Bool
    /// Seconds the build must have spent in the source environment.
    public var soak: Int?
    public var approvals: ApprovalPolicy?
    public var freeze: [FreezeWindow]

    public init(suites: [String] = [], suitesByStack: [String: [String]] = [:], requireSigned: Bool = false,
                soak: Int? = nil, approvals: ApprovalPolicy? = nil, freeze: [FreezeWindow] = []) {
        self.suites = suites
        self.suitesByStack = suitesByStack
        self.requireSigned = requireSigned
        self.soak = soak
        self.approvals = approvals
        self.freeze = freeze
    }

    /// The suites required of `stack`, given the suites it declares (nil: unknown, take every listed suite).
    public func requiredSuites(of stack: String, declared: [String]?) -> [String] {
        let general = declared.map { names in suites.filter(names.contains) } ?? suites
        var result = general
        for suite in suitesByStack[stack] ?? [] where !result.contains(suite) { result.append(suite) }
        return result
    }
}

/// `approvals: { count: 2, from: [a, b], not_author: true }`.
public struct ApprovalPolicy: Sendable, Equatable {
    public var count: Int
    /// Who may approve; empty means anyone.
    public var from: [String]
    /// The build's author's own approval does not count.
    public var notAuthor: Bool

    public init(count: Int, from: [String] = [], notAuthor: Bool = false) {
        self.count = count
        self.from = from
        self.notAuthor = notAuthor
    }

    /// Whether `name` is on the `from` list (any name when the list is empty), case-insensitively.
    public func allows(_ name: String) -> Bool {
        from.isEmpty || from.contains { $0.caseInsensitiveCompare(name) == .orderedSame }
    }
}

/// What an environment runs: written by `shipgate promote`.
public struct Deployment: Sendable, Equatable {
    /// The build last promoted into the environment.
    public var build: ObjectID
    public var at: Date
    public var by: String
    /// Each stack's deployed build (stacks promoted one by one may differ), sorted by name when written.
    public var stacks: [String: ObjectID]

    public init(build: ObjectID, at: Date, by: String, stacks: [String: ObjectID] = [:]) {
        self.build = build
        self.at = at
        self.by = by
        self.stacks = stacks
    }
}

/// A stop-the-line hold: no promotion enters the environment until it is released.
public struct Hold: Sendable, Equatable {
    public var reason: String
    public var by: String
    public var at: Date

    public init(reason: String, by: String, at: Date) {
        self.reason = reason
        self.by = by
        self.at = at
    }
}

/// ISO 8601 UTC times as shipgate writes them (`2026-11-20T10:00:00Z`) and reads them (any offset).
public enum Timestamp {
    /// `date` cut to the whole second, the precision manifests record: a record built from it
    /// reads back equal to what was written.
    public static func recordable(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Parses `2026-11-20T10:00:00Z`, `2026-11-20T11:00:00+01:00` or with fractional seconds.
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

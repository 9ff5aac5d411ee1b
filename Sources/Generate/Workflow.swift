/// A GitHub Actions workflow to generate: a typed model, separate from rendering. Optional
/// fields left nil (or empty) are not written.
public struct Workflow: Sendable, Equatable {
    public var name: String
    public var triggers: [Trigger]
    /// Workflow-level permissions; `[]` renders `permissions: {}` (nothing unless a job asks).
    public var permissions: [Permission]
    public var concurrency: Concurrency?
    public var jobs: [Job]

    public init(name: String, triggers: [Trigger], permissions: [Permission] = [], concurrency: Concurrency? = nil, jobs: [Job]) {
        self.name = name
        self.triggers = triggers
        self.permissions = permissions
        self.concurrency = concurrency
        self.jobs = jobs
    }
}

/// An event under `on:`.
public enum Trigger: Sendable, Equatable {
    case pullRequest(branches: [String])
    case push(branches: [String])
    case workflowDispatch(inputs: [DispatchInput])
}

/// An input of `workflow_dispatch`.
public struct DispatchInput: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case string
        case choice([String])
    }

    public var name: String
    public var description: String
    public var required: Bool
    public var kind: Kind
    public var defaultValue: String?

    public init(name: String, description: String, required: Bool, kind: Kind, defaultValue: String? = nil) {
        self.name = name
        self.description = description
        self.required = required
        self.kind = kind
        self.defaultValue = defaultValue
    }
}

/// `scope: read|write` of the `GITHUB_TOKEN`.
public struct Permission: Sendable, Equatable {
    public enum Level: String, Sendable { case read, write }
    public var scope: String
    public var level: Level
    /// Why the job needs it, written as a comment beside the permission.
    public var reason: String?

    public init(_ scope: String, _ level: Level, reason: String? = nil) {
        self.scope = scope
        self.level = level
        self.reason = reason
    }
}

public struct Concurrency: Sendable, Equatable {
    public var group: String
    /// A boolean or an expression (`${{ github.event_name == 'pull_request' }}`).
    public var cancelInProgress: YAMLValue

    public init(group: String, cancelInProgress: YAMLValue = .bool(false)) {
        self.group = group
        self.cancelInProgress = cancelInProgress
    }
}

public struct Job: Sendable, Equatable {
    /// The key under `jobs:`.
    public var id: String
    public var name: String?
    public var needs: [String]
    public var condition: String?
    public var runsOn: String
    public var environment: String?
    public var permissions: [Permission]
    public var concurrency: Concurrency?
    public var timeoutMinutes: Int
    public var strategy: Strategy?
    /// `name: expression` pairs, in order.
    public var outputs: [YAMLEntry]
    public var env: [YAMLEntry]
    public var steps: [Step]

    public init(id: String, name: String? = nil, needs: [String] = [], condition: String? = nil, runsOn: String = Job.defaultRunner,
                environment: String? = nil, permissions: [Permission], concurrency: Concurrency? = nil, timeoutMinutes: Int,
                strategy: Strategy? = nil, outputs: [YAMLEntry] = [], env: [YAMLEntry] = [],
                steps: [Step]) {
        self.id = id
        self.name = name
        self.needs = needs
        self.condition = condition
        self.runsOn = runsOn
        self.environment = environment
        self.permissions = permissions
        self.concurrency = concurrency
        self.timeoutMinutes = timeoutMinutes
        self.strategy = strategy
        self.outputs = outputs
        self.env = env
        self.steps = steps
    }

    /// A pinned runner image, so a new `ubuntu-latest` never changes a build unannounced.
    public static let defaultRunner = "ubuntu-24.04"
}

public struct Strategy: Sendable, Equatable {
    /// `key: expression` of the matrix (`stack: ${{ fromJSON(needs.plan.outputs.stacks) }}`).
    public var matrix: [YAMLEntry]
    public var failFast: Bool
    public var maxParallel: Int?

    public init(matrix: [YAMLEntry], failFast: Bool = false, maxParallel: Int? = nil) {
        self.matrix = matrix
        self.failFast = failFast
        self.maxParallel = maxParallel
    }
}

/// A step: either `uses:` an action (pinned, see `PinnedAction`) or `run:` a script.
public struct Step: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case uses(PinnedAction, with: [YAMLEntry])
        case run(String)
    }

    public var name: String
    public var id: String?
    public var condition: String?
    public var env: [YAMLEntry]
    public var action: Action

    public init(name: String, id: String? = nil, condition: String? = nil, env: [YAMLEntry] = [], _ action: Action) {
        self.name = name
        self.id = id
        self.condition = condition
        self.env = env
        self.action = action
    }
}

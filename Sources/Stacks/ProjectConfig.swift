import WorkflowModel

/// The project model read from `shipgate.yml`: stacks, their suites and the paths shared by all.
public struct ProjectConfig: Sendable {
    /// The file it was read from, as displayed in messages.
    public var file: String
    public var stacks: [Stack]
    /// A change under one of these paths (prefixes or globs) affects every stack.
    public var sharedPaths: [String]
    /// Lint rule ids switched off for this repository (`lint: { disable: [...] }`).
    public var lintDisabled: [String]
    /// Suites the pre-push hook runs for affected stacks (`hooks: { pre_push: { suites: [...] } }`);
    /// nil means the default, `unit`.
    public var hookSuites: [String]?
    /// Whether the pre-push hook lets direct pushes to environment branches through
    /// (`hooks: { pre_push: { allow_protected: true } }`).
    public var hookAllowsProtectedPush = false
    /// How generated workflows run shipgate (`generate: { action: owner/shipgate@<sha> }`); nil means
    /// `./`, the composite action at the root of shipgate's own repository.
    public var generateAction: String?
    /// The release `generateAction` pins, written as a comment beside it (`generate: { version: v1.2.0 }`).
    public var generateActionVersion: String?

    public init(file: String, stacks: [Stack], sharedPaths: [String] = [], lintDisabled: [String] = []) {
        self.file = file
        self.stacks = stacks
        self.sharedPaths = sharedPaths
        self.lintDisabled = lintDisabled
    }

    public func stack(named name: String) -> Stack? {
        stacks.first { $0.name == name }
    }

    /// Every suite name declared by any stack, sorted.
    public var suiteNames: [String] {
        Array(Set(stacks.flatMap { $0.suites.map(\.name) })).sorted()
    }
}

/// One deployable unit of the repository (a CDK stack, a dbt project, …).
public struct Stack: Sendable, Equatable {
    public var name: String
    /// Folder (relative to the repository root) whose changes affect the stack; may be a glob.
    public var path: String
    /// Stacks this one depends on: when they are affected, so is this one.
    public var dependsOn: [String]
    public var suites: [Suite]
    /// Command that deploys the stack to an environment, when it has one.
    public var deploy: String?
    /// Where the stack is declared, for messages.
    public var position: SourcePosition

    public init(name: String, path: String, dependsOn: [String] = [], suites: [Suite] = [], deploy: String? = nil,
                position: SourcePosition = SourcePosition(line: 1, column: 1)) {
        self.name = name
        self.path = path
        self.dependsOn = dependsOn
        self.suites = suites
        self.deploy = deploy
        self.position = position
    }

    public func suite(named name: String) -> Suite? {
        suites.first { $0.name == name }
    }
}

/// A test suite of a stack: a shell command run in the stack's folder.
public struct Suite: Sendable, Equatable {
    public var name: String
    public var run: String
    /// Seconds before the suite is stopped.
    public var timeout: Int
    /// Path (relative to the stack folder) of the JUnit XML the suite writes, when it writes one.
    public var junit: String?
    /// Where the suite is declared, for messages.
    public var position: SourcePosition

    public init(name: String, run: String, timeout: Int = Suite.defaultTimeout, junit: String? = nil,
                position: SourcePosition = SourcePosition(line: 1, column: 1)) {
        self.name = name
        self.run = run
        self.timeout = timeout
        self.junit = junit
        self.position = position
    }

    /// Ten minutes, when a suite gives no `timeout`.
    public static let defaultTimeout = 600
}

import WorkflowModel

/// A lint check. Each rule lives in its own file under `Rules/`, describes itself (id, one line,
/// rationale, severity) and carries examples that the test suite runs.
///
/// A rule looks at a typed `Workflow` or a local action's `ActionMetadata` (both keep their
/// positioned YAML tree) and returns findings; the `Linter` adds the file, rule id and default
/// severity, applies suppressions, sorts and de-duplicates.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ workflow: Workflow, context: LintContext) -> [Finding]
    func check(_ action: ActionMetadata, context: LintContext) -> [Finding]
}

extension Rule {
    public func check(_ workflow: Workflow, context: LintContext) -> [Finding] { [] }
    public func check(_ action: ActionMetadata, context: LintContext) -> [Finding] { [] }
    public var id: String { description.id }
}

/// What a rule is, for `shipgate rules`, SARIF and `docs/rules.md`.
public struct RuleDescription: Sendable {
    /// Kebab-case id printed as `[id]` and used by suppressions.
    public let id: String
    /// One line: what the rule catches.
    public let summary: String
    /// Why it matters (a sentence or two for the catalogue).
    public let rationale: String
    public let severity: Severity
    /// Examples where the rule must report, a `↓` before each character where a finding must appear.
    public var triggering: [Example] { makeTriggering() }
    /// Examples where the rule must stay silent.
    public var nonTriggering: [Example] { makeNonTriggering() }
    // Examples are built only when asked for (tests, the catalogue), not at every start-up.
    private let makeTriggering: @Sendable () -> [Example]
    private let makeNonTriggering: @Sendable () -> [Example]

    public init(id: String, summary: String, rationale: String, severity: Severity = .error,
                triggering: @autoclosure @escaping @Sendable () -> [Example],
                nonTriggering: @autoclosure @escaping @Sendable () -> [Example]) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        makeTriggering = triggering
        makeNonTriggering = nonTriggering
    }
}

/// A rule example: a workflow (or action) text with `↓` markers, its path in a scratch repository,
/// and other files of that repository (local actions, called workflows).
public struct Example: Sendable {
    public static let marker: Character = "↓"

    public let text: String
    public let path: String
    public let files: [String: String]
    public let filePath: String
    public let line: Int

    public init(_ text: String, path: String = ".github/workflows/ci.yml", files: [String: String] = [:],
                filePath: String = #filePath, line: Int = #line) {
        self.text = text
        self.path = path
        self.files = files
        self.filePath = filePath
        self.line = line
    }

    /// A workflow triggered on push whose `jobs:` mapping is `jobs` (written without indentation).
    public static func jobs(_ jobs: String, files: [String: String] = [:], filePath: String = #filePath, line: Int = #line) -> Example {
        Example("on: push\njobs:\n" + indented(jobs, by: 2), files: files, filePath: filePath, line: line)
    }

    /// A workflow with one job `build` on ubuntu-latest whose `steps:` list is `steps`.
    public static func steps(_ steps: String, files: [String: String] = [:], filePath: String = #filePath, line: Int = #line) -> Example {
        jobs("build:\n  runs-on: ubuntu-latest\n  steps:\n" + indented(steps, by: 4), files: files, filePath: filePath, line: line)
    }

    private static func indented(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }

    /// The text without markers.
    public var cleanText: String { text.filter { $0 != Example.marker } }

    /// Where the markers are, as positions in `cleanText`.
    public var markedPositions: [SourcePosition] {
        var result: [SourcePosition] = []
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if Character(scalar) == Example.marker {
                result.append(SourcePosition(line: line, column: column))
            } else if scalar == "\n" {
                line += 1; column = 1
            } else {
                column += 1
            }
        }
        return result
    }
}

/// A rule's finding before the linter attaches file and rule id.
public struct Finding: Sendable, Equatable {
    public let position: SourcePosition
    public let message: String
    /// Overrides the rule's default severity.
    public let severity: Severity?

    public init(_ message: String, at position: SourcePosition, severity: Severity? = nil) {
        self.message = message
        self.position = position
        self.severity = severity
    }

    public init(_ message: String, at node: YAMLNode, severity: Severity? = nil) {
        self.init(message, at: node.position, severity: severity)
    }

    public init(_ message: String, at value: StringValue, severity: Severity? = nil) {
        self.init(message, at: value.position, severity: severity)
    }
}

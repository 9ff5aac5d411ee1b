import Foundation
import Synchronization
import WorkflowModel

/// Runs the rules over files: one parse per file, files in parallel, results sorted and
/// de-duplicated, `# shipgate-disable-line rule-id` comments and disabled rules honoured.
public struct Linter: Sendable {
    public let rules: [any Rule]
    /// The `lint:` settings handed to the rules.
    public let config: LintConfig
    /// Each rule's id and default severity, read once (a description is a large value).
    private let ruleIDs: [String]
    private let severities: [Severity]

    /// - Parameter disabled: rule ids to skip (from `shipgate.yml` `lint: { disable: [...] }`).
    public init(rules: [any Rule] = RuleRegistry.all, disabled: [String] = []) {
        self.init(rules: rules, config: LintConfig(disabled: disabled))
    }

    /// Rules of `config.disabled` are skipped; the rest read their settings from `config`.
    public init(rules: [any Rule] = RuleRegistry.all, config: LintConfig) {
        let off = Set(config.disabled)
        self.rules = rules.filter { !off.contains($0.id) }
        self.config = config
        ruleIDs = self.rules.map(\.description.id)
        severities = self.rules.map(\.description.severity)
    }

    /// The findings of one file's text.
    public func lint(text: String, file: String, context: LintContext) -> [Diagnostic] {
        lint(source: SourceText(file: file, text: text), context: context)
    }

    /// Largest file linted, in bytes: real workflows are a few kilobytes; this bounds memory.
    public static let maximumFileSize = 4 << 20

    /// The findings of one file.
    public func lint(source: SourceText, context: LintContext) -> [Diagnostic] {
        let file = source.file, text = source.text
        if text.utf8.count > Linter.maximumFileSize {
            return [Diagnostic(file: file, position: SourcePosition(line: 1, column: 1), ruleID: YAMLDocument.syntaxRuleID,
                               message: "the file is \(text.utf8.count >> 20) MB, more than the \(Linter.maximumFileSize >> 20) MB shipgate reads: is it really a workflow?")]
        }
        let root: YAMLNode?
        do {
            root = try YAMLDocument.parse(text, file: file)
        } catch {
            return [error]
        }
        let start = SourcePosition(line: 1, column: 1)
        guard let root else {
            return [Diagnostic(file: file, position: start, ruleID: YAMLDocument.syntaxRuleID,
                               message: "the file is empty: a workflow needs at least \"on\" and \"jobs\"")]
        }
        guard root.pairs != nil else {
            return [Diagnostic(file: file, position: root.position, ruleID: YAMLDocument.syntaxRuleID,
                               message: "the top level must be a mapping of keys such as \"on\" and \"jobs\", found \(root.kindName)")]
        }
        var diagnostics: [Diagnostic] = []
        let isAction = ActionMetadata.isMetadataFile(file) && root["jobs"] == nil && !file.contains(".github/workflows/")
        let workflow = isAction ? nil : Workflow(root: root, source: source)
        let action = isAction ? ActionMetadata(root: root, source: source) : nil
        for (index, rule) in rules.enumerated() {
            let findings: [Finding]
            if let workflow {
                findings = rule.check(workflow, context: context)
            } else if let action {
                findings = rule.check(action, context: context)
            } else {
                findings = []
            }
            let id = ruleIDs[index]
            for finding in findings where !source.isSuppressed(line: finding.position.line, ruleID: id) {
                diagnostics.append(Diagnostic(file: file, position: finding.position, ruleID: id,
                                              severity: finding.severity ?? severities[index], message: finding.message))
            }
        }
        return Linter.normalized(diagnostics)
    }

    /// Lints files in parallel. Each target names the path to read, the path to print, and the
    /// repository the file belongs to (for local actions and reusable workflows).
    public func lint(_ targets: [LintTarget]) -> LintReport {
        let slots = Mutex<[[Diagnostic]]>(Array(repeating: [], count: targets.count))
        let sources = Mutex<[String: SourceText]>([:])
        DispatchQueue.concurrentPerform(iterations: targets.count) { index in
            let target = targets[index]
            let found: [Diagnostic]
            do throws(Diagnostic) {
                let text = try YAMLDocument.readText(path: target.path, displayPath: target.displayPath)
                let context = target.repositoryRoot.map { LintContext.repository(root: $0, relativePath: target.relativePath ?? target.displayPath, config: config) }
                    ?? LintContext(relativePath: nil, config: config) { _ in nil }
                let source = SourceText(file: target.displayPath, text: text)
                found = lint(source: source, context: context)
                if !found.isEmpty { sources.withLock { $0[target.displayPath] = source } }
            } catch {
                found = [error]
            }
            slots.withLock { $0[index] = found }
        }
        return LintReport(diagnostics: Linter.normalized(slots.withLock { $0 }.flatMap { $0 }),
                          sources: sources.withLock { $0 })
    }

    /// Sorted by file and position, duplicates removed (files given in order are already sorted).
    static func normalized(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        // Strictly increasing (the usual case when files are given sorted): nothing to do, and
        // indexes rather than `zip` compare the elements in place instead of copying each one.
        if diagnostics.indices.dropFirst().allSatisfy({ diagnostics[$0 - 1] < diagnostics[$0] }) { return diagnostics }
        let isSorted = zip(diagnostics, diagnostics.dropFirst()).allSatisfy { !($1 < $0) }
        var result: [Diagnostic] = []
        result.reserveCapacity(diagnostics.count)
        for diagnostic in isSorted ? diagnostics : diagnostics.sorted() where result.last != diagnostic {
            result.append(diagnostic)
        }
        return result
    }
}

/// One file to lint.
public struct LintTarget: Sendable, Equatable {
    /// Where to read it.
    public let path: String
    /// How to print it (relative to the current directory when possible).
    public let displayPath: String
    /// The repository root, when the file is in a repository whose local files may be read.
    public let repositoryRoot: String?
    /// The path relative to `repositoryRoot`.
    public let relativePath: String?

    public init(path: String, displayPath: String, repositoryRoot: String? = nil, relativePath: String? = nil) {
        self.path = path
        self.displayPath = displayPath
        self.repositoryRoot = repositoryRoot
        self.relativePath = relativePath
    }
}

/// Findings of a lint run, with the text of the files that have findings (for source excerpts).
public struct LintReport: Sendable {
    public let diagnostics: [Diagnostic]
    public let sources: [String: SourceText]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

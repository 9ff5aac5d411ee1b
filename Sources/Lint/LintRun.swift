import Foundation
import Report
import WorkflowModel

/// `shipgate lint [PATH…]`: which files to lint, with which configuration, rendered how.
public enum LintRun {
    /// The rendered output and the exit code: 1 when any error-level finding, 0 otherwise.
    /// Usage and configuration problems are thrown (exit 2).
    public static func run(paths: [String], format: OutputFormat, terminal: Terminal,
                           currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> (output: String, exitCode: Int32) {
        let targets: [LintTarget]
        let root: String?
        if paths.isEmpty {
            guard let discovered = RepositoryFiles.root(containing: currentDirectory) else {
                throw UsageError("not inside a git repository, so there are no workflows to find",
                                 hint: "run it inside a repository or give the workflow files: shipgate lint .github/workflows/ci.yml")
            }
            root = discovered
            targets = RepositoryFiles.targets(root: discovered, currentDirectory: currentDirectory)
            if targets.isEmpty {
                throw UsageError("no workflows under \(discovered)/.github/workflows", hint: "add a workflow or give file paths")
            }
        } else {
            targets = try RepositoryFiles.targets(for: paths, currentDirectory: currentDirectory)
            root = targets.first?.repositoryRoot ?? RepositoryFiles.root(containing: currentDirectory)
        }
        let config = try root.map { try LintConfig.load(repositoryRoot: $0) } ?? LintConfig()
        let report = Linter(config: config).lint(targets)
        let context = RenderContext(sources: report.sources, rules: RuleRegistry.infos, terminal: terminal)
        GitHubFiles.append(StepSummary.lint(report.diagnostics), to: "GITHUB_STEP_SUMMARY")
        return (format.renderer.render(report.diagnostics, context: context), report.hasErrors ? 1 : 0)
    }
}

extension RuleRegistry {
    /// The rules as the renderers see them.
    public static var infos: [RuleInfo] {
        all.map { RuleInfo(id: $0.id, summary: $0.description.summary, rationale: $0.description.rationale, severity: $0.description.severity) }
    }
}

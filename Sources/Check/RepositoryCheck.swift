import Foundation
import GitKit
import Lint
import Promotion
import Report
import Stacks
import WorkflowModel

/// `shipgate check` (and `shipgate` with no verb): the one command a newcomer runs first. Lints the
/// workflows, shows the git state, the stacks and every environment's readiness; each section works
/// with zero configuration and a problem in one does not hide the others.
public struct RepositoryCheck {
    public var terminal: Terminal
    public var now: Date

    public init(terminal: Terminal, now: Date = Date()) {
        self.terminal = terminal
        self.now = now
    }

    /// The report and the exit code: 1 when lint found errors, 2 when a file could not be read
    /// (a configuration error), 0 otherwise.
    public func run(from directory: String = FileManager.default.currentDirectoryPath) throws -> (output: String, exitCode: Int32) {
        let repository = try Repository.discover(from: directory)
        guard let root = repository.workTree else {
            throw UsageError("\(repository.gitDirectory) is a bare repository", hint: "run shipgate check in a work tree")
        }
        var sections: [String] = []
        var exitCode: Int32 = 0
        func section(_ title: String, _ body: () throws -> (String, Int32)) {
            var text: String
            var code: Int32
            do {
                (text, code) = try body()
            } catch let diagnostic as Diagnostic {
                (text, code) = (terminal.paint("error: ", .red) + diagnostic.description, 2)
            } catch let error as any UserFacingError {
                (text, code) = (terminal.paint("error: ", .red) + error.message + (error.hint.map { "\nhint: \($0)" } ?? ""), 2)
            } catch let error as GitError {
                (text, code) = (terminal.paint("error: ", .red) + error.message, 2)
            } catch {
                (text, code) = (terminal.paint("error: ", .red) + "\(error)", 3)
            }
            exitCode = max(exitCode, code)
            sections.append(terminal.paint("== \(title)", .bold) + "\n" + text.trimmingCharacters(in: .newlines))
        }

        section("git") { (StatusRenderer.human(try WorkingCopyReport.gather(from: repository), terminal: terminal), 0) }
        section("workflows") { try lintSection(root: root) }
        var project: ProjectConfig?
        section("stacks") {
            project = try ProjectConfig.loadIfPresent(repositoryRoot: root)
            guard let project else {
                return ("no \(ProjectConfig.fileName): add one to declare stacks and suites (docs/stacks.md)", 0)
            }
            let suites = project.stacks.reduce(0) { $0 + $1.suites.count }
            return ("\(project.stacks.count) stack(s) with \(suites) suite(s): \(project.stacks.map(\.name).joined(separator: ", "))", 0)
        }
        section("environments") {
            guard let head = try repository.head().id,
                  try !repository.fileNames(at: head, directory: EnvironmentChain.directory).isEmpty else {
                return ("no environments/ manifests: add development.yml, staging.yml, production.yml to gate promotions (docs/promotion.md)", 0)
            }
            let summaries = try EnvironmentQueries(repository: repository, project: project).list(now: now)
            return (PromotionText.list(summaries, now: now), 0)
        }
        return (sections.joined(separator: "\n\n") + "\n", exitCode)
    }

    private func lintSection(root: String) throws -> (String, Int32) {
        guard FileManager.default.fileExists(atPath: root + "/.github/workflows") else {
            return ("no .github/workflows: nothing to lint (shipgate generate writes CI and promotion workflows)", 0)
        }
        let result = try LintRun.run(paths: [], format: .human, terminal: terminal, currentDirectory: root)
        let text = result.output.isEmpty ? terminal.paint("no findings", .green) : result.output
        return (text, result.exitCode)
    }
}

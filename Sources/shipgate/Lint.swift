import ArgumentParser
import Lint
import Report

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check GitHub Actions workflows and local actions.",
        discussion: "With no path: every workflow under the repository's .github/workflows plus its local action.yml files. Rules: docs/rules.md.")

    @Argument(help: "Workflow or action.yml files (default: the repository's).")
    var paths: [String] = []

    @Option(help: "Output format: human, json, github or sarif (github under GITHUB_ACTIONS=true).")
    var format: OutputFormat = .defaultFormat()

    @Option(help: "Colors: auto, always or never.")
    var color: Terminal.ColorChoice = .auto

    func run() throws {
        try runReporting {
            let result = try LintRun.run(paths: paths, format: format, terminal: .detect(choice: color))
            print(result.output, terminator: "")
            if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension Terminal.ColorChoice: ExpressibleByArgument {}

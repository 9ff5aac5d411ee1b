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

extension LintCommand {
    /// `lint`'s arguments as its options and its paths, when that split is unambiguous (no flag
    /// other than `--format`/`--color`, no `--`, no `help`); nil otherwise.
    ///
    /// argument-parser stores a repeated positional argument by copying the array for every value
    /// (quadratic), ~10 ms for 400 files on the critical path, so the paths are set after parsing.
    static func splitPaths(_ arguments: [String]) -> (options: [String], paths: [String])? {
        guard arguments.first == "lint", arguments.count > 2 else { return nil }
        var options = ["lint"], paths: [String] = []
        paths.reserveCapacity(arguments.count)
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--format" || argument == "--color" {
                guard index + 1 < arguments.count else { return nil }
                options += [argument, arguments[index + 1]]
                index += 2
                continue
            }
            if argument.hasPrefix("--format=") || argument.hasPrefix("--color=") {
                options.append(argument)
            } else if argument.hasPrefix("-") || argument == "help" {
                return nil
            } else {
                paths.append(argument)
            }
            index += 1
        }
        return (options, paths)
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension Terminal.ColorChoice: ExpressibleByArgument {}

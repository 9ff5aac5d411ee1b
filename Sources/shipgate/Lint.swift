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

    /// The command for `splitPaths`' options when they are only valid, distinct `--format` and
    /// `--color` values, built without argument-parser (its parse costs ~1.3 ms of start-up);
    /// nil when the parser must judge them.
    static func direct(options: [String], paths: [String]) -> LintCommand? {
        var format: OutputFormat?, color: Terminal.ColorChoice?
        var index = 1
        while index < options.count {
            let name: Substring, value: String
            if let equals = options[index].firstIndex(of: "=") {
                name = options[index][..<equals]
                value = String(options[index][options[index].index(after: equals)...])
                index += 1
            } else {
                guard index + 1 < options.count else { return nil }
                name = options[index][...]
                value = options[index + 1]
                index += 2
            }
            switch name {
            case "--format":
                guard format == nil, let parsed = OutputFormat(argument: value) else { return nil }
                format = parsed
            case "--color":
                guard color == nil, let parsed = Terminal.ColorChoice(argument: value) else { return nil }
                color = parsed
            default:
                return nil
            }
        }
        var command = LintCommand()
        command.paths = paths
        command.format = format ?? .defaultFormat()
        command.color = color ?? .auto
        return command
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension Terminal.ColorChoice: ExpressibleByArgument {}

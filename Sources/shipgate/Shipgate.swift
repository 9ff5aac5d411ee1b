import ArgumentParser
import Foundation

@main
struct Shipgate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipgate",
        abstract: "CI/CD for multi-stack repositories: lint workflows, inspect git, run suites, gate promotions.",
        discussion: "Exit codes: 0 ok, 1 findings / gate failed / suite failed, 2 usage or configuration error, 3 internal error.\n\n" + GlobalOptions.help,
        version: ShipgateVersion.current,
        subcommands: [CheckCommand.self, Status.self, LintCommand.self, RulesCommand.self, StacksCommand.self, Affected.self, Test.self, Evidence.self,
                      Promote.self, Approve.self, Env.self, Hook.self, GenerateCommand.self, DeployCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Parses and runs the command; usage errors exit 2 (not argument-parser's 64), as documented.
    static func main() async {
        let arguments: [String]
        do {
            arguments = try GlobalOptions.apply(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command: ParsableCommand
            if let split = LintCommand.splitPaths(arguments) {
                if let direct = LintCommand.direct(options: split.options, paths: split.paths) {
                    try direct.run()
                    return
                }
                var lint = try parseAsRoot(split.options)
                if var parsed = lint as? LintCommand { parsed.paths = split.paths; lint = parsed }
                command = lint
            } else {
                command = try parseAsRoot(arguments)
            }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

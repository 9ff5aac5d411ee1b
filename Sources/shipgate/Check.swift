import ArgumentParser
import Check
import Report

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint the workflows, show git state, stacks and every environment's readiness (the default verb).",
        discussion: """
        Examples:
          shipgate            # same as shipgate check
          shipgate check
        """
    )

    func run() throws {
        try runReporting {
            let result = try RepositoryCheck(terminal: .detect()).run()
            print(result.output, terminator: "")
            if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        }
    }
}

import ArgumentParser
import Lint
import Report

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every lint rule: id, severity and what it catches.")

    @Flag(help: "Print the markdown catalogue (docs/rules.md) instead of the table.")
    var markdown = false

    func run() throws {
        print(markdown ? RuleCatalogue.markdown() : RuleCatalogue.table(), terminator: markdown ? "" : "\n")
    }
}

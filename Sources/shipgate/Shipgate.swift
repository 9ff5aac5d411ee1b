import ArgumentParser

@main
struct Shipgate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipgate",
        abstract: "CI/CD for multi-stack repositories: lint workflows, inspect git, run suites, gate promotions.",
        subcommands: [Status.self, LintCommand.self, RulesCommand.self]
    )
}

import ArgumentParser

@main
struct Shipgate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipgate",
        abstract: "CI/CD for multi-stack repositories: lint workflows, inspect git, run suites, gate promotions.",
        subcommands: [Status.self, StacksCommand.self, Affected.self, Test.self, Evidence.self, Promote.self, Approve.self, Env.self]
    )
}

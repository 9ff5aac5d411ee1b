import ArgumentParser
import Foundation
import GitKit
import Report
import Stacks

struct Affected: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "affected", abstract: "List the stacks a change touches (for a CI job matrix).")

    @Option(help: "Compare from the merge base of this revision and the head.") var base: String
    @Option(help: "The head revision (default: HEAD).") var head: String?
    @Flag(help: "Include uncommitted changes of the work tree.") var workTree = false
    @Option(help: "Output format: human or json.") var format: TestSession.Format = .human
    @Flag(help: "Append stacks=<JSON array> and any=<true|false> to $GITHUB_OUTPUT.") var githubOutput = false
    @Option(help: "On a shallow clone missing the history: 'all' selects every stack instead of failing.") var fallback: Fallback?

    enum Fallback: String, ExpressibleByArgument { case all }

    func run() throws {
        try runReporting {
            let repository = try Repository.discover()
            let config = try ProjectConfig.load(repositoryRoot: repository.workTree ?? repository.gitDirectory)
            let affected = try AffectedStacks.compute(in: repository, config: config, base: base, head: head,
                                                      includeWorkTree: workTree, fallbackAll: fallback == .all)
            print(format == .json ? affected.json() : affected.humanText(), terminator: format == .json ? "\n" : "")
            if githubOutput { GitHubFiles.append(affected.githubOutput(), to: "GITHUB_OUTPUT") }
        }
    }
}

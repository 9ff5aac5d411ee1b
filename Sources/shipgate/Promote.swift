import ArgumentParser
import Promotion
import Report

struct Promote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Gate a build into an environment and record it in the environment's manifest.")

    @Option(name: .customLong("to"), help: "The environment to promote into.") var target: String
    @Option(help: "The build (any revision; default: what the source environment runs).") var build: String?
    @Option(name: .customLong("stack"), help: "Promote only this stack (repeatable).") var stacks: [String] = []
    @Flag(help: "Evaluate the gates and write nothing.") var dryRun = false
    @Flag(help: "Return to a build the environment ran before, and mark the current one bad.") var rollback = false
    @OptionGroup var actor: ActorOptions
    @Option(help: "human or json.") var format: PromotionFormat = .human

    func run() throws {
        try runReporting {
            let (repository, project) = try openProject()
            let request = PromotionRequest(target: target, build: build, stacks: stacks, dryRun: dryRun, rollback: rollback,
                                           actor: try actor.actor(repository), now: try actor.time())
            let outcome = try Promoter(repository: repository, project: project).promote(request)
            print(format == .json ? PromotionText.json(outcome) : PromotionText.outcome(outcome, terminal: .detect()))
            GitHubFiles.append(PromotionText.markdown(outcome), to: "GITHUB_STEP_SUMMARY")
            GitHubFiles.append(PromotionText.githubOutputs(outcome), to: "GITHUB_OUTPUT")
            if outcome.status == .blocked { throw Exit.findings }
        }
    }
}
